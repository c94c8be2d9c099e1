package io.olmp.bench;

import io.olmp.kernel.train.FastTrainingStep;
import io.olmp.model.Batches;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Training speed of DL4J's {@code fit()} against {@link FastTrainingStep} on the same network
 * and batches, next to the ND4J matrix-product rate of the same process. The achieved rate
 * counts forward + backward as 3 x the forward multiply-adds x 2 FLOPs.
 */
public final class TrainingBenchmark {

    /** The paper's training budget: 10,000 reference iterations + 15 loops x 1,000 adjusting iterations. */
    public static final long PAPER_ITERATIONS = 10_000 + 15 * 1_000;

    /**
     * @param mmulGflops          the ND4J float matrix-product rate measured in the same process
     * @param dl4jSeconds         median seconds of one DL4J fit() iteration
     * @param fastSeconds         median seconds of one fast iteration
     * @param achievedGflops      3 x forward FLOPs of a batch / fastSeconds
     * @param fractionOfMmul      achievedGflops / mmulGflops
     * @param iterationsPerSecond 1 / fastSeconds
     * @param paperTrainingHours  PAPER_ITERATIONS x fastSeconds, in hours
     * @param stages              where a fast iteration's time goes, from further timed iterations
     */
    public record Result(int batchSize, double mmulGflops, double dl4jSeconds, double fastSeconds, double achievedGflops,
                         double fractionOfMmul, double iterationsPerSecond, double paperTrainingHours,
                         double dl4jPaperTrainingHours, List<FastTrainingStep.StageTime> stages) {

        public double speedup() {
            return dl4jSeconds / fastSeconds;
        }
    }

    private TrainingBenchmark() {}

    /** Untimed fast iterations first: the step's loops reach their compiled speed after some tens of iterations. */
    static final int FAST_WARMUP = 50;

    /**
     * Times {@code repetitions} iterations of each path, DL4J's after {@code warmup} untimed ones
     * and the fast step's after {@link #FAST_WARMUP} (and at least 30 timed), each on its own copy of
     * {@code net} (left untouched), with batch i = {@code batches.batch(i)} (the fast step: written straight into its arrays).
     */
    public static Result measure(MultiLayerNetwork net, Batches batches, int warmup, int repetitions,
                                 double mmul) {
        MultiLayerNetwork dl4j = net.clone();
        double dl4jSeconds = median(warmup, repetitions, i -> dl4j.fit(batches.batch(i)));
        MultiLayerNetwork fastNet = net.clone();
        FastTrainingStep step = FastTrainingStep.of(fastNet);
        int fastRepetitions = Math.max(30, repetitions);
        double fastSeconds = median(FAST_WARMUP, fastRepetitions, i -> step.step(batches, i, Map.of()));
        step.timeStages(true);
        for (int i = 0; i < fastRepetitions; i++) {
            step.step(batches, FAST_WARMUP + fastRepetitions + i, Map.of());
        }
        step.timeStages(false);
        int batchSize = batches.batchSize();
        double flops = 3.0 * 2.0 * step.forwardMacsPerExample() * batchSize;
        double achieved = flops / fastSeconds / 1e9;
        return new Result(batchSize, mmul, dl4jSeconds, fastSeconds, achieved, achieved / mmul, 1 / fastSeconds,
                PAPER_ITERATIONS * fastSeconds / 3600, PAPER_ITERATIONS * dl4jSeconds / 3600, step.stageTimes());
    }

    private interface Iteration {
        void run(long index);
    }

    private static double median(int warmup, int repetitions, Iteration iteration) {
        for (int i = 0; i < warmup; i++) {
            iteration.run(i);
        }
        double[] seconds = new double[repetitions];
        for (int i = 0; i < repetitions; i++) {
            long start = System.nanoTime();
            iteration.run(warmup + i);
            seconds[i] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(seconds);
        return seconds[repetitions / 2];
    }
}
