package io.olmp.report;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Writes rows as one Parquet file per key into a table folder, atomically: Spark writes into a
 * hidden staging folder ({@code <tables>/_staging/...}), then the finished file is renamed to
 * {@code <table>/<key>.parquet}. A rename within one file system replaces an existing file of
 * the same key atomically, so a reader sees the old file or the new one, never a partial one,
 * and writing a key again (a generation re-run after a resume) replaces its rows instead of
 * duplicating them.
 */
final class ParquetFiles {

    static final String STAGING = "_staging";

    private final SparkSession spark;
    private final Path tables;

    ParquetFiles(SparkSession spark, Path tables) {
        this.spark = spark;
        this.tables = tables.toAbsolutePath();
    }

    Path tableDir(String table) {
        return tables.resolve(table);
    }

    /** Creates the table folders and removes what a crashed writer left in the staging folder. */
    void prepare() throws IOException {
        for (String table : TableSchemas.NAMES) {
            Files.createDirectories(tableDir(table));
        }
        deleteRecursively(tables.resolve(STAGING));
    }

    boolean hasFiles(String table) throws IOException {
        try (Stream<Path> files = Files.list(tableDir(table))) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".parquet"));
        }
    }

    /** Writes {@code rows} (possibly none: the file then carries just the schema) as {@code <table>/<key>.parquet}. */
    void write(String table, String key, List<Row> rows) throws IOException {
        StructType schema = TableSchemas.of(table);
        Path staging = tables.resolve(STAGING).resolve(table + "-" + key + "-" + UUID.randomUUID());
        try {
            spark.createDataFrame(rows, schema).coalesce(1).write().parquet(staging.toUri().toString());
            Path part;
            try (Stream<Path> files = Files.list(staging)) {
                List<Path> parts = files.filter(f -> f.getFileName().toString().startsWith("part-")
                        && f.getFileName().toString().endsWith(".parquet")).toList();
                if (parts.size() != 1) {
                    throw new IOException("Spark wrote " + parts.size() + " Parquet files for table " + table
                            + " key " + key + " in " + staging + "; expected exactly 1");
                }
                part = parts.get(0);
            }
            Path target = tableDir(table).resolve(key + ".parquet");
            try {
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("cannot rename " + part + " to " + target + " atomically; the tables folder"
                        + " must be on a file system with atomic renames", e);
            }
        } finally {
            deleteRecursively(staging);
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
