package io.olmp.report;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.olmp.files.AtomicFiles;

/**
 * Appends a run's rows to the Parquet tables under {@code <out>/tables/} while it goes: a
 * {@code runs} row per status change, per generation its {@code generations} row and its
 * {@code candidates} rows, per loop its {@code loops} row and {@code layers} rows.
 *
 * <p>Every append is one Parquet file, staged and renamed into place atomically
 * ({@link ParquetFiles}), so the tables are readable at any moment, also after a crash. Files are
 * keyed by run id and loop (and generation): writing a generation or loop again, as a resumed run
 * does for the generation it was killed in, replaces that file, so rows are never duplicated and
 * readers need no deduplication. {@code runs} is append-only (one file per status change; the
 * row with the latest {@code updated_at} is current).
 *
 * <p>The run id is made at the first start and kept in {@code <out>/tables/_run_id} (with the
 * start time), so a resumed run writes under the same id. Table folders that would otherwise stay
 * empty (baselines have no generations) get one schema-only file, so every table can be read.
 */
public final class RunTables {

    static final String RUN_ID_FILE = "_run_id";

    private final ParquetFiles files;
    private final RunInfo info;
    private final String runId;
    private final Instant startedAt;

    private RunTables(ParquetFiles files, RunInfo info, String runId, Instant startedAt) {
        this.files = files;
        this.info = info;
        this.runId = runId;
        this.startedAt = startedAt;
    }

    /** Opens (or, after a resume, reopens) the tables of the run in {@code out} and appends a "running" row. */
    public static RunTables open(SparkSession spark, Path out, RunInfo info) throws IOException {
        Path tables = out.resolve("tables");
        ParquetFiles files = new ParquetFiles(spark, tables);
        files.prepare();
        Path idFile = tables.resolve(RUN_ID_FILE);
        String runId;
        Instant startedAt;
        if (Files.isRegularFile(idFile)) {
            List<String> lines = Files.readAllLines(idFile, StandardCharsets.UTF_8);
            if (lines.size() < 2 || lines.get(0).isBlank()) {
                throw new IOException(idFile + ": expected the run id and its start time on two lines, found "
                        + lines.size() + " line(s)");
            }
            runId = lines.get(0).trim();
            startedAt = Instant.parse(lines.get(1).trim());
        } else {
            startedAt = Instant.now();
            runId = newRunId(info.method(), startedAt);
            AtomicFiles.writeBytes(idFile, (runId + "\n" + startedAt + "\n").getBytes(StandardCharsets.UTF_8));
        }
        RunTables opened = new RunTables(files, info, runId, startedAt);
        for (String table : TableSchemas.NAMES) {
            if (!files.hasFiles(table)) {
                files.write(table, runId + "-schema", List.of());
            }
        }
        opened.status(RunStatus.RUNNING, null);
        return opened;
    }

    /**
     * A local[1] session for the tables only (runs scored in this JVM have no Spark otherwise):
     * no UI, one core, one shuffle partition.
     */
    public static SparkSession localSession() {
        return SparkSession.builder().master("local[1]").appName("olmp-tables")
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.sql.shuffle.partitions", "1")
                // a JVM stalled for more than the default 120 s (a suspended machine, a stopped process) would
                // otherwise lose its in-process executor to the heartbeat timeout, and Spark exits the whole run
                .config("spark.network.timeout", "7d")
                .config("spark.executor.heartbeatInterval", "60s")
                .getOrCreate();
    }

    public String runId() {
        return runId;
    }

    /** One generation: its statistics and every candidate scored in it. */
    public void generation(GenerationRow generation, List<CandidateRow> candidates) throws IOException {
        String key = String.format(Locale.ROOT, "%s-L%04d-G%05d", runId, generation.loop(), generation.generation());
        List<Row> rows = new ArrayList<>(candidates.size());
        for (CandidateRow c : candidates) {
            if (c.loop() != generation.loop() || c.generation() != generation.generation()) {
                throw new IllegalArgumentException("candidate of loop " + c.loop() + " generation " + c.generation()
                        + " given with generation " + generation.generation() + " of loop " + generation.loop());
            }
            rows.add(c.toRow(runId));
        }
        files.write(TableSchemas.CANDIDATES, key, rows);
        files.write(TableSchemas.GENERATIONS, key, List.of(generation.toRow(runId)));
    }

    /** One loop (or baseline sparsity step): its summary and its layers. */
    public void loop(LoopRow loop, List<LayerRow> layers) throws IOException {
        String key = String.format(Locale.ROOT, "%s-L%04d", runId, loop.loop());
        List<Row> rows = new ArrayList<>(layers.size());
        for (LayerRow layer : layers) {
            if (layer.loop() != loop.loop()) {
                throw new IllegalArgumentException("layer row of loop " + layer.loop() + " given with loop " + loop.loop());
            }
            rows.add(layer.toRow(runId));
        }
        files.write(TableSchemas.LAYERS, key, rows);
        files.write(TableSchemas.LOOPS, key, List.of(loop.toRow(runId)));
    }

    /** Appends the final status row: {@link RunStatus#FINISHED} or {@link RunStatus#FAILED}. */
    public void finish(RunStatus status) throws IOException {
        finish(status, null);
    }

    /**
     * Appends the final status row with the loop whose end model the run delivered (0 = the reference; null when
     * it failed).
     */
    public void finish(RunStatus status, Integer deliveredLoop) throws IOException {
        if (status == RunStatus.RUNNING) {
            throw new IllegalArgumentException("finish takes finished or failed, not running");
        }
        status(status, Instant.now(), deliveredLoop);
    }

    private void status(RunStatus status, Instant endedAt) throws IOException {
        status(status, endedAt, null);
    }

    private void status(RunStatus status, Instant endedAt, Integer deliveredLoop) throws IOException {
        Instant now = endedAt != null ? endedAt : Instant.now();
        String key = String.format(Locale.ROOT, "%s-status-%d-%s", runId, now.toEpochMilli(), status.value());
        files.write(TableSchemas.RUNS, key, List.of(info.row(runId, startedAt, endedAt, status.value(), now,
                deliveredLoop).toRow()));
    }

    private static String newRunId(String method, Instant start) {
        String stamp = start.toString().replaceAll("[-:]", "").replaceAll("\\.\\d+", "");
        return method + "-" + stamp + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
