package io.olmp.cli;

import io.olmp.bench.PeakMemory;
import io.olmp.config.OlmpSettings;
import io.olmp.config.SettingsException;
import io.olmp.data.DataSplits;
import io.olmp.data.StreamedImages;
import io.olmp.model.ModelFiles;
import io.olmp.distributed.SparkShardCounters;
import io.olmp.distributed.SparkSessions;
import io.olmp.pipeline.DataFingerprint;
import io.olmp.pipeline.DataPreparation;
import io.olmp.pipeline.OlmpPipeline;
import io.olmp.pipeline.RunFolderLock;
import io.olmp.pipeline.RunPreflight;
import io.olmp.pipeline.ReferenceTraining;
import io.olmp.result.RunResult;
import io.olmp.report.CpuMeter;
import io.olmp.report.RunInfo;
import io.olmp.report.RunStatus;
import io.olmp.report.RunTables;
import io.olmp.report.Versions;
import io.olmp.scoring.ShardCounters;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code olmp run}: the main job. Reference model (trained, reused or loaded), then the OLMP
 * loops (NCS search, prune, adjust), checkpointed after every generation.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        header = "Run OLMP: train or load the reference, then loops of NCS search, prune and adjust.",
        description = {"Run OLMP on the given conf (default: the embedded quickstart): train or load the reference",
                "model, then loops x (NCS search -> prune -> adjust). Resumable with --resume."})
final class RunCommand implements Callable<Integer> {

    private static final String EXTERNAL_MARK = "model/reference.external";

    @Mixin
    ConfigOptions config;

    @Mixin
    RunOptions options;

    /** The Spark master, when the candidates are scored on Spark: checked before the data is even read. */
    static void checkMaster(OlmpSettings settings) {
        if (settings.scoring().evaluator().equals("spark")) {
            String submitted = System.getProperty("spark.master");
            io.olmp.distributed.SparkMasters.check(io.olmp.distributed.SparkMasters.effective(settings.spark().master()),
                    submitted != null ? "spark-submit --master" : "olmp.spark.master (or --master)");
        }
    }

    /**
     * The data of a run or baseline, loaded and checked before any long work, with its fingerprint recorded (a new
     * run) or compared with the recorded one (a resume).
     */
    static DataSplits checkedData(OlmpSettings settings, Path dir, boolean resuming) throws IOException {
        DataSplits splits = DataPreparation.prepare(settings.data(), System.out::println);
        RunPreflight.checkData(settings, splits);
        DataFingerprint.recordOrCheck(dir, splits.sha256ByFile(), resuming);
        return splits;
    }

    /** "loop 7 of 15", or a plain statement that the reference itself is delivered. */
    static String deliveredWhat(RunResult result) {
        return result.deliversReference() ? "the REFERENCE model: no loop end met the tolerance"
                : result.deliveredLabel();
    }

    @Override
    public Integer call() throws Exception {
        options.addScoringOverrides(config.overrides);
        OlmpSettings settings;
        Path dir;
        if (options.resume != null) {
            options.checkResume(config, "run");
            if (Files.exists(options.resume.resolve(BaselineCommand.METHOD_FILE))) {
                throw new SettingsException(options.resume + " holds a baseline, not an OLMP run: continue it with"
                        + " olmp baseline --resume " + options.resume);
            }
            if (options.resumedRunFinished("run")) {
                return 0;
            }
            settings = options.resumedSettings(config, "run");
            dir = options.resume;
        } else {
            settings = config.load();
            dir = options.out != null ? options.out : config.defaultOut(settings, "run");
            RunOptions.requireNoRunIn(dir);
        }
        checkMaster(settings);
        try (RunFolderLock lock = RunFolderLock.acquire(dir)) {
            return runLocked(settings, dir);
        }
    }

    private Integer runLocked(OlmpSettings settings, Path dir) throws Exception {
        long start = System.nanoTime();
        System.out.println("olmp run: output in " + dir);
        DataSplits splits = checkedData(settings, dir, options.resume != null);
        MultiLayerNetwork net = referenceModel(options.reference, settings, splits, dir);
        ModelFiles.writeString(dir.resolve("run.conf"), settings.rendered());
        RunResult result = runScored(settings, splits, dir, "olmp", (counters, tables, cpu) ->
                new OlmpPipeline(settings, splits, dir, counters, System.out::println).withTables(tables, cpu).run(net));
        System.out.printf("result: %.1fx compression (%s; kept %,d of %,d weights), test accuracy %.4f (reference %.4f), "
                        + "validation %.4f (reference %.4f, delta %.3f), %,d evaluations, %.0f s in this process%n",
                result.compressionRatio(), deliveredWhat(result), result.keptByLayer().values().stream().mapToLong(Long::longValue).sum(),
                result.sizeByLayer().values().stream().mapToLong(Long::longValue).sum(), result.finalTestAccuracy(),
                result.referenceTestAccuracy(), result.finalValidationAccuracy(), result.referenceValidationAccuracy(),
                result.delta(), result.evaluations(), (System.nanoTime() - start) / 1e9);
        System.out.println("result: " + dir.resolve("result.json") + ", pruned model " + dir.resolve("model/pruned.zip"));
        System.out.println("memory: " + PeakMemory.describePeak() + ", max heap " + (Runtime.getRuntime().maxMemory() >> 20)
                + " MiB");
        io.olmp.report.html.RunReport.writeAfterRun(dir, System.out::println);
        return 0;
    }

    /** A pipeline (OLMP or a baseline) run that counts with {@code counters} and appends to the run tables. */
    private static ShardCounters sparkCounters(JavaSparkContext jsc, OlmpSettings settings, DataSplits splits, Path dir) {
        int shardSize = settings.scoring().shardSize();
        if (settings.scoring().shardStorage().equals("image-files")) {
            System.out.println("scoring: executors read the validation images from their files");
            return SparkShardCounters.fromImageFiles(jsc, (StreamedImages) splits.validation(), shardSize);
        }
        if (!settings.scoring().shardStorage().equals("files")) {
            return new SparkShardCounters(jsc, splits.validation().inMemory(), shardSize);
        }
        String directory = settings.scoring().shardDirectory().isEmpty()
                ? dir.resolve("shards").toAbsolutePath().toUri().toString() : settings.scoring().shardDirectory();
        System.out.println("scoring: validation shards written to " + directory + " for the executors to read");
        return SparkShardCounters.fromFiles(jsc, splits.validation().inMemory(), shardSize, directory);
    }

    @FunctionalInterface
    interface ScoredRun {
        RunResult run(ShardCounters counters, RunTables tables, CpuMeter cpu) throws Exception;
    }

    /**
     * Runs the pipeline with the conf's scoring (in this JVM, with a local[1] session for the tables, or on the
     * Spark master) and its run tables; the Spark resources of the run are released at its end.
     */
    static RunResult runScored(OlmpSettings settings, DataSplits splits, Path dir, String method, ScoredRun pipeline)
            throws Exception {
        int shardSize = settings.scoring().shardSize();
        if (settings.scoring().evaluator().equals("local")) {
            System.out.println("scoring: in this JVM (tables written by a local[1] Spark session)");
            try (SparkSession tablesSession = RunTables.localSession();
                 ShardCounters counters = ShardCounters.local(splits.validation().inMemory(), shardSize)) {
                return runWithTables(tablesSession, CpuMeter.processOnly(), method, settings, splits, dir,
                        (tables, cpu) -> pipeline.run(counters, tables, cpu));
            }
        }
        try (SparkSession session = SparkSessions.start(settings.spark())) {
            System.out.printf("scoring: Spark %s, master %s, default parallelism %d%n", session.version(),
                    session.sparkContext().master(), session.sparkContext().defaultParallelism());
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(session.sparkContext());
            try (ShardCounters counters = sparkCounters(jsc, settings, splits, dir)) {
                return runWithTables(session, CpuMeter.of(session), method, settings, splits, dir,
                        (tables, cpu) -> pipeline.run(counters, tables, cpu));
            }
        }
    }

    @FunctionalInterface
    private interface TablesRun {
        RunResult run(RunTables tables, CpuMeter cpu) throws Exception;
    }

    /** Runs the pipeline with its run tables: a "running" row first, then "finished" or "failed". */
    private static RunResult runWithTables(SparkSession spark, CpuMeter cpu, String method, OlmpSettings settings,
                                           DataSplits splits, Path dir, TablesRun pipeline) throws Exception {
        RunInfo info = new RunInfo(method, settings.model().architecture(), settings.data().source(), settings.seed(),
                settings.rendered(), splits.sha256ByFile(), Versions.of(spark.version()));
        try (cpu) {
            RunTables tables = RunTables.open(spark, dir, info);
            System.out.println("tables: " + dir.resolve("tables") + " (run " + tables.runId() + ")");
            try {
                RunResult result = pipeline.run(tables, cpu);
                tables.finish(RunStatus.FINISHED, result.delivered() == null ? null : result.delivered().loop());
                return result;
            } catch (Exception | Error e) {
                try {
                    tables.finish(RunStatus.FAILED);
                } catch (Exception | Error secondary) {
                    e.addSuppressed(secondary);
                }
                throw e;
            }
        }
    }

    /** The given model (copied into DIR), the one given earlier for DIR, or one trained (or reused) there. */
    static MultiLayerNetwork referenceModel(Path reference, OlmpSettings settings, DataSplits splits, Path dir)
            throws Exception {
        Path zip = dir.resolve("model/reference.zip");
        if (reference != null) {
            MultiLayerNetwork net = ModelFiles.load(reference);
            Files.createDirectories(zip.getParent());
            if (!Files.exists(zip) || !Files.isSameFile(reference, zip)) {
                Files.copy(reference, zip, StandardCopyOption.REPLACE_EXISTING);
            }
            ModelFiles.writeString(dir.resolve(EXTERNAL_MARK), reference.toAbsolutePath() + "\n");
            System.out.println("reference: loaded " + reference);
            return net;
        }
        if (Files.exists(dir.resolve(EXTERNAL_MARK))) {
            System.out.println("reference: " + zip + " (given with --reference: " + List.of(
                    Files.readString(dir.resolve(EXTERNAL_MARK)).trim()) + ")");
            return ModelFiles.load(zip);
        }
        return ModelFiles.load(TrainCommand.trainReference(settings, splits, dir).model());
    }
}
