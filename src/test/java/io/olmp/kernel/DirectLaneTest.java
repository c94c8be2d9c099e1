package io.olmp.kernel;

import io.olmp.data.LabeledImages;
import io.olmp.model.Architectures;
import io.olmp.model.Batches;
import io.olmp.model.InputShape;
import io.olmp.prune.LayerMasks;
import io.olmp.prune.LayerThresholds;
import io.olmp.prune.MagnitudePruner;
import io.olmp.prune.WeightMagnitudes;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The direct lane's logits against DL4J's own output-layer sums on the masked network: they differ
 * only by summation order, far below the guard that sends a row back to the exact path.
 */
class DirectLaneTest {

    @Test
    void lenet5LogitsDifferFromDl4jFarBelowTheGuard() throws IOException {
        logitsDifferFromDl4jFarBelowTheGuard("lenet5", DirectLane.CONV_BLOCK);
    }

    @Test
    void lenet300LogitsDifferFromDl4jFarBelowTheGuard() throws IOException {
        logitsDifferFromDl4jFarBelowTheGuard("lenet300-100", DirectLane.DENSE_BLOCK);
    }

    private static void logitsDifferFromDl4jFarBelowTheGuard(String architecture, int block) throws IOException {
        LabeledImages images = ScoringKernelExactnessTest.digits();
        MultiLayerNetwork net = Architectures.build(architecture, new InputShape(1, 28, 28, 10),
                ScoringKernelExactnessTest.train(), 12);
        Map<String, INDArray> effective = MagnitudePruner.effectiveWeights(net, LayerMasks.allKept(net));
        WeightMagnitudes magnitudes = WeightMagnitudes.of(effective);
        ScoringKernel kernel = new ScoringKernel(net, effective, 500, ScoringKernel.DEFAULT_BUFFER_FLOATS);
        assertThat(kernel.hasDirectLane()).isTrue();

        double worst = 0;
        double largest = 0;
        for (double[] percents : new double[][] {{0, 0, 0, 0}, {20, 40, 60, 30}, {80, 95, 99, 70}}) {
            Map<String, Double> t = new LinkedHashMap<>();
            int d = 0;
            for (String layer : magnitudes.layers()) {
                t.put(layer, magnitudes.percentile(layer, percents[d++ % percents.length]));
            }
            MaskedCandidate candidate = kernel.mask(t);
            MultiLayerNetwork copy = net.clone();
            MagnitudePruner.applyInPlace(copy, MagnitudePruner.masks(effective, new LayerThresholds(t)));
            int n = Math.min(images.count(), 512);
            List<INDArray> activations = copy.feedForward(Batches.features(images, 0, n), false);
            INDArray hidden = activations.get(activations.size() - 2);
            var output = copy.getLayer(copy.getnLayers() - 1);
            INDArray logits = hidden.mmul(output.getParam("W")).addRowVector(output.getParam("b"));
            for (int start = 0; start < n; start += block) {
                int m = Math.min(block, n - start);
                float[][] direct = kernel.directLogits(candidate, images.pixels(), start, m);
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < direct.length; j++) {
                        float expected = logits.getFloat(start + i, j);
                        worst = Math.max(worst, Math.abs(direct[j][i] - expected));
                        largest = Math.max(largest, Math.abs(expected));
                    }
                }
            }
        }
        System.out.printf(architecture + " direct lane: largest |logit| %.4g, largest difference from DL4J %.3g (guard %.1g)%n",
                largest, worst, DirectLane.GUARD);
        assertThat(largest).isGreaterThan(0);
        // the guard is GUARD x max(1, |top logit|); the differences stay 100x below its smallest value
        assertThat(worst).isLessThan(DirectLane.GUARD * Math.max(1, largest) / 100);
    }
}
