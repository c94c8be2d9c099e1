package io.olmp.search;

import java.util.Arrays;

/**
 * One of NCS's N parallel search processes: a Gaussian N(mean, diag(sigma^2)) and the fitness
 * of its mean. Arrays are copied in and out, so an instance is immutable.
 *
 * @param mean      x_k, the process's current solution (the Gaussian's mean)
 * @param sigma     sigma_k, the Gaussian's standard deviation in each dimension
 * @param fitness   f_k = f(x_k); +infinity when x_k could not be scored
 * @param successes success_k, the children accepted since the last sigma update
 */
public record SearchProcess(double[] mean, double[] sigma, double fitness, int successes) {

    public SearchProcess {
        if (mean == null || sigma == null) {
            throw new IllegalArgumentException("mean and sigma must not be null");
        }
        if (mean.length == 0 || mean.length != sigma.length) {
            throw new IllegalArgumentException("mean and sigma must have the same, non-zero "
                    + "dimension, but had " + mean.length + " and " + sigma.length);
        }
        if (successes < 0) {
            throw new IllegalArgumentException("successes must be >= 0, but was " + successes);
        }
        mean = mean.clone();
        sigma = sigma.clone();
    }

    public int dimension() {
        return mean.length;
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] sigma() {
        return sigma.clone();
    }

    /** Equality of every component bit for bit (so NaN equals NaN and 0.0 differs from -0.0). */
    @Override
    public boolean equals(Object o) {
        return o instanceof SearchProcess p
                && Arrays.equals(mean, p.mean) && Arrays.equals(sigma, p.sigma)
                && Double.compare(fitness, p.fitness) == 0
                && successes == p.successes;
    }

    @Override
    public int hashCode() {
        int h = Arrays.hashCode(mean);
        h = 31 * h + Arrays.hashCode(sigma);
        h = 31 * h + Double.hashCode(fitness);
        return 31 * h + successes;
    }

    @Override
    public String toString() {
        return "SearchProcess[mean=" + Arrays.toString(mean) + ", sigma=" + Arrays.toString(sigma)
                + ", fitness=" + fitness + ", successes=" + successes + "]";
    }
}
