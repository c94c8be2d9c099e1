package io.olmp.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class NcsParamsTest {

    private static final double[] LB = {0, 0};
    private static final double[] UB = {100, 100};
    private static final double[] SIGMA = {5, 5};

    private static NcsParams valid() {
        return new NcsParams(10, 160, LB, UB, SIGMA, 0.99, 10, 0.1);
    }

    private static void assertRejected(String expectedMessage, Executable construction) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, construction);
        assertEquals(expectedMessage, e.getMessage());
    }

    @Test
    void defaultsFollowTheReferenceImplementation() {
        NcsParams p = NcsParams.defaults(10, 160, 3, -100, 100);
        assertEquals(0.99, p.r());
        assertEquals(10, p.epoch());
        assertEquals(0.1, p.lambdaRange());
        assertArrayEquals(new double[] {20, 20, 20}, p.initialSigma());
        assertEquals(3, p.dimension());
    }

    @Test
    void defaultSigmaIsBoundWidthOverPopulationPerDimension() {
        NcsParams p = NcsParams.defaults(8, 5, new double[] {0, -1}, new double[] {100, 1});
        assertArrayEquals(new double[] {12.5, 0.25}, p.initialSigma());
    }

    @Test
    void rejectsPopulationBelowTwo() {
        assertRejected("popN must be >= 2, but was 1", () -> new NcsParams(1, 160, LB, UB, SIGMA, 0.99, 10, 0.1));
    }

    @Test
    void rejectsTmaxBelowOne() {
        assertRejected("tmax must be >= 1, but was 0", () -> new NcsParams(10, 0, LB, UB, SIGMA, 0.99, 10, 0.1));
    }

    @Test
    void rejectsNonPositiveSigmaNamingTheDimension() {
        assertRejected("initialSigma[1] must be > 0 and <= upperBounds[1] - lowerBounds[1] = 100.0, but was 0.0",
                () -> valid().withInitialSigma(new double[] {5, 0}));
    }

    @Test
    void rejectsSigmaWiderThanTheBounds() {
        assertRejected("initialSigma[0] must be > 0 and <= upperBounds[0] - lowerBounds[0] = 100.0, but was 100.5",
                () -> valid().withInitialSigma(100.5));
    }

    @Test
    void rejectsEmptyOrInvertedBounds() {
        assertRejected("lowerBounds[1] must be < upperBounds[1], but was 100.0 >= 100.0",
                () -> new NcsParams(10, 160, new double[] {0, 100}, UB, SIGMA, 0.99, 10, 0.1));
        assertRejected("lowerBounds[0] must be < upperBounds[0], but was 5.0 >= 1.0",
                () -> new NcsParams(10, 160, new double[] {5, 0}, new double[] {1, 100}, SIGMA, 0.99, 10, 0.1));
    }

    @Test
    void rejectsNonFiniteBounds() {
        assertRejected("upperBounds[0] must be finite, but was Infinity",
                () -> new NcsParams(10, 160, LB, new double[] {Double.POSITIVE_INFINITY, 1}, SIGMA, 0.99, 10, 0.1));
    }

    @Test
    void rejectsRatioOutsideTheOpenUnitInterval() {
        assertRejected("r must be in (0, 1), but was 1.0", () -> valid().withR(1));
        assertRejected("r must be in (0, 1), but was 0.0", () -> valid().withR(0));
    }

    @Test
    void rejectsEpochBelowOne() {
        assertRejected("epoch must be >= 1, but was 0", () -> valid().withEpoch(0));
    }

    @Test
    void rejectsNegativeOrNonFiniteLambdaRange() {
        assertRejected("lambdaRange must be finite and >= 0, but was -0.1", () -> valid().withLambdaRange(-0.1));
        assertRejected("lambdaRange must be finite and >= 0, but was NaN", () -> valid().withLambdaRange(Double.NaN));
    }

    @Test
    void rejectsInconsistentDimensions() {
        assertRejected("upperBounds must have as many dimensions as lowerBounds (2), but had 3",
                () -> new NcsParams(10, 160, LB, new double[] {1, 2, 3}, SIGMA, 0.99, 10, 0.1));
        assertRejected("initialSigma must have as many dimensions as lowerBounds (2), but had 1",
                () -> new NcsParams(10, 160, LB, UB, new double[] {1}, 0.99, 10, 0.1));
    }

    @Test
    void copiesArraysSoCallersCannotMutateIt() {
        double[] lb = {0, 0};
        NcsParams p = new NcsParams(10, 160, lb, UB, SIGMA, 0.99, 10, 0.1);
        lb[0] = 50;
        p.lowerBounds()[1] = 50;
        assertArrayEquals(new double[] {0, 0}, p.lowerBounds());
    }

    @Test
    void equalityComparesArrayContents() {
        assertEquals(valid(), valid());
        assertEquals(valid().hashCode(), valid().hashCode());
        assertNotEquals(valid(), valid().withTmax(161));
    }
}
