package io.olmp.pipeline;

import java.util.List;
import java.util.Map;

/**
 * The outcome of an OLMP run or a baseline, written as {@code result.json}.
 *
 * @param method           how the model was pruned: olmp | global | uniform | lamp; result files
 *                         written before this field existed read as olmp
 * @param compressionRatio sum of layer sizes / sum of kept weights of the final model W * M
 */
public record RunResult(
        String format,
        int version,
        String method,
        String architecture,
        String dataSource,
        long seed,
        int loops,
        double compressionRatio,
        double keptFraction,
        Map<String, Long> keptByLayer,
        Map<String, Long> sizeByLayer,
        double referenceValidationAccuracy,
        double referenceTestAccuracy,
        double finalValidationAccuracy,
        double finalTestAccuracy,
        double delta,
        long evaluations,
        double wallSeconds,
        List<LoopRecord> loopRecords) {

    public static final String OLMP = "olmp";

    public RunResult {
        method = method == null ? OLMP : method;
    }
}
