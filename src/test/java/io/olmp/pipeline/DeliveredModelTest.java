package io.olmp.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.olmp.cli.Main;
import io.olmp.model.ModelFiles;
import io.olmp.report.QuickstartTablesFixture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The delivery guard on a real (tiny) quickstart run: what is delivered, and {@code olmp select}. */
class DeliveredModelTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;

    private static Path run;

    @BeforeAll
    static void copyTheFixtureRun() throws IOException {
        Path fixture = QuickstartTablesFixture.run();
        run = tmp.resolve("run");
        try (Stream<Path> files = Files.walk(fixture)) {
            for (Path f : files.toList()) {
                Path target = run.resolve(fixture.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }

    @Test
    void withToleranceZeroTheDeliveredModelIsTheMostCompressedLoopEndNoWorseThanTheReference() throws IOException {
        JsonNode result = JSON.readTree(run.resolve("result.json").toFile());
        double reference = result.get("referenceValidationAccuracy").asDouble();
        JsonNode delivered = result.get("delivered");
        assertThat(result.get("finalTolerance").asDouble()).isZero();
        assertThat(delivered.get("validationAccuracy").asDouble()).isGreaterThanOrEqualTo(reference);
        assertThat(result.get("finalValidationAccuracy").asDouble()).isEqualTo(delivered.get("validationAccuracy").asDouble());
        for (JsonNode loop : result.get("loopRecords")) {
            if (loop.get("validationAccuracy").asDouble() >= reference) {
                assertThat(ratio(loop)).isLessThanOrEqualTo(delivered.get("compressionRatio").asDouble());
            }
        }
        assertDeliveredFileIs(delivered.get("loop").asInt());
    }

    @Test
    void selectChoosesAgainWithoutSearching() throws Exception {
        JsonNode before = JSON.readTree(run.resolve("result.json").toFile());
        JsonNode loops = before.get("loopRecords");
        int mostCompressed = 0;
        double best = 0;
        for (JsonNode loop : loops) {
            if (ratio(loop) > best) {
                best = ratio(loop);
                mostCompressed = loop.get("loop").asInt();
            }
        }
        assertThat(Main.execute("select", run.toString(), "--final-tolerance", "100")).isZero();
        JsonNode any = JSON.readTree(run.resolve("result.json").toFile());
        assertThat(any.get("delivered").get("loop").asInt()).isEqualTo(mostCompressed);
        assertThat(any.get("compressionRatio").asDouble()).isEqualTo(best);
        assertThat(any.get("finalTolerance").asDouble()).isEqualTo(100);
        assertThat(any.get("loopRecords")).isEqualTo(loops);
        assertDeliveredFileIs(mostCompressed);

        assertThat(Main.execute("select", run.toString(), "--final-tolerance", "0")).isZero();
        JsonNode back = JSON.readTree(run.resolve("result.json").toFile());
        assertThat(back.get("delivered")).isEqualTo(before.get("delivered"));
        assertDeliveredFileIs(before.get("delivered").get("loop").asInt());
    }

    @Test
    void selectOnAFolderWithoutAResultFailsNamingTheFile(@TempDir Path empty) {
        PrintStream err = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buffer, true));
        try {
            assertThat(Main.execute("select", empty.toString(), "--final-tolerance", "0")).isEqualTo(2);
        } finally {
            System.setErr(err);
        }
        assertThat(buffer.toString()).contains(empty.resolve("result.json").toString())
                .contains("select needs a finished run");
    }

    private static double ratio(JsonNode loop) {
        long kept = 0;
        long size = 0;
        for (JsonNode k : loop.get("keptByLayer")) {
            kept += k.asLong();
        }
        for (JsonNode s : loop.get("sizeByLayer")) {
            size += s.asLong();
        }
        return (double) size / kept;
    }

    private static void assertDeliveredFileIs(int loop) throws IOException {
        assertThat(ModelFiles.load(run.resolve("model/pruned.zip")).params())
                .isEqualTo(ModelFiles.load(CheckpointedRun.loopModel(run, loop)).params());
    }
}
