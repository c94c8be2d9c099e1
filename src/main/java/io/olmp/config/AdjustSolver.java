package io.olmp.config;

/**
 * How a loop's adjusting treats the solver it inherits ({@code olmp.prune.adjust-solver}).
 * {@link #RESTART} is what a Caffe retraining does (a new solver: the learning-rate schedule starts
 * again at iteration 0 and the momentum is zero); {@link #CONTINUE} keeps the schedule position and
 * the momentum of the training or loop before.
 */
public enum AdjustSolver implements ConfValue {
    CONTINUE("continue"),
    RESTART("restart");

    private final String key;

    AdjustSolver(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }
}
