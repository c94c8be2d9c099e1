package io.olmp.search;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Scores one generation's candidates in one call. This is the seam between the search and
 * whatever executes the objective (a loop, a thread pool, Spark).
 *
 * <p>Contract: return exactly one {@link Score} per candidate, in the order of
 * {@code candidates}. The search checks the count and throws {@link IllegalStateException} if
 * it differs. A candidate that cannot be scored should come back as {@link Score#failed}; an
 * exception thrown out of {@code evaluate} aborts the whole generation (the state passed to
 * {@link Ncs#step} is unchanged, so the generation can be retried).
 *
 * <p>The candidate arrays are copies owned by the evaluator; changing them has no effect on the
 * search.
 */
@FunctionalInterface
public interface BatchEvaluator {

    List<Score> evaluate(List<double[]> candidates);

    /**
     * Adapts a function that returns one double per candidate, in order. NaN marks a candidate
     * that could not be scored.
     */
    static BatchEvaluator ofValues(Function<List<double[]>, double[]> scoreAll) {
        return candidates -> {
            double[] values = scoreAll.apply(candidates);
            if (values == null) {
                return null;
            }
            List<Score> scores = new ArrayList<>(values.length);
            for (double v : values) {
                scores.add(Score.of(v));
            }
            return scores;
        };
    }
}
