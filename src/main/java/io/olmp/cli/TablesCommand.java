package io.olmp.cli;

import io.olmp.config.SettingsException;
import io.olmp.report.RunTables;
import io.olmp.report.TablesSummary;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code olmp tables}: the schema and row count of each run table in an output folder, and the runs' status. */
@Command(name = "tables", mixinStandardHelpOptions = true,
        description = "Print the schema and row count of each Parquet table under DIR/tables, and each run's status.")
final class TablesCommand implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "output folder of a run")
    Path out;

    @Override
    public Integer call() {
        if (!Files.isDirectory(out.resolve("tables"))) {
            throw new SettingsException(out + " has no run tables: " + out.resolve("tables")
                    + " does not exist (olmp run writes them)");
        }
        try (SparkSession spark = RunTables.localSession()) {
            TablesSummary summary = TablesSummary.read(spark, out);
            for (TablesSummary.Table table : summary.tables()) {
                System.out.printf("%s: %,d rows%n", table.name(), table.rows());
                System.out.print(table.schema().treeString());
            }
            System.out.println("runs (current status):");
            for (TablesSummary.RunState run : summary.runs()) {
                System.out.printf("  %s  %s  %s  started %s  ended %s%n", run.runId(), run.method(), run.status(),
                        run.startedAt(), run.endedAt());
            }
        }
        return 0;
    }
}
