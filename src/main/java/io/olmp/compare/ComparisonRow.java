package io.olmp.compare;

import io.olmp.pipeline.RunResult;

import java.nio.file.Path;

/** One run or baseline in a comparison. */
public record ComparisonRow(String run, String method, String architecture, String data, double compressionRatio,
                            long kept, long size, double referenceTestAccuracy, double finalTestAccuracy,
                            double wallSeconds, long evaluations) {

    public static ComparisonRow of(Path dir, RunResult r) {
        Path name = dir.toAbsolutePath().normalize().getFileName();
        return new ComparisonRow(name == null ? dir.toString() : name.toString(), r.method(), r.architecture(),
                r.dataSource(), r.compressionRatio(), sum(r.keptByLayer().values()), sum(r.sizeByLayer().values()),
                r.referenceTestAccuracy(), r.finalTestAccuracy(), r.wallSeconds(), r.evaluations());
    }

    private static long sum(Iterable<Long> values) {
        long total = 0;
        for (long v : values) {
            total += v;
        }
        return total;
    }
}
