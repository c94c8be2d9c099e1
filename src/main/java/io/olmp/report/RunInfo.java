package io.olmp.report;

import java.time.Instant;
import java.util.Map;

/**
 * What identifies a run, written to the {@code runs} table with every status change.
 *
 * @param method        "olmp", or a baseline: "global", "uniform", "lamp"
 * @param config        the effective configuration, rendered HOCON
 * @param dataChecksums SHA-256 per data file read
 * @param versions      olmp, java, spark, dl4j
 */
public record RunInfo(String method, String architecture, String dataSource, long seed, String config,
                      Map<String, String> dataChecksums, Map<String, String> versions) {

    public RunInfo {
        dataChecksums = Map.copyOf(dataChecksums);
        versions = Map.copyOf(versions);
    }

    /** One {@code runs} row. */
    RunRow row(String runId, Instant startedAt, Instant endedAt, String status, Instant updatedAt,
               Integer deliveredLoop) {
        return new RunRow(runId, this, startedAt, endedAt, status, updatedAt, deliveredLoop);
    }
}
