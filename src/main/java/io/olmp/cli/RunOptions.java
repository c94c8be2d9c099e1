package io.olmp.cli;

import io.olmp.config.OlmpSettings;
import io.olmp.config.SettingsException;
import io.olmp.config.SettingsLoader;
import io.olmp.pipeline.RunCheckpoint;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

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

    /** With {@code --resume}: whether the folder's run has finished already (then said, and nothing is left to do). */
    boolean resumedRunFinished(String command) throws java.io.IOException {
        if (!new RunCheckpoint(resume.resolve("checkpoint")).isFinished()) {
            return false;
        }
        System.out.println("olmp " + command + ": " + resume + " has finished already; its result is "
                + resume.resolve("result.json"));
        return true;
    }

    /** With {@code --resume}: the settings the {@code what} was started with (its run.conf) and the overrides. */
    OlmpSettings resumedSettings(ConfigOptions config, String what) {
        Path runConf = resume.resolve("run.conf");
        if (!Files.isRegularFile(runConf)) {
            throw new SettingsException(resume + " is not a " + what + " folder: " + runConf + " is missing");
        }
        return SettingsLoader.load(Optional.of(runConf), config.overrides);
    }

    /** Without {@code --resume}: refuses an output folder that holds a run already, finished or not. */
    static void requireNoRunIn(Path dir) throws java.io.IOException {
        RunCheckpoint existing = new RunCheckpoint(dir.resolve("checkpoint"));
        if (existing.isFinished()) {
            throw new SettingsException(dir + " holds a finished run (" + dir.resolve("result.json")
                    + "); choose another --out");
        }
        if (existing.exists()) {
            throw new SettingsException(dir + " holds a checkpoint of an unfinished run: continue it with --resume "
                    + dir + ", or choose another --out");
        }
    }
}
