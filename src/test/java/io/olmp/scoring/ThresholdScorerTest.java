package io.olmp.scoring;

import io.olmp.prune.LayerThresholds;
import io.olmp.prune.Objective;
import io.olmp.prune.PercentileCodec;
import io.olmp.prune.ShardCounts;
import io.olmp.prune.WeightMagnitudes;
import io.olmp.search.BatchEvaluator;
import io.olmp.search.Score;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The scoring seam with a counter that answers from a script: each candidate's counts become its result and its
 * objective value, a failed one comes back failed, and each generation reaches the listener as one record.
 */
class ThresholdScorerTest {

    /** Two layers of 4 and 2 weights with magnitudes 1..4 and 5..6. */
    private static WeightMagnitudes magnitudes() {
        Map<String, INDArray> weights = new LinkedHashMap<>();
        weights.put("a", Nd4j.createFromArray(new float[] {1, -2, 3, -4}));
        weights.put("b", Nd4j.createFromArray(new float[] {5, 6}));
        return WeightMagnitudes.of(weights);
    }

    /** Correct predictions fall with the thresholds' sum; a threshold above 100 fails. */
    private static ShardCounter scripted(List<Integer> calls) {
        return candidates -> {
            calls.add(candidates.size());
            long[] correct = new long[candidates.size()];
            String[] failures = new String[candidates.size()];
            for (int c = 0; c < candidates.size(); c++) {
                double sum = candidates.get(c).byLayer().values().stream().mapToDouble(Double::doubleValue).sum();
                if (sum > 100) {
                    failures[c] = "scripted failure";
                } else {
                    correct[c] = 100 - Math.round(sum);
                }
            }
            return new ShardCounts(correct, 100, failures);
        };
    }

    @Test
    void aGenerationIsScoredInOneCallAndReachesTheListenerAsOneRecord() {
        WeightMagnitudes magnitudes = magnitudes();
        List<Integer> calls = new ArrayList<>();
        List<ScoredGeneration> heard = new ArrayList<>();
        ThresholdScorer scorer = new ThresholdScorer(scripted(calls), magnitudes);
        Objective objective = new Objective(100, 100, 0.05);
        BatchEvaluator evaluator = scorer.evaluator(new PercentileCodec(magnitudes), objective, heard::add);

        // 0 % pruned keeps all 6 weights; 50 % of each layer prunes a's 1, 2 and b's 5
        List<Score> scores = evaluator.evaluate(List.of(new double[] {0, 0}, new double[] {50, 50}));

        assertEquals(List.of(2), calls);
        assertEquals(1, heard.size());
        ScoredGeneration generation = heard.get(0);
        assertEquals(scores, generation.scores());
        assertEquals(objective, generation.objective());
        assertEquals(6, generation.result(0).kept());
        assertEquals(100, generation.result(0).correct());
        assertEquals(1.0, scores.get(0).value(), 1e-12);
        assertThat(generation.result(1).kept()).isLessThan(6);
        assertEquals(objective.value(generation.result(1).keptFraction(), generation.result(1).correct()),
                scores.get(1).value(), 1e-12);
        assertThat(generation.candidates().get(1)).containsExactly(50, 50);
    }

    @Test
    void aCandidateThatCannotBeScoredComesBackFailedAndScoreOneThrows() {
        WeightMagnitudes magnitudes = magnitudes();
        ThresholdScorer scorer = new ThresholdScorer(scripted(new ArrayList<>()), magnitudes);
        LayerThresholds tooHigh = new LayerThresholds(Map.of("a", 60.0, "b", 60.0));
        List<ScoredThresholds> scored = scorer.scoreAll(List.of(LayerThresholds.none(magnitudes.layers()), tooHigh));
        assertThat(scored.get(0).failed()).isFalse();
        assertThat(scored.get(1).failed()).isTrue();
        assertEquals("scripted failure", scored.get(1).failure());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> scorer.scoreOne(tooHigh));
        assertThat(e.getMessage()).contains("scripted failure");
    }

    @Test
    void closingTheScorerClosesItsCounter() {
        boolean[] closed = {false};
        ShardCounter counter = new ShardCounter() {
            @Override
            public ShardCounts counts(List<LayerThresholds> candidates) {
                return ShardCounts.empty(candidates.size());
            }

            @Override
            public void close() {
                closed[0] = true;
            }
        };
        new ThresholdScorer(counter, magnitudes()).close();
        assertThat(closed[0]).isTrue();
    }
}
