package io.olmp.cli;

import io.olmp.config.SettingsException;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code --out}, {@code --reference}, {@code --local}, {@code --master} and {@code --resume}, shared by
 * {@code olmp run} and {@code olmp baseline}, with their rules for where candidates are scored and for resuming.
 */
final class RunOptions {

    @Option(names = "--out", paramLabel = "DIR",
            description = "output folder (default: runs/<name>-<conf>-<data>-seed<seed>, where <name> is run"
                    + " or baseline-<method>)")
    Path out;

    @Option(names = "--reference", paramLabel = "ZIP", description = "use this trained DL4J model instead of training one")
    Path reference;

    @Option(names = "--local", description = "score candidates in this JVM, without Spark (olmp.scoring.evaluator = local)")
    boolean local;

    @Option(names = "--master", paramLabel = "URL",
            description = "score candidates on Spark with this master, e.g. local[2] or spark://127.0.0.1:7077 (default: olmp.spark.master)")
    String master;

    @Option(names = "--resume", paramLabel = "DIR",
            description = "continue the ${COMMAND-NAME} in DIR from its last checkpoint, with the settings in DIR/run.conf")
    Path resume;

    /** Turns {@code --local} or {@code --master URL} into settings overrides. */
    void addScoringOverrides(List<String> overrides) {
        if (local && master != null) {
            throw new SettingsException("--local and --master exclude each other");
        }
        if (local) {
            overrides.add("scoring.evaluator=local");
        } else if (master != null) {
            overrides.add("scoring.evaluator=spark");
            overrides.add("spark.master=\"" + master + "\"");
        }
    }

    /**
     * A resumed {@code what} ("run", "baseline") keeps its own settings, output and reference: only where
     * candidates are scored ({@code scoring.*}, {@code spark.*}) may change.
     */
    void checkResume(ConfigOptions config, String what) {
        if (config.conf != null || out != null || reference != null) {
            throw new SettingsException("--resume takes the settings, output and reference of the " + what
                    + " it continues; do not combine it with --conf, --out or --reference");
        }
        for (String override : config.overrides) {
            String key = override.replaceFirst("^olmp\\.", "");
            if (!key.startsWith("scoring.") && !key.startsWith("spark.")) {
                throw new SettingsException("--resume continues a " + what + " with its own settings; only scoring.*"
                        + " and spark.* may change (where candidates are scored), not --set " + override);
            }
        }
    }
}
