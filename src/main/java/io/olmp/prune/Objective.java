package io.olmp.prune;

/**
 * docs/method.md, The objective and the constraint: minimise the fraction of weights kept subject to
 * acc(W) - acc(h(W, e)) &lt;= delta. NCS minimises without constraints, so (ours) an infeasible
 * candidate scores 1 + violation: every infeasible candidate ranks behind every feasible one
 * (feasible scores are &lt;= 1), and less violation ranks better.
 *
 * <p>Feasibility is decided on integer counts, not on rounded accuracies: with n validation
 * images a candidate may lose at most floor(delta * n) correct predictions against the baseline,
 * so a drop of exactly delta is feasible whatever floating-point rounding says.
 *
 * @param baselineCorrect correct predictions of the baseline model on the validation split
 * @param total           validation images
 */
public record Objective(long baselineCorrect, long total, double delta) {

    public Objective {
        if (total < 1 || baselineCorrect < 0 || baselineCorrect > total) {
            throw new IllegalArgumentException("baseline must be 0..total correct of total >= 1, got "
                    + baselineCorrect + " of " + total);
        }
        if (!(delta >= 0 && delta <= 1)) {
            throw new IllegalArgumentException("delta must be in [0, 1], got " + delta);
        }
    }

    /** The most correct predictions a feasible candidate may lose. */
    public long allowedLoss() {
        return (long) Math.floor(delta * total + 1e-9);
    }

    public boolean feasible(long correct) {
        return baselineCorrect - correct <= allowedLoss();
    }

    /** @param keptFraction sum nnz / sum size, in [0, 1] */
    public double value(double keptFraction, long correct) {
        if (feasible(correct)) {
            return keptFraction;
        }
        // > 0 here, since the loss exceeds floor(delta * total) + 1e-9 > delta * total
        return 1 + ((baselineCorrect - correct) - delta * total) / total;
    }
}
