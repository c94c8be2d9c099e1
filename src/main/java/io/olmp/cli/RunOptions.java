package io.olmp.cli;

import io.olmp.config.SettingsException;

import java.nio.file.Path;
import java.util.List;

/** The rules {@code olmp run} and {@code olmp baseline} share for where candidates are scored and for resuming. */
final class RunOptions {

    private RunOptions() {}

    /** Turns {@code --local} or {@code --master URL} into settings overrides. */
    static void addScoringOverrides(boolean local, String master, List<String> overrides) {
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
    static void checkResume(ConfigOptions config, Path out, Path reference, String what) {
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
