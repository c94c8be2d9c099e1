package io.olmp.baseline;

import java.util.ArrayList;
import java.util.List;

/**
 * The sizes one baseline step tries: from n kept weights, floor(n * keptFactor^j) for
 * j = 1..rungs, without repeats and down to 1 weight, largest first.
 */
public record SparsityLadder(double keptFactor, int rungs) {

    public SparsityLadder {
        if (!(keptFactor > 0 && keptFactor < 1)) {
            throw new IllegalArgumentException("kept factor must be in (0, 1), got " + keptFactor);
        }
        if (rungs < 1) {
            throw new IllegalArgumentException("rungs must be >= 1, got " + rungs);
        }
    }

    public List<Long> targets(long kept) {
        List<Long> targets = new ArrayList<>();
        double size = kept;
        for (int j = 1; j <= rungs; j++) {
            size *= keptFactor;
            long target = (long) Math.floor(size);
            if (target < 1) {
                break;
            }
            if (target < kept && (targets.isEmpty() || target < targets.get(targets.size() - 1))) {
                targets.add(target);
            }
        }
        return targets;
    }
}
