package io.olmp.prune;

import io.olmp.config.PruneSettings;
import io.olmp.config.SettingsLoader;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class AdjusterTest {

    private static PruneSettings prune(String mode, int iterations) {
        return SettingsLoader.load(Optional.empty(), List.of("prune.adjust-mode=" + mode,
                "prune.adjust-iterations=" + iterations)).prune();
    }

    private static LayerThresholds half(MultiLayerNetwork net, LayerMasks masks) {
        return new PercentileCodec(WeightMagnitudes.of(MagnitudePruner.effectiveWeights(net, masks)))
                .decode(new double[] {50, 50, 50});
    }

    @Test
    void dsForwardPassUsesMaskedWeightsAndTheGradientReachesPrunedWeights() {
        MultiLayerNetwork net = PruneFixtures.trainedLenet300();
        LayerMasks all = LayerMasks.allKept(net);
        LayerThresholds e = half(net, all);
        LayerMasks masks = MagnitudePruner.masks(MagnitudePruner.effectiveWeights(net, all), e);

        MultiLayerNetwork masked = net.clone();
        MagnitudePruner.applyInPlace(masked, masks);
        INDArray input = Nd4j.rand(5, 784);
        Adjuster.attach(net, masks);
        assertEquals(masked.output(input), net.output(input), "forward pass must see W * M");
        Adjuster.detach(net, masks);

        INDArray prunedBefore = net.getLayer("ip1").getParam("W").mul(masks.of("ip1").rsub(1)).dup();
        new Adjuster(prune("ds", 5), 32, false).adjust(net, masks, e, PruneFixtures.DIGITS, 1, i -> {});
        INDArray prunedAfter = net.getLayer("ip1").getParam("W").mul(masks.of("ip1").rsub(1));
        assertNotEquals(prunedBefore, prunedAfter, "DS updates pruned entries of the dense W too");
        assertThat(net.getLayer("ip1").conf().getLayer()).extracting("weightNoise").isNull();
    }

    @Test
    void fixedMaskKeepsPrunedWeightsExactlyZero() {
        MultiLayerNetwork net = PruneFixtures.trainedLenet300();
        LayerMasks all = LayerMasks.allKept(net);
        LayerThresholds e = half(net, all);
        LayerMasks masks = MagnitudePruner.masks(MagnitudePruner.effectiveWeights(net, all), e);
        long kept = masks.totalKept();
        new Adjuster(prune("fixed-mask", 5), 32, false).adjust(net, masks, e, PruneFixtures.DIGITS, 1, i -> {});
        for (String layer : List.of("ip1", "ip2", "ip3")) {
            INDArray w = net.getLayer(layer).getParam("W");
            assertEquals(0.0, w.mul(masks.of(layer).rsub(1)).norm1Number().doubleValue(), layer);
        }
        assertEquals(kept, masks.totalKept());
    }

    @Test
    void refreshPrunesBelowThresholdSplicesAboveTheBandAndKeepsTheMiddle() {
        MultiLayerNetwork net = PruneFixtures.trainedLenet300();
        LayerMasks masks = LayerMasks.allKept(net);
        INDArray w = net.getLayer("ip3").getParam("W");
        w.assign(0.05);
        w.putScalar(0, 0, 0.5);   // below e = 1: pruned
        w.putScalar(0, 1, 1.05);  // inside the band, mask 0 stays 0
        w.putScalar(0, 2, 1.05);  // inside the band, mask 1 stays 1
        w.putScalar(0, 3, -1.2);  // above 1.1 e: spliced back
        INDArray m = masks.of("ip3");
        m.putScalar(0, 1, 0);
        m.putScalar(0, 3, 0);
        Map<String, Double> e = Map.of("ip1", 0.0, "ip2", 0.0, "ip3", 1.0);
        Adjuster.refresh(net, masks, new LayerThresholds(e), 1.1);
        assertEquals(0, m.getDouble(0, 0));
        assertEquals(0, m.getDouble(0, 1));
        assertEquals(1, m.getDouble(0, 2));
        assertEquals(1, m.getDouble(0, 3));
        assertEquals(0, m.getDouble(0, 4), "0.05 < e");
    }

    @Test
    void fastStepAdjustsLikeDl4jInBothModes() {
        for (String mode : List.of("ds", "fixed-mask")) {
            MultiLayerNetwork dl4j = PruneFixtures.trainedLenet300();
            MultiLayerNetwork fast = dl4j.clone();
            LayerMasks all = LayerMasks.allKept(dl4j);
            LayerThresholds e = half(dl4j, all);
            LayerMasks dl4jMasks = MagnitudePruner.masks(MagnitudePruner.effectiveWeights(dl4j, all), e);
            LayerMasks fastMasks = MagnitudePruner.masks(MagnitudePruner.effectiveWeights(fast, all), e);
            new Adjuster(prune(mode, 5), 32, false).adjust(dl4j, dl4jMasks, e, PruneFixtures.DIGITS, 1, i -> {});
            new Adjuster(prune(mode, 5), 32, true).adjust(fast, fastMasks, e, PruneFixtures.DIGITS, 1, i -> {});
            double relative = dl4j.params().sub(fast.params()).norm2Number().doubleValue()
                    / dl4j.params().norm2Number().doubleValue();
            assertThat(relative).as(mode).isLessThan(1e-5);
            assertEquals(dl4jMasks.totalKept(), fastMasks.totalKept(), mode);
            assertEquals(dl4j.getIterationCount(), fast.getIterationCount(), mode);
            assertThat(fast.getLayer("ip1").conf().getLayer()).extracting("weightNoise").isNull();
        }
    }
}
