package io.olmp.prune;

/**
 * algorithm.md section 2: minimise the fraction of weights kept subject to
 * acc(W) - acc(h(W, e)) &lt;= delta. NCS minimises without constraints, so (ours) an infeasible
 * candidate scores 1 + violation: every infeasible candidate ranks behind every feasible one
 * (feasible scores are &lt;= 1), and less violation ranks better.
 */
public record Objective(double baselineAccuracy, double delta) {

    public Objective {
        if (!(baselineAccuracy >= 0 && baselineAccuracy <= 1)) {
            throw new IllegalArgumentException("baseline accuracy must be in [0, 1], got " + baselineAccuracy);
        }
        if (!(delta >= 0 && delta <= 1)) {
            throw new IllegalArgumentException("delta must be in [0, 1], got " + delta);
        }
    }

    public boolean feasible(double accuracy) {
        return baselineAccuracy - accuracy <= delta;
    }

    /** @param keptFraction sum nnz / sum size, in [0, 1] */
    public double value(double keptFraction, double accuracy) {
        double violation = baselineAccuracy - accuracy - delta;
        return violation <= 0 ? keptFraction : 1 + violation;
    }
}
