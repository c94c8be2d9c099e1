package io.olmp.search;

import java.util.Arrays;

/**
 * Parameters of NCS-C, validated on construction. Execution concerns (evaluators, executors,
 * seeds) are not parameters of the algorithm and live elsewhere.
 *
 * <p>Array components are copied on the way in and on the way out, so an instance is immutable.
 *
 * @param popN         N, the number of parallel search processes (population size), {@code >= 2}
 * @param tmax         Tmax, the number of generations, {@code >= 1}; lambdaSigma reaches 0 at Tmax
 * @param lowerBounds  lb, the lower bound of each dimension
 * @param upperBounds  ub, the upper bound of each dimension ({@code lb[d] < ub[d]})
 * @param initialSigma the initial sigma of every process in each dimension,
 *                     {@code 0 < sigma[d] <= ub[d] - lb[d]} (sigma is capped at {@code ub - lb})
 * @param r            the factor of the 1/5 success rule, in (0, 1) (paper: 0.99)
 * @param epoch        the number of generations between sigma updates, {@code >= 1} (paper: N)
 * @param lambdaRange  the initial standard deviation of lambda, which decreases linearly to 0
 *                     at Tmax, finite and {@code >= 0} (paper: 0.1)
 */
public record NcsParams(
        int popN,
        int tmax,
        double[] lowerBounds,
        double[] upperBounds,
        double[] initialSigma,
        double r,
        int epoch,
        double lambdaRange) {

    /** r of the reference implementation. */
    public static final double DEFAULT_R = 0.99;
    /** lambda range of the reference implementation. */
    public static final double DEFAULT_LAMBDA_RANGE = 0.1;

    public NcsParams {
        require(popN >= 2, "popN must be >= 2, but was " + popN);
        require(tmax >= 1, "tmax must be >= 1, but was " + tmax);
        require(lowerBounds != null, "lowerBounds must not be null");
        require(upperBounds != null, "upperBounds must not be null");
        require(initialSigma != null, "initialSigma must not be null");
        require(lowerBounds.length >= 1, "lowerBounds must have at least one dimension, but had 0");
        require(upperBounds.length == lowerBounds.length,
                "upperBounds must have as many dimensions as lowerBounds (" + lowerBounds.length
                        + "), but had " + upperBounds.length);
        require(initialSigma.length == lowerBounds.length,
                "initialSigma must have as many dimensions as lowerBounds (" + lowerBounds.length
                        + "), but had " + initialSigma.length);
        lowerBounds = lowerBounds.clone();
        upperBounds = upperBounds.clone();
        initialSigma = initialSigma.clone();
        for (int d = 0; d < lowerBounds.length; d++) {
            double lb = lowerBounds[d];
            double ub = upperBounds[d];
            require(Double.isFinite(lb), "lowerBounds[" + d + "] must be finite, but was " + lb);
            require(Double.isFinite(ub), "upperBounds[" + d + "] must be finite, but was " + ub);
            require(lb < ub, "lowerBounds[" + d + "] must be < upperBounds[" + d + "], but was "
                    + lb + " >= " + ub);
            double width = ub - lb;
            require(Double.isFinite(width), "upperBounds[" + d + "] - lowerBounds[" + d
                    + "] must be finite, but was " + width);
            double sigma = initialSigma[d];
            require(sigma > 0 && sigma <= width, "initialSigma[" + d
                    + "] must be > 0 and <= upperBounds[" + d + "] - lowerBounds[" + d + "] = "
                    + width + ", but was " + sigma);
        }
        require(r > 0 && r < 1, "r must be in (0, 1), but was " + r);
        require(epoch >= 1, "epoch must be >= 1, but was " + epoch);
        require(Double.isFinite(lambdaRange) && lambdaRange >= 0,
                "lambdaRange must be finite and >= 0, but was " + lambdaRange);
    }

    /**
     * The reference implementation's defaults: r = 0.99, epoch = popN, lambda range 0.1 and
     * initial sigma (ub - lb) / popN in each dimension.
     */
    public static NcsParams defaults(int popN, int tmax, double[] lowerBounds, double[] upperBounds) {
        require(popN >= 2, "popN must be >= 2, but was " + popN);
        require(lowerBounds != null && upperBounds != null, "bounds must not be null");
        require(lowerBounds.length == upperBounds.length,
                "upperBounds must have as many dimensions as lowerBounds (" + lowerBounds.length
                        + "), but had " + upperBounds.length);
        double[] sigma = new double[lowerBounds.length];
        for (int d = 0; d < sigma.length; d++) {
            sigma[d] = (upperBounds[d] - lowerBounds[d]) / popN;
        }
        return new NcsParams(popN, tmax, lowerBounds, upperBounds, sigma, DEFAULT_R, popN,
                DEFAULT_LAMBDA_RANGE);
    }

    /** Defaults as in {@link #defaults(int, int, double[], double[])} with the same bounds in every dimension. */
    public static NcsParams defaults(int popN, int tmax, int dimension, double lowerBound, double upperBound) {
        require(dimension >= 1, "dimension must be >= 1, but was " + dimension);
        return defaults(popN, tmax, filled(dimension, lowerBound), filled(dimension, upperBound));
    }

    /** The number of dimensions D. */
    public int dimension() {
        return lowerBounds.length;
    }

    @Override
    public double[] lowerBounds() {
        return lowerBounds.clone();
    }

    @Override
    public double[] upperBounds() {
        return upperBounds.clone();
    }

    @Override
    public double[] initialSigma() {
        return initialSigma.clone();
    }

    public NcsParams withTmax(int newTmax) {
        return new NcsParams(popN, newTmax, lowerBounds, upperBounds, initialSigma, r, epoch, lambdaRange);
    }

    /** The same initial sigma in every dimension. */
    public NcsParams withInitialSigma(double sigma) {
        return withInitialSigma(filled(dimension(), sigma));
    }

    public NcsParams withInitialSigma(double[] sigma) {
        return new NcsParams(popN, tmax, lowerBounds, upperBounds, sigma, r, epoch, lambdaRange);
    }

    public NcsParams withR(double newR) {
        return new NcsParams(popN, tmax, lowerBounds, upperBounds, initialSigma, newR, epoch, lambdaRange);
    }

    public NcsParams withEpoch(int newEpoch) {
        return new NcsParams(popN, tmax, lowerBounds, upperBounds, initialSigma, r, newEpoch, lambdaRange);
    }

    public NcsParams withLambdaRange(double newLambdaRange) {
        return new NcsParams(popN, tmax, lowerBounds, upperBounds, initialSigma, r, epoch, newLambdaRange);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NcsParams p
                && popN == p.popN && tmax == p.tmax && epoch == p.epoch
                && Double.compare(r, p.r) == 0 && Double.compare(lambdaRange, p.lambdaRange) == 0
                && Arrays.equals(lowerBounds, p.lowerBounds)
                && Arrays.equals(upperBounds, p.upperBounds)
                && Arrays.equals(initialSigma, p.initialSigma);
    }

    @Override
    public int hashCode() {
        int h = Integer.hashCode(popN);
        h = 31 * h + Integer.hashCode(tmax);
        h = 31 * h + Integer.hashCode(epoch);
        h = 31 * h + Double.hashCode(r);
        h = 31 * h + Double.hashCode(lambdaRange);
        h = 31 * h + Arrays.hashCode(lowerBounds);
        h = 31 * h + Arrays.hashCode(upperBounds);
        return 31 * h + Arrays.hashCode(initialSigma);
    }

    @Override
    public String toString() {
        return "NcsParams[popN=" + popN + ", tmax=" + tmax
                + ", lowerBounds=" + Arrays.toString(lowerBounds)
                + ", upperBounds=" + Arrays.toString(upperBounds)
                + ", initialSigma=" + Arrays.toString(initialSigma)
                + ", r=" + r + ", epoch=" + epoch + ", lambdaRange=" + lambdaRange + "]";
    }

    private static double[] filled(int n, double value) {
        double[] a = new double[n];
        Arrays.fill(a, value);
        return a;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
