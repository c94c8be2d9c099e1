package io.olmp.kernel;

import io.olmp.data.LabeledImages;
import io.olmp.data.TestFixtures;
import io.olmp.model.Architectures;
import io.olmp.model.InputShape;
import io.olmp.prune.LayerMasks;
import io.olmp.prune.MagnitudePruner;
import io.olmp.prune.WeightMagnitudes;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Scoring candidates on parallel lanes gives the one-lane predictions, whatever the split. */
class ScoringKernelLanesTest {

    @Test
    void lenet5PredictionsDoNotDependOnTheLaneCount() {
        LabeledImages images = TestFixtures.mnistSample();
        MultiLayerNetwork net = Architectures.build("lenet5", new InputShape(1, 28, 28, 10),
                ScoringKernelExactnessTest.train(), 17);
        Map<String, INDArray> effective = MagnitudePruner.effectiveWeights(net, LayerMasks.allKept(net));
        WeightMagnitudes magnitudes = WeightMagnitudes.of(effective);
        List<Map<String, Double>> candidates = new ArrayList<>();
        for (double percent : new double[] {0, 40, 70, 90, 97}) {
            Map<String, Double> t = new LinkedHashMap<>();
            for (String layer : magnitudes.layers()) {
                t.put(layer, magnitudes.percentile(layer, percent));
            }
            candidates.add(t);
        }
        int[][] oneLane = predict(net, effective, candidates, images, 1);
        for (int lanes : new int[] {2, 3, 8}) {
            int[][] predicted = predict(net, effective, candidates, images, lanes);
            for (int c = 0; c < candidates.size(); c++) {
                assertArrayEquals(oneLane[c], predicted[c], "candidate " + c + " with " + lanes + " lanes");
            }
        }
        assertEquals(images.count(), oneLane[0].length);
    }

    @Test
    void rejectsZeroLanes() {
        MultiLayerNetwork net = Architectures.build("lenet5", new InputShape(1, 28, 28, 10),
                ScoringKernelExactnessTest.train(), 17);
        Map<String, INDArray> effective = MagnitudePruner.effectiveWeights(net, LayerMasks.allKept(net));
        assertThrows(IllegalArgumentException.class, () -> new ScoringKernel(net, effective, 64, ScoringKernel.DEFAULT_BUFFER_FLOATS, 0));
    }

    private static int[][] predict(MultiLayerNetwork net, Map<String, INDArray> effective,
                                   List<Map<String, Double>> candidates, LabeledImages images, int lanes) {
        ScoringKernel kernel = new ScoringKernel(net, effective, 64, ScoringKernel.DEFAULT_BUFFER_FLOATS, lanes);
        List<MaskedCandidate> masked = candidates.stream().map(kernel::mask).toList();
        return kernel.predict(kernel.generation(masked), images.pixels(), 0, images.count());
    }
}
