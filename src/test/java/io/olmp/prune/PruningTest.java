package io.olmp.prune;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Percentile codec, magnitudes, masks and the objective on hand-made weights. */
class PruningTest {

    private static Map<String, INDArray> weights() {
        Map<String, INDArray> w = new LinkedHashMap<>();
        w.put("a", Nd4j.createFromArray(new float[][] {{0.1f, -0.2f, 0.3f, -0.4f, 0.5f}, {-0.6f, 0.7f, -0.8f, 0.9f, 1.0f}}));
        w.put("b", Nd4j.createFromArray(new float[][] {{0f, 0f, 2f, -3f}}));
        return w;
    }

    @Test
    void percentilePrunesTheRoundedShareOfSmallestMagnitudes() {
        WeightMagnitudes m = WeightMagnitudes.of(weights());
        assertEquals(0, m.percentile("a", 0));
        assertEquals(0.3, m.percentile("a", 20), 1e-7);
        assertEquals(0.3, m.percentile("a", 24), 1e-7);
        assertEquals(Double.POSITIVE_INFINITY, m.percentile("a", 100));
        assertEquals(8, m.kept("a", m.percentile("a", 20)));
        assertEquals(0, m.kept("a", m.percentile("a", 100)));
        assertEquals(10, m.kept("a", 0));
    }

    @Test
    void prunedWeightsCountAsZeroAndStayPruned() {
        WeightMagnitudes m = WeightMagnitudes.of(weights());
        assertEquals(2, m.nonZero("b"));
        assertEquals(50.0, m.sparsityPercent("b"));
        assertEquals(2, m.kept("b", 0));
        assertEquals(2.0, m.percentile("b", 40), "the 2 smallest magnitudes are the pruned zeros");
        assertEquals(2, m.kept("b", m.percentile("b", 40)), "pruning 40 % prunes nothing more");
        assertEquals(1, m.kept("b", m.percentile("b", 75)));
        INDArray mask = MagnitudePruner.mask(weights().get("b"), 0);
        assertEquals(Nd4j.createFromArray(new float[][] {{0f, 0f, 1f, 1f}}), mask);
    }

    @Test
    void codecDecodesOneThresholdPerLayerInOrder() {
        PercentileCodec codec = new PercentileCodec(WeightMagnitudes.of(weights()));
        LayerThresholds t = codec.decode(new double[] {50, 75});
        assertThat(t.byLayer().keySet()).containsExactly("a", "b");
        assertEquals(0.6, t.of("a"), 1e-7);
        assertEquals(3.0, t.of("b"), 1e-7);
        assertThat(codec.currentSparsityPercent()).containsExactly(0.0, 50.0);
        assertThat(codec.upperBounds()).containsExactly(100.0, 100.0);
        var e = assertThrows(IllegalArgumentException.class, () -> codec.decode(new double[] {1}));
        assertThat(e.getMessage()).contains("1 coordinates").contains("2 prunable layers");
    }

    @Test
    void masksFollowThresholds() {
        LayerMasks masks = MagnitudePruner.masks(weights(), codec(50, 75));
        assertEquals(5, masks.kept("a"));
        assertEquals(1, masks.kept("b"));
        assertEquals(6, masks.totalKept());
        assertEquals(14, masks.totalSize());
    }

    @Test
    void dsBoundaryIsTheSmallestKeptMagnitudeWhenACandidatePrunesNothingMore() {
        Map<String, INDArray> w = weights();
        LayerThresholds none = codec(0, 0);
        assertEquals(0.0, none.of("b"), "percentile 0 gives threshold 0");
        LayerMasks masks = MagnitudePruner.masks(w, none);
        LayerThresholds boundaries = MagnitudePruner.boundaries(w, masks, none);
        assertEquals(0.1, boundaries.of("a"), 1e-7);
        assertEquals(2.0, boundaries.of("b"), 1e-7, "not 0: a splice band around 0 would restore every pruned weight");
        LayerThresholds some = codec(50, 75);
        LayerThresholds kept = MagnitudePruner.boundaries(w, MagnitudePruner.masks(w, some), some);
        assertEquals(0.6, kept.of("a"), 1e-7);
        assertEquals(3.0, kept.of("b"), 1e-7);
        LayerThresholds all = codec(100, 100);
        assertEquals(Double.POSITIVE_INFINITY, MagnitudePruner.boundaries(w, MagnitudePruner.masks(w, all), all).of("a"));
    }

    private static LayerThresholds codec(double a, double b) {
        return new PercentileCodec(WeightMagnitudes.of(weights())).decode(new double[] {a, b});
    }

    @Test
    void objectiveIsKeptFractionWhenFeasibleElseOnePlusViolation() {
        Objective o = new Objective(950, 1000, 0.05);
        assertEquals(50, o.allowedLoss());
        assertEquals(0.1, o.value(0.1, 950));
        assertEquals(0.1, o.value(0.1, 900), "a drop of exactly delta is feasible");
        assertEquals(1.05, o.value(0.1, 850), 1e-12);
        assertThat(o.value(0.1, 899)).isGreaterThan(1.0);
        assertThat(o.value(0.0, 0)).isGreaterThan(o.value(0.0, 500));
        assertThrows(IllegalArgumentException.class, () -> new Objective(1200, 1000, 0.05));
    }

    @Test
    void aDropOfExactlyDeltaIsFeasibleWhateverTheRounding() {
        for (long base = 850; base <= 1000; base++) {
            for (double delta : new double[] {0.05, 0.08}) {
                Objective o = new Objective(base, 1000, delta);
                long atDelta = base - Math.round(delta * 1000);
                assertThat(o.value(0.2, atDelta)).as("base %d delta %s", base, delta).isEqualTo(0.2);
                assertThat(o.value(0.2, atDelta - 1)).as("base %d delta %s", base, delta).isGreaterThan(1.0);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> new LayerThresholds(Map.of("x", -1.0)));
    }
}
