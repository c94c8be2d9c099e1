package io.olmp.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The proposal y_k = x_k + sigma_k .* randn(D), checked as a distribution on 100,000 steps. */
class GaussianStepTest {

    @Test
    void childMinusParentOverSigmaIsStandardNormal() {
        int dimension = 10;
        int popN = 2;
        int generations = 5_000; // 5,000 x 2 processes x 10 dimensions = 100,000 steps
        double[] sigma = new double[dimension];
        for (int d = 0; d < dimension; d++) {
            sigma[d] = 0.5 + d;
        }
        // bounds far away so that no step is reflected; epoch beyond the run so that sigma stays put
        NcsParams params = NcsParams.defaults(popN, generations, dimension, -1e6, 1e6)
                .withInitialSigma(sigma).withEpoch(Integer.MAX_VALUE);
        List<double[]> children = new ArrayList<>();
        // every candidate fails, so no child is ever accepted and the parents never move
        BatchEvaluator recordAndFail = candidates -> {
            children.addAll(candidates);
            return candidates.stream().map(c -> Score.failed("test")).toList();
        };
        Ncs ncs = new Ncs(params);
        double[] initLower = new double[dimension];
        double[] initUpper = new double[dimension];
        Arrays.fill(initLower, -1);
        Arrays.fill(initUpper, 1);
        NcsState start = ncs.init(recordAndFail, 2024, initLower, initUpper);
        children.clear();
        NcsState end = ncs.run(start, recordAndFail, GenerationListener.NONE, Termination.never());

        assertEquals(generations * popN, children.size());
        assertEquals(start.processes(), end.processes(), "parents and sigmas must not move");
        double[] z = new double[generations * popN * dimension];
        int i = 0;
        for (int c = 0; c < children.size(); c++) {
            double[] parent = start.process(c % popN).mean();
            double[] child = children.get(c);
            for (int d = 0; d < dimension; d++) {
                z[i++] = (child[d] - parent[d]) / sigma[d];
            }
        }
        NcsRandomTest.assertStandardNormal(z);
    }
}
