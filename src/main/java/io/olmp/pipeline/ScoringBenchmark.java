package io.olmp.pipeline;

import io.olmp.config.TrainSettings;
import io.olmp.data.LabeledImages;
import io.olmp.model.Architectures;
import io.olmp.model.Batches;
import io.olmp.prune.CandidateScorer;
import io.olmp.prune.LayerMasks;
import io.olmp.prune.LayerThresholds;
import io.olmp.prune.PercentileCodec;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Candidate-scoring throughput against plain DL4J inference of the same network, in one process:
 * images x candidates per second for one generation of masked candidates, and images per second
 * of {@code output()} on the unmasked net over the same images in the same chunks. Each figure is
 * the best of several timed repetitions after warm-up.
 */
public final class ScoringBenchmark {

    /** One architecture's figures. */
    public record Result(String architecture, int images, int candidates, double plainImagesPerSecond,
                         double maskedImageCandidatesPerSecond, double ratio) {}

    private ScoringBenchmark() {}

    /** A fixed (seeded) generation of candidates pruning 80-99 % of every layer. */
    public static List<LayerThresholds> generation(PercentileCodec codec, int candidates) {
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

    public static Result run(String architecture, LabeledImages images, TrainSettings train, int candidates,
                             int repetitions, Consumer<String> log) {
        MultiLayerNetwork net = Architectures.build(architecture, ReferenceTraining.inputShape(images), train, 1);
        CandidateScorer scorer = new CandidateScorer(net, LayerMasks.allKept(net));
        PercentileCodec codec = new PercentileCodec(scorer.magnitudes());
        List<LayerThresholds> generation = generation(codec, candidates);
        double plain = 0;
        double masked = 0;
        for (int r = 0; r <= repetitions; r++) { // repetition 0 warms up
            long t0 = System.nanoTime();
            for (int from = 0; from < images.count(); from += CandidateScorer.DEFAULT_CHUNK) {
                int to = Math.min(images.count(), from + CandidateScorer.DEFAULT_CHUNK);
                net.output(Batches.features(images, from, to), false).argMax(1).toIntVector();
            }
            double plainRate = images.count() / ((System.nanoTime() - t0) / 1e9);
            long t1 = System.nanoTime();
            scorer.score(images, generation);
            double maskedRate = (double) images.count() * candidates / ((System.nanoTime() - t1) / 1e9);
            if (r > 0) {
                plain = Math.max(plain, plainRate);
                masked = Math.max(masked, maskedRate);
                log.accept(String.format("bench %s  rep %d  plain output %,.0f img/s  masked scoring %,.0f img x cand/s",
                        architecture, r, plainRate, maskedRate));
            }
        }
        return new Result(architecture, images.count(), candidates, plain, masked, masked / plain);
    }
}
