package io.olmp.search;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hard assertions where NCS-C is known to succeed, in the benchmark setting of docs/method.md (popN 10,
 * reference defaults, Tmax = budget / popN - 1). The other functions are recorded, not asserted,
 * in {@code ncs-analytic-results.md}, written by {@link NcsBenchmarkTable}.
 */
class NcsAnalyticTest {

    @ParameterizedTest(name = "sphere {0}-D below {1} on seeds 1..10")
    @CsvSource({"10, 1e-3", "30, 1e-10"})
    void sphereIsSolvedOnEverySeed(int dimension, double threshold) {
        for (long seed = 1; seed <= 10; seed++) {
            double best = AnalyticFunction.SPHERE.bestAfterRun(dimension, seed);
            assertTrue(best < threshold, "sphere " + dimension + "-D, seed " + seed + ": best " + best
                    + " is not below " + threshold);
        }
    }
}
