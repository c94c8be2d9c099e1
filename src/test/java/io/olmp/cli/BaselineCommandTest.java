package io.olmp.cli;

import io.olmp.data.IdxImages;
import io.olmp.data.IdxReader;
import io.olmp.data.IdxWriter;
import io.olmp.data.SeededSplit;
import io.olmp.data.TestFixtures;
import io.olmp.report.RunTables;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code olmp baseline} from the command line on real digits (the committed npm sample written as
 * idx-files: 200 train, 50 validation, 50 test): trains a tiny reference, runs LAMP, writes
 * result.json, the pruned model and the run tables; refuses to start over a finished folder.
 */
class BaselineCommandTest {

    @TempDir
    static Path tmp;

    private static String conf;

    @BeforeAll
    static void writeIdxSplits() throws IOException {
        IdxImages images = IdxReader.readImages(TestFixtures.mnistSampleImages());
        int[] labels = IdxReader.readLabels(TestFixtures.mnistSampleLabels());
        int[] order = SeededSplit.permutation(images.count(), 5);
        String[] names = {"train", "validation", "test"};
        int[][] ranges = {{0, 200}, {200, 250}, {250, 300}};
        StringBuilder keys = new StringBuilder();
        for (int s = 0; s < 3; s++) {
            int[] indices = Arrays.copyOfRange(order, ranges[s][0], ranges[s][1]);
            Path imageFile = tmp.resolve(names[s] + "-images.idx.gz");
            Path labelFile = tmp.resolve(names[s] + "-labels.idx.gz");
            IdxWriter.writeImages(imageFile, images.subset(indices));
            IdxWriter.writeLabels(labelFile, IntStream.of(indices).map(i -> labels[i]).toArray());
            keys.append("data.idx-files.").append(names[s]).append("-images=\"").append(imageFile).append("\",")
                    .append("data.idx-files.").append(names[s]).append("-labels=\"").append(labelFile).append("\",");
        }
        conf = keys.toString();
    }

    private static String[] args(String... extra) {
        List<String> all = new java.util.ArrayList<>(List.of("baseline", "--local", "--set", "data.source=idx-files"));
        for (String kv : conf.split(",")) {
            all.add("--set");
            all.add(kv);
        }
        for (String kv : List.of("train.iterations=40", "train.batch-size=32", "train.checkpoint-every=0",
                "train.progress-every=1000", "prune.loops=2", "prune.adjust-iterations=3", "prune.delta=0.1",
                "baseline.kept-factor=0.6", "baseline.rungs=3", "search.population=3")) {
            all.add("--set");
            all.add(kv);
        }
        all.addAll(List.of(extra));
        return all.toArray(String[]::new);
    }

    @Test
    void runsLampAndWritesTheResultTheModelAndTheTables() throws IOException {
        Path out = tmp.resolve("lamp");
        String printed = run(0, args("--method", "lamp", "--out", out.toString()));
        assertThat(printed).contains("baseline lamp: up to 2 steps", "step 1 done (lamp)", "result (lamp):");
        assertThat(out.resolve("result.json")).isRegularFile();
        assertThat(out.resolve("model/pruned.zip")).isRegularFile();
        assertThat(Files.readString(out.resolve("baseline-method")).trim()).isEqualTo("lamp");
        assertThat(Files.readString(out.resolve("result.json"))).contains("\"method\" : \"lamp\"");

        try (SparkSession spark = RunTables.localSession()) {
            long steps = spark.read().parquet(out.resolve("tables/loops").toUri().toString())
                    .where("generations = 0 AND evaluations > 0").count();
            assertThat(steps).isBetween(1L, 2L);
            assertEquals(3 * steps, spark.read().parquet(out.resolve("tables/layers").toUri().toString()).count());
            assertEquals(0, spark.read().parquet(out.resolve("tables/generations").toUri().toString()).count());
            assertEquals(List.of("lamp"), spark.read().parquet(out.resolve("tables/runs").toUri().toString())
                    .select("method").distinct().as(org.apache.spark.sql.Encoders.STRING()).collectAsList());
        }

        String again = run(2, args("--method", "lamp", "--out", out.toString()));
        assertThat(again).contains(out + " holds a finished run", "choose another --out");
        String resumed = run(0, "baseline", "--resume", out.toString());
        assertThat(resumed).contains("has finished already");
    }

    @Test
    void methodIsRequiredAndChecked() {
        assertThat(run(2, args("--out", tmp.resolve("none").toString()))).contains("--method is required",
                "global | uniform | lamp");
        assertThat(run(2, args("--method", "random", "--out", tmp.resolve("none").toString())))
                .contains("unknown baseline method 'random'");
    }

    private static String run(int expectedExit, String... args) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        try (PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            System.setErr(capture);
            assertEquals(expectedExit, Main.execute(args), () -> buffer.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
