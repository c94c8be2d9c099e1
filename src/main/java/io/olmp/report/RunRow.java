package io.olmp.report;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * One status change of a run: a row of the {@code runs} table; {@code endedAt} is null while running, and
 * {@code deliveredLoop} (0 = the reference) is set only on the finished row.
 */
record RunRow(String runId, RunInfo info, Instant startedAt, Instant endedAt, String status, Instant updatedAt,
              Integer deliveredLoop) {

    Row toRow() {
        return RowFactory.create(runId, info.method(), info.architecture(), info.dataSource(), info.seed(),
                info.config(), sorted(info.dataChecksums()), sorted(info.versions()), Timestamp.from(startedAt),
                endedAt == null ? null : Timestamp.from(endedAt), status, Timestamp.from(updatedAt),
                deliveredLoop);
    }

    private static Map<String, String> sorted(Map<String, String> map) {
        return new TreeMap<>(map);
    }
}
