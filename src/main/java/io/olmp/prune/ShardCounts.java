package io.olmp.prune;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Correct top-1 predictions per candidate on some images, and why a candidate could not be scored
 * (null where it was). Integer counts, so sums over shards are exact whatever the partitioning.
 */
public record ShardCounts(long[] correct, long total, String[] failures) implements Serializable {

    public ShardCounts {
        if (correct.length != failures.length) {
            throw new IllegalArgumentException("correct and failures differ in length");
        }
    }

    public static ShardCounts empty(int candidates) {
        return new ShardCounts(new long[candidates], 0, new String[candidates]);
    }

    public int candidates() {
        return correct.length;
    }

    /** Adds the counts of another shard of the same candidates; a failure on any shard stays. */
    public ShardCounts plus(ShardCounts other) {
        if (other.candidates() != candidates()) {
            throw new IllegalArgumentException("cannot add counts of " + other.candidates() + " candidates to "
                    + candidates());
        }
        long[] sum = new long[correct.length];
        String[] failed = new String[correct.length];
        for (int c = 0; c < sum.length; c++) {
            sum[c] = correct[c] + other.correct[c];
            failed[c] = failures[c] != null ? failures[c] : other.failures[c];
        }
        return new ShardCounts(sum, total + other.total, failed);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ShardCounts s && total == s.total && Arrays.equals(correct, s.correct)
                && Arrays.equals(failures, s.failures);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(correct) * 31 + Long.hashCode(total);
    }

    @Override
    public String toString() {
        return "ShardCounts" + Arrays.toString(correct) + "/" + total;
    }
}
