package io.olmp.prune;

import io.olmp.model.Accuracy;
import io.olmp.model.LayerWeights;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CandidateScorerTest {

    @Test
    void countsEqualDl4jOutputOfTheMaskedNetworkAndLeaveTheModelAlone() {
        MultiLayerNetwork net = PruneFixtures.trainedLenet300();
        INDArray before = net.params().dup();
        LayerMasks masks = LayerMasks.allKept(net);
        // an earlier loop pruned 30 % of ip1 already
        masks.of("ip1").assign(MagnitudePruner.mask(net.getLayer("ip1").getParam("W"),
                WeightMagnitudes.of(MagnitudePruner.effectiveWeights(net, masks)).percentile("ip1", 30)));
        CandidateScorer scorer = new CandidateScorer(net, masks, 70);
        PercentileCodec codec = new PercentileCodec(scorer.magnitudes());
        List<LayerThresholds> candidates = new ArrayList<>();
        for (double[] x : List.of(new double[] {30, 0, 0}, new double[] {90, 50, 20}, new double[] {97, 90, 60},
                new double[] {99.5, 99, 95})) {
            candidates.add(codec.decode(x));
        }
        List<CandidateResult> results = scorer.score(PruneFixtures.DIGITS, candidates);

        for (int c = 0; c < candidates.size(); c++) {
            MultiLayerNetwork masked = net.clone();
            LayerMasks m = MagnitudePruner.masks(MagnitudePruner.effectiveWeights(net, masks), candidates.get(c));
            MagnitudePruner.applyInPlace(masked, m);
            Accuracy.Count expected = Accuracy.count(masked, PruneFixtures.DIGITS);
            assertEquals(expected.correct(), results.get(c).correct(), "candidate " + c);
            assertEquals(300, results.get(c).total());
            assertEquals(m.totalKept(), results.get(c).kept(), "candidate " + c);
        }
        assertEquals(before, net.params(), "scoring must not modify the model");
        assertThat(results.get(0).accuracy()).isGreaterThan(results.get(3).accuracy());
        assertEquals(Math.round(0.7 * 235_200), results.get(0).keptByLayer().get("ip1"), 1);
    }

    @Test
    void aLayerWithNoWeightLeftIsFlaggedNotBroken() {
        MultiLayerNetwork net = PruneFixtures.trainedLenet300();
        CandidateScorer scorer = new CandidateScorer(net, LayerMasks.allKept(net));
        PercentileCodec codec = new PercentileCodec(scorer.magnitudes());
        List<CandidateResult> r = scorer.score(PruneFixtures.DIGITS,
                List.of(codec.decode(new double[] {100, 100, 100}), codec.decode(new double[] {10, 10, 10})));
        assertTrue(r.get(0).disconnected());
        assertEquals(0, r.get(0).kept());
        assertEquals(0.0, r.get(0).keptFraction());
        assertThat(r.get(0).accuracy()).isBetween(0.0, 1.0);
        assertFalse(r.get(1).disconnected());
        Objective o = new Objective(270, 300, 0.05);
        assertThat(o.value(r.get(0).keptFraction(), r.get(0).correct())).isFinite();
        assertEquals(LayerWeights.total(net), r.get(1).totalWeights());
    }

    @Test
    void unprunedScoreIsTheModelsOwnAccuracy() {
        MultiLayerNetwork net = PruneFixtures.trainedLenet300();
        CandidateScorer scorer = new CandidateScorer(net, LayerMasks.allKept(net));
        assertEquals(Accuracy.count(net, PruneFixtures.DIGITS).correct(), scorer.score(PruneFixtures.DIGITS,
                List.of(LayerThresholds.none(LayerWeights.sizes(net).keySet()))).get(0).correct());
    }

    @Test
    void candidatesScoredInGroupsThatFitTheMemoryBudgetGetTheSameCounts() {
        MultiLayerNetwork net = PruneFixtures.trainedLenet300();
        LayerMasks masks = LayerMasks.allKept(net);
        CandidateScorer together = new CandidateScorer(net, masks, 70);
        // room for two candidates' copies (8 bytes per weight each): 5 candidates in groups of 2, 2 and 1
        CandidateScorer grouped = new CandidateScorer(net, masks, 70, 2 * 8 * LayerWeights.total(net) + 7);
        assertEquals(2, grouped.candidatesPerGroup());
        assertThat(together.candidatesPerGroup()).isGreaterThan(5);
        PercentileCodec codec = new PercentileCodec(together.magnitudes());
        List<LayerThresholds> candidates = new ArrayList<>();
        for (double[] x : List.of(new double[] {0, 0, 0}, new double[] {90, 50, 20}, new double[] {97, 90, 60},
                new double[] {99.5, 99, 95}, new double[] {60, 60, 60})) {
            candidates.add(codec.decode(x));
        }
        candidates.add(2, LayerThresholds.none(List.of("ip1", "ip2", "no-such-layer")));
        ShardCounts expected = together.counts(PruneFixtures.DIGITS, candidates);
        ShardCounts counts = grouped.counts(PruneFixtures.DIGITS, candidates);
        assertEquals(expected, counts);
        assertThat(counts.failures()[2]).contains("no threshold for layer ip3");
        assertThat(counts.correct()[0]).isGreaterThan(counts.correct()[4]);
    }
}
