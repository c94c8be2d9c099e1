package io.olmp.search;

/**
 * The score of one candidate, as returned by a {@link BatchEvaluator}: either a value (lower is
 * better) or a failure with a message. The search treats a failure, and a value that is NaN or
 * -infinity, as +infinity: such a candidate is never accepted, and it is counted and reported
 * in {@link GenerationStats}.
 *
 * @param value   the score; ignored when {@code failure} is not null
 * @param failure why the candidate could not be scored, or null when it was
 */
public record Score(double value, String failure) {

    /** A successfully computed score. */
    public static Score of(double value) {
        return new Score(value, null);
    }

    /** A candidate that could not be scored; the message says why. */
    public static Score failed(String failure) {
        if (failure == null) {
            throw new IllegalArgumentException("failure must not be null for a failed score");
        }
        return new Score(Double.NaN, failure);
    }

    public boolean isFailed() {
        return failure != null;
    }
}
