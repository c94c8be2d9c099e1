package io.olmp.report.html;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.olmp.export.ModelExport;
import io.olmp.export.ModelSizes;
import io.olmp.result.RunResult;
import io.olmp.report.TableSchemas;
import io.olmp.report.TablesSummary;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static org.apache.spark.sql.functions.col;

/**
 * Everything the report shows about one run, read from the run tables and, when the run has
 * finished, from {@code result.json} and the pruned model (for the size table).
 */
public record ReportData(Run run, List<Loop> loops, List<Generation> generations, List<Candidate> candidates,
                         List<Layer> layers, Optional<RunResult> result, Optional<ModelSizes> sizes) {

    /** The current row of the {@code runs} table. */
    public record Run(String runId, String method, String architecture, String dataSource, long seed, String status,
                      Instant startedAt, Instant endedAt) {}

    /** A row of {@code loops}. */
    public record Loop(int loop, double sigma, int generations, long evaluations, long kept, long size,
                       double compressionRatio, double loopStartValidation, double validationBeforeAdjust,
                       double testBeforeAdjust, double validationAfterAdjust, double testAfterAdjust,
                       boolean feasibleFound, double searchWallSeconds, double searchCpuSeconds,
                       double adjustWallSeconds, double adjustCpuSeconds) {}

    /** A row of {@code generations}. */
    public record Generation(int loop, int generation, long evaluations, double bestFitness, int evaluated,
                             int feasible, int failed, double wallSeconds, double cpuSeconds) {}

    /** A scored (not failed) row of {@code candidates}. */
    public record Candidate(int loop, int generation, double keptFraction, double accuracy, boolean feasible) {}

    /** A row of {@code layers}. */
    public record Layer(int loop, int layerIndex, String layer, long size, long kept, double sparsity,
                        double threshold) {}

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /**
     * Reads the run of {@code dir} (the run id in {@code tables/_run_id}, else the latest run).
     * Fails naming the folder when there are no tables or no run in them.
     */
    public static ReportData read(SparkSession spark, Path dir) throws IOException {
        requireTables(dir);
        Run run = currentRun(spark, dir);
        String id = run.runId();
        List<Loop> loops = new ArrayList<>();
        for (Row r : rows(spark, dir, TableSchemas.LOOPS, id, "loop")) {
            loops.add(new Loop(r.getAs("loop"), r.getAs("sigma"), r.getAs("generations"), r.getAs("evaluations"),
                    r.getAs("kept"), r.getAs("size"), r.getAs("compression_ratio"), r.getAs("loop_start_validation"),
                    r.getAs("validation_before_adjust"), r.getAs("test_before_adjust"),
                    r.getAs("validation_after_adjust"), r.getAs("test_after_adjust"), r.getAs("feasible_found"),
                    r.getAs("search_wall_seconds"), r.getAs("search_cpu_seconds"), r.getAs("adjust_wall_seconds"),
                    r.getAs("adjust_cpu_seconds")));
        }
        List<Generation> generations = new ArrayList<>();
        for (Row r : rows(spark, dir, TableSchemas.GENERATIONS, id, "loop", "generation")) {
            generations.add(new Generation(r.getAs("loop"), r.getAs("generation"), r.getAs("evaluations"),
                    r.getAs("best_fitness"), r.getAs("evaluated"), r.getAs("feasible"), r.getAs("failed"),
                    r.getAs("wall_seconds"), r.getAs("cpu_seconds")));
        }
        List<Candidate> candidates = new ArrayList<>();
        Dataset<Row> scored = TablesSummary.read(spark, dir, TableSchemas.CANDIDATES)
                .where(col("run_id").equalTo(id).and(col("accuracy").isNotNull()).and(col("kept_fraction").isNotNull()))
                .select("loop", "generation", "kept_fraction", "accuracy", "feasible")
                .orderBy("loop", "generation");
        for (Row r : scored.collectAsList()) {
            candidates.add(new Candidate(r.getAs("loop"), r.getAs("generation"), r.getAs("kept_fraction"),
                    r.getAs("accuracy"), r.getAs("feasible")));
        }
        List<Layer> layers = new ArrayList<>();
        for (Row r : rows(spark, dir, TableSchemas.LAYERS, id, "loop", "layer_index")) {
            layers.add(new Layer(r.getAs("loop"), r.getAs("layer_index"), r.getAs("layer"), r.getAs("size"),
                    r.getAs("kept"), r.getAs("sparsity"), r.getAs("threshold")));
        }
        Optional<RunResult> result = result(dir);
        Optional<ModelSizes> sizes = result.isPresent() && Files.isRegularFile(dir.resolve("model/pruned.zip"))
                ? Optional.of(ModelSizes.of(ModelExport.sparseModel(dir))) : Optional.empty();
        return new ReportData(run, loops, generations, candidates, layers, result, sizes);
    }

    /** Fails naming the folder when {@code dir} has no run tables or one is missing. */
    static void requireTables(Path dir) throws IOException {
        Path tables = dir.resolve("tables");
        if (!Files.isDirectory(tables)) {
            throw new IOException(dir + " has no run tables: " + tables + " does not exist"
                    + " (olmp report needs the output folder of olmp run)");
        }
        for (String table : TableSchemas.NAMES) {
            if (!Files.isDirectory(tables.resolve(table))) {
                throw new IOException(tables + " is incomplete: table folder " + tables.resolve(table) + " is missing");
            }
        }
    }

    private static List<Row> rows(SparkSession spark, Path dir, String table, String runId, String... order) {
        return TablesSummary.read(spark, dir, table).where(col("run_id").equalTo(runId))
                .orderBy(order[0], java.util.Arrays.copyOfRange(order, 1, order.length)).collectAsList();
    }

    private static Run currentRun(SparkSession spark, Path dir) throws IOException {
        Path idFile = dir.resolve("tables/_run_id");
        Optional<String> recorded = Files.isRegularFile(idFile)
                ? Files.readAllLines(idFile, StandardCharsets.UTF_8).stream().findFirst().map(String::trim)
                : Optional.empty();
        Dataset<Row> runs = TablesSummary.read(spark, dir, TableSchemas.RUNS);
        if (recorded.isPresent()) {
            runs = runs.where(col("run_id").equalTo(recorded.get()));
        }
        List<Row> rows = runs.orderBy(col("updated_at").desc()).limit(1).collectAsList();
        if (rows.isEmpty()) {
            throw new IOException(dir.resolve("tables/runs") + ": no run recorded"
                    + recorded.map(id -> " with run_id " + id + " (from " + idFile + ")").orElse(""));
        }
        Row r = rows.get(0);
        return new Run(r.getAs("run_id"), r.getAs("method"), r.getAs("architecture"), r.getAs("data_source"),
                r.getAs("seed"), r.getAs("status"), instant(r.getAs("started_at")), instant(r.getAs("ended_at")));
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof Timestamp t ? t.toInstant() : (Instant) value;
    }

    private static Optional<RunResult> result(Path dir) throws IOException {
        Path file = dir.resolve("result.json");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), RunResult.class));
        } catch (IOException e) {
            throw new IOException(file + ": not a readable olmp result: " + e.getMessage(), e);
        }
    }

    /** The layers rows of the last loop that has any, in layer order. */
    public List<Layer> finalLayers() {
        int last = layers.stream().mapToInt(Layer::loop).max().orElse(0);
        return layers.stream().filter(l -> l.loop() == last).sorted(Comparator.comparingInt(Layer::layerIndex)).toList();
    }
}
