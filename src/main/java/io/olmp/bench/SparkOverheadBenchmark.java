package io.olmp.bench;

import io.olmp.config.TrainSettings;
import io.olmp.data.LabeledImages;
import io.olmp.distributed.SparkShardCounters;
import io.olmp.model.Architectures;
import io.olmp.model.InputShape;
import io.olmp.prune.LayerMasks;
import io.olmp.prune.LayerThresholds;
import io.olmp.prune.MagnitudePruner;
import io.olmp.prune.PercentileCodec;
import io.olmp.prune.ShardCounts;
import io.olmp.prune.WeightMagnitudes;
import io.olmp.scoring.ShardCounter;
import io.olmp.scoring.ShardCounters;
import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One generation scored in-process and on Spark, same candidates, same process: the time of
 * each (best of several repetitions after a warm-up), and Spark's fixed cost per generation,
 * measured as the time of a generation whose work is negligible (1 candidate on 1 image).
 */
public final class SparkOverheadBenchmark {

    /** Seconds per generation. */
    public record Result(String architecture, String master, int images, int candidates, int shards,
                         double inProcessSeconds, double sparkSeconds, double ratio, double fixedCostSeconds) {}

    private SparkOverheadBenchmark() {}

    public static Result run(JavaSparkContext spark, String architecture, LabeledImages images, TrainSettings train,
                             int candidates, int shardSize, int repetitions, Consumer<String> log) {
        MultiLayerNetwork net = Architectures.build(architecture, new InputShape(images.channels(), images.height(),
                images.width(), images.numClasses()), train, 1);
        LayerMasks masks = LayerMasks.allKept(net);
        WeightMagnitudes magnitudes = WeightMagnitudes.of(MagnitudePruner.effectiveWeights(net, masks));
        PercentileCodec codec = new PercentileCodec(magnitudes);
        List<LayerThresholds> generation = generation(codec, candidates);
        LabeledImages one = images.subset(new int[] {0}, "one image");
        try (ShardCounters sparkRun = new SparkShardCounters(spark, images, shardSize);
             ShardCounters tinyRun = new SparkShardCounters(spark, one, shardSize);
             ShardCounter local = ShardCounters.local(images, shardSize).create(net, masks);
             ShardCounter distributed = sparkRun.create(net, masks);
             ShardCounter tiny = tinyRun.create(net, masks)) {
            double inProcess = best(repetitions, () -> local.counts(generation));
            double onSpark = best(repetitions, () -> distributed.counts(generation));
            double fixed = best(repetitions, () -> tiny.counts(generation.subList(0, 1)));
            if (!local.counts(generation).equals(distributed.counts(generation))) {
                throw new IllegalStateException("Spark and in-process counts differ");
            }
            log.accept(String.format("bench %s: in-process %.3f s, Spark %s %.3f s (%.2fx), Spark fixed cost %.0f ms",
                    architecture, inProcess, spark.master(), onSpark, onSpark / inProcess, 1000 * fixed));
            int size = SparkShardCounters.balancedShardSize(images.count(), shardSize, spark.defaultParallelism());
            int shards = (images.count() + size - 1) / size;
            return new Result(architecture, spark.master(), images.count(), candidates, shards, inProcess, onSpark,
                    onSpark / inProcess, fixed);
        }
    }

    /** A fixed (seeded) generation of candidates pruning 80-99 % of every layer. */
    static List<LayerThresholds> generation(PercentileCodec codec, int candidates) {
        SplittableRandom random = new SplittableRandom(7);
        List<LayerThresholds> generation = new ArrayList<>();
        for (int c = 0; c < candidates; c++) {
            double[] x = new double[codec.lowerBounds().length];
            for (int d = 0; d < x.length; d++) {
                x[d] = 80 + 19 * random.nextDouble();
            }
            generation.add(codec.decode(x));
        }
        return generation;
    }

    private static double best(int repetitions, Supplier<ShardCounts> work) {
        work.get(); // warm-up: JIT, executor-side model rebuild, broadcast fetch
        double best = Double.POSITIVE_INFINITY;
        for (int r = 0; r < repetitions; r++) {
            long t0 = System.nanoTime();
            work.get();
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        return best;
    }
}
