package io.olmp.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * Scores candidates one after the other in the calling thread with a plain function, for
 * analytic test functions and small local runs. An exception thrown for one candidate makes
 * that candidate {@link Score#failed} (with the exception's class and message) and does not
 * stop the others.
 */
public final class SerialEvaluator implements BatchEvaluator {

    private final ToDoubleFunction<double[]> objective;

    public SerialEvaluator(ToDoubleFunction<double[]> objective) {
        this.objective = Objects.requireNonNull(objective, "objective");
    }

    public static SerialEvaluator of(ToDoubleFunction<double[]> objective) {
        return new SerialEvaluator(objective);
    }

    @Override
    public List<Score> evaluate(List<double[]> candidates) {
        List<Score> scores = new ArrayList<>(candidates.size());
        for (double[] candidate : candidates) {
            try {
                scores.add(Score.of(objective.applyAsDouble(candidate)));
            } catch (RuntimeException e) {
                scores.add(Score.failed(e.toString()));
            }
        }
        return scores;
    }
}
