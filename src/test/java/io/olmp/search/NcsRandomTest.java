package io.olmp.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class NcsRandomTest {

    private static final int SAMPLES = 100_000;

    @Test
    void xoshiroMatchesTheReferenceOutputsForStateOneTwoThreeFour() {
        NcsRandom random = new NcsRandom(new RandomState(1, 2, 3, 4, false, 0));
        assertEquals(11520L, random.nextLong());
        assertEquals(0L, random.nextLong());
        assertEquals(1509978240L, random.nextLong());
        assertEquals(1215971899390074240L, random.nextLong());
    }

    @Test
    void splitMixSeedingMatchesTheReferenceFirstOutput() {
        // SplitMix64 started at 0 first outputs 0xe220a8397b1dcdaf
        assertEquals(0xE220A8397B1DCDAFL, NcsRandom.seeded(0).state().s0());
    }

    @Test
    void restoredStateContinuesTheSameSequenceIncludingTheSpareNormal() {
        NcsRandom random = NcsRandom.seeded(42);
        random.nextGaussian(); // leaves a spare normal cached
        RandomState saved = random.state();
        assertTrue(saved.hasSpareNormal());
        double[] expected = {random.nextGaussian(), random.nextGaussian(), random.nextDouble(), random.nextGaussian()};
        NcsRandom restored = new NcsRandom(saved);
        double[] actual = {restored.nextGaussian(), restored.nextGaussian(), restored.nextDouble(), restored.nextGaussian()};
        assertTrue(Arrays.equals(expected, actual));
        assertEquals(random.state(), restored.state());
    }

    @Test
    void allZeroStateIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RandomState(0, 0, 0, 0, false, 0));
        assertTrue(e.getMessage().contains("must not be all zero"));
    }

    @Test
    void uniformsLieInTheHalfOpenUnitIntervalWithMeanOneHalf() {
        NcsRandom random = NcsRandom.seeded(7);
        double sum = 0;
        for (int i = 0; i < SAMPLES; i++) {
            double u = random.nextDouble();
            assertTrue(u >= 0 && u < 1, "uniform out of [0, 1): " + u);
            sum += u;
        }
        // standard error of the mean is sqrt(1/12 / n) = 0.0009; allow 4 of them
        assertEquals(0.5, sum / SAMPLES, 4 * Math.sqrt(1.0 / 12 / SAMPLES));
    }

    @Test
    void normalsHaveMeanZeroVarianceOneAndPassKolmogorovSmirnov() {
        NcsRandom random = NcsRandom.seeded(123);
        double[] z = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            z[i] = random.nextGaussian();
        }
        assertStandardNormal(z);
    }

    /** Mean within 4 standard errors, variance within 4 standard errors, KS below the 1 % critical value. */
    static void assertStandardNormal(double[] z) {
        int n = z.length;
        double mean = Arrays.stream(z).sum() / n;
        double variance = Arrays.stream(z).map(v -> (v - mean) * (v - mean)).sum() / (n - 1);
        assertEquals(0, mean, 4 / Math.sqrt(n), "mean");
        assertEquals(1, variance, 4 * Math.sqrt(2.0 / n), "variance");
        double ks = kolmogorovSmirnov(z);
        double critical = 1.628 / Math.sqrt(n); // alpha = 0.01
        assertTrue(ks < critical, "KS statistic " + ks + " >= critical " + critical);
        assertFalse(Double.isNaN(ks));
    }

    static double kolmogorovSmirnov(double[] samples) {
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double d = 0;
        for (int i = 0; i < n; i++) {
            double cdf = standardNormalCdf(sorted[i]);
            d = Math.max(d, Math.max(cdf - (double) i / n, (double) (i + 1) / n - cdf));
        }
        return d;
    }

    /** Phi(x) via the Numerical Recipes erfc approximation (fractional error below 1.2e-7). */
    static double standardNormalCdf(double x) {
        double z = -x / Math.sqrt(2);
        double t = 1 / (1 + 0.5 * Math.abs(z));
        double erfc = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return 0.5 * (z >= 0 ? erfc : 2 - erfc);
    }
}
