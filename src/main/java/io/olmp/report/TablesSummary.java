package io.olmp.report;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.StructType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

/** Reads the run tables of an output folder: each table's schema and row count, and each run's current status. */
public final class TablesSummary {

    /** One table as found on disk. */
    public record Table(String name, StructType schema, long rows) {}

    /** A run's current row of the {@code runs} table (the one with the latest {@code updated_at}). */
    public record RunState(String runId, String method, String status, String startedAt, String endedAt) {}

    private final List<Table> tables;
    private final List<RunState> runs;

    private TablesSummary(List<Table> tables, List<RunState> runs) {
        this.tables = tables;
        this.runs = runs;
    }

    public List<Table> tables() {
        return tables;
    }

    public List<RunState> runs() {
        return runs;
    }

    /**
     * Reads {@code <out>/tables/}; fails with a message naming the folder when it has no tables
     * or a table is missing.
     */
    public static TablesSummary read(SparkSession spark, Path out) {
        Path dir = out.resolve("tables");
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(out + " has no run tables: " + dir + " does not exist"
                    + " (tables are written by olmp run)");
        }
        List<Table> tables = new ArrayList<>();
        for (String name : TableSchemas.NAMES) {
            Path table = dir.resolve(name);
            if (!Files.isDirectory(table)) {
                throw new IllegalArgumentException(dir + " is incomplete: table folder " + table + " is missing");
            }
            Dataset<Row> data = read(spark, out, name);
            tables.add(new Table(name, data.schema(), data.count()));
        }
        return new TablesSummary(tables, currentRuns(read(spark, out, TableSchemas.RUNS)));
    }

    /** One table of {@code out}, read with its declared schema. */
    public static Dataset<Row> read(SparkSession spark, Path out, String table) {
        return spark.read().schema(TableSchemas.of(table))
                .parquet(out.resolve("tables").resolve(table).toAbsolutePath().toUri().toString());
    }

    private static List<RunState> currentRuns(Dataset<Row> runs) {
        List<RunState> states = new ArrayList<>();
        Dataset<Row> current = runs
                .withColumn("rank", row_number().over(Window.partitionBy("run_id").orderBy(col("updated_at").desc())))
                .where(col("rank").equalTo(1)).orderBy("started_at");
        for (Row r : current.collectAsList()) {
            states.add(new RunState(r.getAs("run_id"), r.getAs("method"), r.getAs("status"),
                    String.valueOf(r.<Object>getAs("started_at")), String.valueOf(r.<Object>getAs("ended_at"))));
        }
        return states;
    }
}
