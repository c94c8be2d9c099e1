package io.olmp.compare;

import io.olmp.result.RunResult;

import java.nio.file.Path;

/**
 * One run or baseline in a comparison: its delivered model's figures, and the last loop's.
 *
 * @param delivered "loop 7 of 15", "reference" (no loop met the tolerance) or "last loop" (a result from before
 *                  delivery was chosen)
 */
public record ComparisonRow(String run, String method, String architecture, String data, double compressionRatio,
                            long kept, long size, double referenceTestAccuracy, double finalTestAccuracy,
                            double wallSeconds, long evaluations, String delivered, double lastCompressionRatio,
                            double lastTestAccuracy) {

    public static ComparisonRow of(Path dir, RunResult r) {
        Path name = dir.toAbsolutePath().normalize().getFileName();
        return new ComparisonRow(name == null ? dir.toString() : name.toString(), r.method(), r.architecture(),
                r.dataSource(), r.compressionRatio(), sum(r.keptByLayer().values()), sum(r.sizeByLayer().values()),
                r.referenceTestAccuracy(), r.finalTestAccuracy(), r.wallSeconds(), r.evaluations(), r.deliveredLabel(),
                r.lastLoop() == null ? r.compressionRatio() : r.lastLoop().compressionRatio(),
                r.lastLoop() == null ? r.finalTestAccuracy() : r.lastLoop().testAccuracy());
    }


    private static long sum(Iterable<Long> values) {
        long total = 0;
        for (long v : values) {
            total += v;
        }
        return total;
    }
}
