package io.olmp.pipeline;

import java.util.List;
import java.util.Map;

/**
 * The outcome of an OLMP run, written as {@code result.json}.
 *
 * @param compressionRatio sum of layer sizes / sum of kept weights of the final model W * M
 */
public record RunResult(
        String format,
        int version,
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
        List<LoopRecord> loopRecords) {}
