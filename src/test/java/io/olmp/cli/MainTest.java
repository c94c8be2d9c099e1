package io.olmp.cli;

import io.olmp.data.TestFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

class MainTest {

    /** Runs the CLI capturing stdout and stderr. */
    private static String run(int expectedExit, String... args) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        Supplier<Integer> call = () -> Main.execute(args);
        try (PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            System.setErr(capture);
            assertEquals(expectedExit, call.get(), () -> buffer.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpListsTheSubcommands() {
        assertThat(run(0, "--help")).contains("run").contains("train").contains("data").contains("config");
    }

    @Test
    void configErrorsExitWithTwoAndNameTheKey() {
        assertThat(run(2, "config", "--set", "train.batch-size=-1"))
                .contains("olmp: error:").contains("olmp.train.batch-size").contains(">= 1");
        assertThat(run(2, "train", "--conf", "does/not/exist.conf")).contains("conf file not found");
    }

    @Test
    void runAndBaselineShareTheScoringAndResumeRules() {
        assertThat(run(2, "run", "--local", "--master", "local[2]")).contains("--local and --master exclude each other");
        assertThat(run(2, "baseline", "--method", "lamp", "--local", "--master", "local[2]"))
                .contains("--local and --master exclude each other");
        assertThat(run(2, "run", "--resume", "runs/x", "--conf", "conf/lenet5.conf"))
                .contains("--resume takes the settings, output and reference of the run");
        assertThat(run(2, "baseline", "--resume", "runs/x", "--set", "prune.delta=0.1"))
                .contains("only scoring.* and spark.* may change").contains("--set prune.delta=0.1");
    }

    @Test
    void configPrintsTheEffectiveSettingsWithOrigins() {
        assertThat(run(0, "config", "--conf", "conf/lenet5.conf"))
                .contains("lenet5").contains("lenet5.conf");
    }

    @Test
    void trainsOnUserSuppliedIdxFilesAndReusesTheFinishedModel(@TempDir Path out) throws IOException {
        String images = TestFixtures.mnistSampleImages().toString();
        String labels = TestFixtures.mnistSampleLabels().toString();
        List<String> args = new ArrayList<>(List.of("train", "--out", out.toString(),
                "--set", "data.source=idx-files", "--set", "train.iterations=20", "--set", "train.batch-size=32",
                "--set", "train.progress-every=10"));
        for (String split : List.of("train", "validation", "test")) {
            args.addAll(List.of("--set", "data.idx-files." + split + "-images=\"" + images + "\"",
                    "--set", "data.idx-files." + split + "-labels=\"" + labels + "\""));
        }
        String first = run(0, args.toArray(String[]::new));
        assertThat(first).contains("train  iter      20/20").contains("reference: validation accuracy");
        assertThat(out.resolve("model/reference.zip")).isRegularFile();
        assertThat(Files.readString(out.resolve("model/reference.json"))).contains("\"testAccuracy\"").contains("\"dataSha256\"");
        assertThat(out.resolve("run.conf")).isRegularFile();
        assertThat(run(0, args.toArray(String[]::new))).contains("reusing");
    }
}
