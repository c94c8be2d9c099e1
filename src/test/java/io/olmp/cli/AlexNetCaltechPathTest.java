package io.olmp.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.olmp.data.CaltechTinyFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The AlexNet-Caltech path end to end at the smallest size: {@code conf/alexnet-caltech.conf} (AlexNet on RGB image
 * folders) on a committed 3-class folder pair of real images, a few iterations of everything. The images are resized
 * to 67x67, the smallest input AlexNet's layers accept, instead of 227x227: the same layers and path with a 256-wide
 * fc6 input instead of 9,216 (21 M instead of 58 M weights), which keeps the test near a minute.
 */
class AlexNetCaltechPathTest {

    @Test
    void theAlexNetCaltechConfRunsTrainSearchPruneAndAdjustOnImageFolders(@TempDir Path out) throws IOException {
        Path root = CaltechTinyFixture.root();
        String[] args = {"run", "--local", "--conf", "conf/alexnet-caltech.conf", "--out", out.toString(),
                "--set", "data.image-folders.train-dir=\"" + root.resolve("train") + "\"",
                "--set", "data.image-folders.eval-dir=\"" + root.resolve("eval") + "\"",
                "--set", "data.image-folders.validation=6", "--set", "data.image-folders.test=6",
                "--set", "data.image-folders.height=67", "--set", "data.image-folders.width=67",
                "--set", "train.iterations=2", "--set", "train.batch-size=4", "--set", "train.progress-every=1",
                "--set", "train.checkpoint-every=2",
                "--set", "prune.loops=1", "--set", "prune.adjust-iterations=1",
                "--set", "search.population=2", "--set", "search.generations=1"};
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        try (PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            assertEquals(0, Main.execute(args), () -> buffer.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(stdout);
        }
        JsonNode result = new ObjectMapper().readTree(out.resolve("result.json").toFile());
        assertThat(result.get("architecture").asText()).isEqualTo("alexnet");
        assertThat(result.get("loops").asInt()).isEqualTo(1);
        // every AlexNet weight layer is searched and reported: 5 conv + 3 dense
        assertThat(result.get("sizeByLayer").size()).isEqualTo(8);
        assertThat(result.get("sizeByLayer").get("fc6").asLong()).isEqualTo(256L * 4096); // 256 x 1 x 1 after pool5
        assertThat(result.get("sizeByLayer").get("fc7").asLong()).isEqualTo(4096L * 4096);
        assertThat(result.get("evaluations").asLong()).isGreaterThanOrEqualTo(4);
        assertThat(out.resolve("model/pruned.zip")).isRegularFile();
    }
}
