package io.olmp.baseline;

import io.olmp.prune.LayerThresholds;
import io.olmp.prune.WeightMagnitudes;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The three allocation rules and the ladder, on hand-made and random weights. */
class BaselineMethodTest {

    /** Layer a: magnitudes 1, 2, 3; layer b: 0.5, 0.6 (signs do not matter). */
    private static WeightMagnitudes handMade() {
        Map<String, INDArray> w = new LinkedHashMap<>();
        w.put("a", Nd4j.createFromArray(new float[][] {{2f, -1f, 3f}}));
        w.put("b", Nd4j.createFromArray(new float[][] {{-0.6f, 0.5f}}));
        return WeightMagnitudes.of(w);
    }

    private static WeightMagnitudes random(long seed, int... sizes) {
        Random random = new Random(seed);
        Map<String, INDArray> w = new LinkedHashMap<>();
        for (int i = 0; i < sizes.length; i++) {
            float[] values = new float[sizes[i]];
            double scale = 1.0 / (i + 1); // layers of different scales, as in a trained net
            for (int j = 0; j < values.length; j++) {
                values[j] = (float) (random.nextGaussian() * scale);
            }
            w.put("layer" + i, Nd4j.createFromArray(values).reshape(1, sizes[i]));
        }
        return WeightMagnitudes.of(w);
    }

    private static long kept(WeightMagnitudes m, LayerThresholds t) {
        long kept = 0;
        for (String layer : m.layers()) {
            kept += m.kept(layer, t.of(layer));
        }
        return kept;
    }

    @Test
    void lampScoresAreTheSquaredMagnitudeOverTheSquaresNotSmaller() {
        double[] scores = LampScores.scores(new float[] {0f, 1f, 2f, 3f});
        assertThat(scores).containsExactly(new double[] {1.0 / 14, 4.0 / 13, 1.0}, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void lampMatchesTheHandComputedExample() {
        // scores: a = 1/14, 4/13, 1; b = 0.25/0.61 = 0.41, 1. Keeping 3: the scores 1, 1 and 0.41,
        // so a keeps only its 3 and b keeps both, where a global threshold would empty b.
        WeightMagnitudes m = handMade();
        LayerThresholds lamp = new LampScores().on(m).keeping(3);
        assertEquals(3.0, lamp.of("a"), 1e-6);
        assertEquals(0.5, lamp.of("b"), 1e-6);
        assertEquals(1, m.kept("a", lamp.of("a")));
        assertEquals(2, m.kept("b", lamp.of("b")));

        LayerThresholds global = new GlobalMagnitude().on(m).keeping(3);
        assertEquals(1.0, global.of("a"), 1e-6);
        assertEquals(3, m.kept("a", global.of("a")));
        assertEquals(0, m.kept("b", global.of("b")));

        // keeping 2: the two scores of 1, the largest weight of each layer
        LayerThresholds two = new LampScores().on(m).keeping(2);
        assertEquals(1, m.kept("a", two.of("a")));
        assertEquals(1, m.kept("b", two.of("b")));
        assertEquals(0.6, two.of("b"), 1e-6);
    }

    @Test
    void lampNeverEmptiesALayerAndKeepsTheTarget() {
        WeightMagnitudes m = random(1, 5000, 800, 60);
        BaselineMethod.Allocation lamp = new LampScores().on(m);
        for (long target : List.of(5000L, 500L, 50L, 3L)) {
            LayerThresholds t = lamp.keeping(target);
            assertEquals(target, kept(m, t), "kept " + target);
            m.layers().forEach(layer -> assertThat(m.kept(layer, t.of(layer))).isPositive());
        }
    }

    @Test
    void globalUsesOneThresholdAndKeepsTheLargestMagnitudesOfAllLayers() {
        WeightMagnitudes m = random(2, 3000, 500, 40);
        BaselineMethod.Allocation global = new GlobalMagnitude().on(m);
        for (long target : List.of(3000L, 700L, 35L)) {
            LayerThresholds t = global.keeping(target);
            assertThat(t.byLayer().values()).containsOnly(t.of("layer0"));
            assertEquals(target, kept(m, t));
        }
        // the smaller layers have smaller weights: at 35 kept, layer2 (scale 1/3) is the most pruned
        LayerThresholds t = global.keeping(35);
        assertThat((double) m.kept("layer2", t.of("layer2")) / 40).isLessThan((double) m.kept("layer0", t.of("layer0")) / 3000);
    }

    @Test
    void uniformKeepsTheSameFractionOfEveryLayer() {
        WeightMagnitudes m = random(3, 3000, 500, 40);
        BaselineMethod.Allocation uniform = new UniformLayerwise().on(m);
        for (long target : List.of(1770L, 354L, 71L)) {
            LayerThresholds t = uniform.keeping(target);
            double fraction = target / 3540.0;
            for (String layer : m.layers()) {
                long size = m.size(layer);
                assertEquals(Math.round(fraction * size), m.kept(layer, t.of(layer)), layer + " at " + target);
            }
        }
    }

    @Test
    void prunedWeightsStayPrunedWhateverTheMethod() {
        Map<String, INDArray> w = new LinkedHashMap<>();
        w.put("a", Nd4j.createFromArray(new float[][] {{0f, 0f, 0f, 0.4f, 0.1f, 0.2f}}));
        w.put("b", Nd4j.createFromArray(new float[][] {{0f, 0.3f}}));
        WeightMagnitudes m = WeightMagnitudes.of(w);
        for (BaselineMethod method : List.of(new GlobalMagnitude(), new UniformLayerwise(), new LampScores())) {
            LayerThresholds all = method.on(m).keeping(8);
            assertEquals(3, m.kept("a", all.of("a")), method.name());
            assertEquals(1, m.kept("b", all.of("b")), method.name());
        }
    }

    @Test
    void ladderTriesEverSmallerSizesDownToOneWeight() {
        SparsityLadder ladder = new SparsityLadder(0.5, 10);
        assertThat(ladder.targets(100)).containsExactly(50L, 25L, 12L, 6L, 3L, 1L);
        assertThat(new SparsityLadder(0.95, 100).targets(266_200)).hasSize(100).isSortedAccordingTo((x, y) -> Long.compare(y, x))
                .startsWith(252_890L).doesNotHaveDuplicates();
        assertThat(new SparsityLadder(0.95, 100).targets(10)).containsExactly(9L, 8L, 7L, 6L, 5L, 4L, 3L, 2L, 1L);
        assertThat(ladder.targets(1)).isEmpty();
        assertThrows(IllegalArgumentException.class, () -> new SparsityLadder(1.0, 3));
    }

    @Test
    void unknownMethodNamesTheChoices() {
        var e = assertThrows(IllegalArgumentException.class, () -> BaselineMethod.byName("random"));
        assertThat(e.getMessage()).contains("'random'").contains("global | uniform | lamp");
    }
}
