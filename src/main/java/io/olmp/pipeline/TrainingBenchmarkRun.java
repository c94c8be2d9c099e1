package io.olmp.pipeline;

import io.olmp.config.OlmpSettings;
import io.olmp.config.SettingsLoader;
import io.olmp.data.DataSplits;
import io.olmp.data.Datasets;
import io.olmp.kernel.train.TrainingBenchmark;
import io.olmp.model.Architectures;
import io.olmp.model.Batches;
import io.olmp.model.InputShape;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Manual run of {@link TrainingBenchmark}: {@code java -cp ... io.olmp.pipeline.TrainingBenchmarkRun
 * [conf] [repetitions] [key=value ...]} (default conf/lenet5.conf, 10 repetitions; overrides as
 * with {@code --set}) on real batches of the conf's data.
 */
public final class TrainingBenchmarkRun {

    private TrainingBenchmarkRun() {}

    public static void main(String[] args) throws Exception {
        Path conf = Path.of(args.length > 0 ? args[0] : "conf/lenet5.conf");
        int repetitions = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        OlmpSettings settings = SettingsLoader.load(Optional.of(conf), List.of(args).subList(Math.min(2, args.length), args.length));
        DataSplits splits = Datasets.load(DataPreparation.spec(settings.data()));
        var train = splits.train();
        var net = Architectures.build(settings.model().architecture(),
                new InputShape(train.channels(), train.height(), train.width(), train.numClasses()), settings.train(), 42);
        Batches batches = new Batches(train, settings.train().batchSize(), 1);
        TrainingBenchmark.Result r = TrainingBenchmark.measure(net, batches::batch, 2, repetitions);
        System.out.printf("%s, batch %d: mmul %.1f GFLOP/s; DL4J fit %.3f s/iteration; fast step %.4f s/iteration"
                        + " (%.1fx); %.1f GFLOP/s = %.0f %% of mmul; %.2f iterations/s; paper training (%,d iterations)"
                        + " %.2f h (DL4J: %.2f h)%n",
                settings.model().architecture(), r.batchSize(), r.mmulGflops(), r.dl4jSeconds(), r.fastSeconds(),
                r.speedup(), r.achievedGflops(), 100 * r.fractionOfMmul(), r.iterationsPerSecond(),
                TrainingBenchmark.PAPER_ITERATIONS, r.paperTrainingHours(), r.dl4jPaperTrainingHours());
    }
}
