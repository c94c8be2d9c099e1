package io.olmp.cli;

import io.olmp.config.OlmpSettings;
import io.olmp.data.DataSplits;
import io.olmp.pipeline.DataPreparation;
import io.olmp.distributed.SparkReferenceTrainer;
import io.olmp.distributed.SparkSessions;
import io.olmp.pipeline.ReferenceResult;
import io.olmp.pipeline.ReferenceTraining;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import io.olmp.pipeline.RunFolderLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code olmp train}: trains (or resumes training) a reference model. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a reference model with SGD; resumes from <out>/checkpoint after a crash.")
final class TrainCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: runs/train-<conf>-<data>-seed<seed>)")
    Path out;

    @Override
    public Integer call() throws Exception {
        OlmpSettings settings = config.load();
        Path dir = out != null ? out : config.defaultOut(settings, "train");
        try (RunFolderLock lock = RunFolderLock.acquire(dir)) {
            System.out.println("olmp train: output in " + dir);
            DataSplits splits = DataPreparation.prepare(settings.data(), System.out::println);
            io.olmp.pipeline.RunPreflight.checkTraining(settings, splits);
            trainReference(settings, splits, dir);
        }
        return 0;
    }

    /**
     * The reference training of {@code olmp train} and {@code olmp run}: in this JVM, or with
     * {@code olmp.train.distributed} on the Spark master's executors, in a Spark session of its own.
     */
    static ReferenceResult trainReference(OlmpSettings settings, DataSplits splits, Path dir) throws IOException {
        if (!settings.train().distributed()) {
            return ReferenceTraining.run(settings, splits, dir, System.out::println);
        }
        try (SparkSession session = SparkSessions.start(settings.spark())) {
            System.out.printf("train: on the Spark executors of %s (%d task slots), dl4j-spark parameter averaging"
                            + " every %d minibatches per worker%n", session.sparkContext().master(),
                    session.sparkContext().defaultParallelism(), settings.train().averagingFrequency());
            return ReferenceTraining.run(settings, splits, dir, System.out::println,
                    SparkReferenceTrainer.on(JavaSparkContext.fromSparkContext(session.sparkContext())));
        }
    }
}
