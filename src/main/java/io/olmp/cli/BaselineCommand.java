package io.olmp.cli;

import io.olmp.baseline.BaselineMethod;
import io.olmp.baseline.BaselinePipeline;
import io.olmp.config.OlmpSettings;
import io.olmp.config.SettingsException;
import io.olmp.data.DataSplits;
import io.olmp.model.ModelFiles;
import io.olmp.pipeline.RunFolderLock;
import io.olmp.result.RunResult;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code olmp baseline}: magnitude pruning (global, uniform or LAMP) in OLMP's prune-then-adjust
 * schedule, with the same output as {@code olmp run} so that {@code olmp compare} sets them side
 * by side.
 */
@Command(name = "baseline", mixinStandardHelpOptions = true,
        header = "Prune by plain magnitude (global, uniform or LAMP) in OLMP's schedule.",
        description = {"Prune the reference model by plain magnitude (global | uniform | lamp) in OLMP's schedule:",
                "per step, the smallest size meeting the accuracy constraint, then the same adjusting.",
                "Writes result.json and model/pruned.zip like olmp run. Resumable with --resume."})
final class BaselineCommand implements Callable<Integer> {

    /** Which method a baseline folder holds, for --resume. */
    static final String METHOD_FILE = "baseline-method";

    @Mixin
    ConfigOptions config;

    @Option(names = "--method", paramLabel = "NAME", description = "global | uniform | lamp")
    String method;

    @Mixin
    RunOptions options;

    @Override
    public Integer call() throws Exception {
        options.addScoringOverrides(config.overrides);
        OlmpSettings settings;
        Path dir;
        if (options.resume != null) {
            options.checkResume(config, "baseline");
            Path methodFile = options.resume.resolve(METHOD_FILE);
            if (!Files.isRegularFile(methodFile)) {
                throw new SettingsException(options.resume + " is not a baseline folder: " + methodFile + " is missing");
            }
            String saved = Files.readString(methodFile).trim();
            if (method != null && !method.equals(saved)) {
                throw new SettingsException(options.resume + " holds a " + saved + " baseline, not --method " + method);
            }
            method = saved;
            if (options.resumedRunFinished("baseline")) {
                return 0;
            }
            settings = options.resumedSettings(config, "baseline");
            dir = options.resume;
        } else {
            if (method == null) {
                throw new SettingsException("--method is required: one of " + String.join(" | ", BaselineMethod.NAMES));
            }
            settings = config.load();
            dir = options.out != null ? options.out : config.defaultOut(settings, "baseline-" + method);
            RunOptions.requireNoRunIn(dir);
        }
        BaselineMethod chosen;
        try {
            chosen = BaselineMethod.byName(method);
        } catch (IllegalArgumentException e) {
            throw new SettingsException("--method: " + e.getMessage());
        }
        RunCommand.checkMaster(settings);
        try (RunFolderLock lock = RunFolderLock.acquire(dir)) {
            return runLocked(settings, dir, chosen);
        }
    }

    private Integer runLocked(OlmpSettings settings, Path dir, BaselineMethod chosen) throws Exception {
        long start = System.nanoTime();
        System.out.println("olmp baseline " + method + ": output in " + dir);
        DataSplits splits = RunCommand.checkedData(settings, dir, options.resume != null);
        ModelFiles.writeString(dir.resolve(METHOD_FILE), method + "\n");
        MultiLayerNetwork net = RunCommand.referenceModel(options.reference, settings, splits, dir);
        ModelFiles.writeString(dir.resolve("run.conf"), settings.rendered());
        RunResult result = RunCommand.runScored(settings, splits, dir, method, (counters, tables, cpu) ->
                new BaselinePipeline(settings, chosen, splits, dir, counters, System.out::println).withTables(tables, cpu)
                        .run(net));
        System.out.printf("result (%s): %.1fx compression (%s; kept %,d of %,d weights) after %d steps, test accuracy %.4f"
                        + " (reference %.4f), validation %.4f (reference %.4f, delta %.3f), %,d evaluations,"
                        + " %.0f s in this process%n", method, result.compressionRatio(), RunCommand.deliveredWhat(result),
                result.keptByLayer().values().stream().mapToLong(Long::longValue).sum(),
                result.sizeByLayer().values().stream().mapToLong(Long::longValue).sum(), result.loops(),
                result.finalTestAccuracy(), result.referenceTestAccuracy(), result.finalValidationAccuracy(),
                result.referenceValidationAccuracy(), result.delta(), result.evaluations(),
                (System.nanoTime() - start) / 1e9);
        System.out.println("result: " + dir.resolve("result.json") + ", pruned model " + dir.resolve("model/pruned.zip"));
        return 0;
    }
}
