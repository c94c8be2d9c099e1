package io.olmp.config;

import java.util.Arrays;
import java.util.List;

/**
 * How a loop's adjusting treats the solver it inherits ({@code olmp.prune.adjust-solver}).
 * {@link #RESTART} is what a Caffe retraining does (a new solver: the learning-rate schedule starts
 * again at iteration 0 and the momentum is zero); {@link #CONTINUE} keeps the schedule position and
 * the momentum of the training or loop before.
 */
public enum AdjustSolver {
    CONTINUE("continue"),
    RESTART("restart");

    private final String key;

    AdjustSolver(String key) {
        this.key = key;
    }

    /** The value as written in a conf file. */
    public String key() {
        return key;
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(AdjustSolver::key).toList();
    }

    public static AdjustSolver of(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown adjust solver '" + key + "', expected one of "
                        + keys()));
    }
}
