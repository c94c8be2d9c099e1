package io.olmp.pipeline;

import io.olmp.config.SettingsLoader;
import io.olmp.data.DataSplits;
import io.olmp.data.LabeledImages;
import io.olmp.data.TestFixtures;
import io.olmp.model.Accuracy;
import io.olmp.model.Architectures;
import io.olmp.model.InputShape;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The reference is counted once per model and data; the kept counts are reused, a changed model is counted again. */
class ReferenceAccuracyTest {

    @Test
    void countsOnceAndCountsAgainForAnotherModelOrADamagedFile(@TempDir Path out) throws Exception {
        LabeledImages digits = TestFixtures.mnistSample();
        DataSplits splits = new DataSplits(digits.subset(range(0, 200), "train"), digits.subset(range(200, 250), "validation"),
                digits.subset(range(250, 300), "test"), Map.of("images", "abc"));
        MultiLayerNetwork net = Architectures.build("lenet300-100", new InputShape(1, 28, 28, 10),
                SettingsLoader.defaults().train(), 5);
        Accuracy.Count validation = Accuracy.count(net, splits.validation());
        ReferenceAccuracy.Counts first = ReferenceAccuracy.of(net, splits, out, line -> {});
        assertEquals(validation, first.validation());
        assertEquals(Accuracy.count(net, splits.test()), first.test());

        // kept counts are what a second call returns: edit them to see that they are read, not recomputed
        Path file = out.resolve(ReferenceAccuracy.FILE);
        Files.writeString(file, Files.readString(file).replace("\"correct\" : " + validation.correct(), "\"correct\" : 49"));
        assertEquals(49, ReferenceAccuracy.of(net, splits, out, line -> {}).validation().correct());

        MultiLayerNetwork other = Architectures.build("lenet300-100", new InputShape(1, 28, 28, 10),
                SettingsLoader.defaults().train(), 6);
        assertEquals(Accuracy.count(other, splits.validation()), ReferenceAccuracy.of(other, splits, out, line -> {}).validation());

        Files.writeString(file, "{ not json");
        List<String> log = new ArrayList<>();
        assertEquals(validation, ReferenceAccuracy.of(net, splits, out, log::add).validation());
        assertThat(log).anyMatch(line -> line.startsWith(file + ": unreadable"));
    }

    private static int[] range(int from, int to) {
        return java.util.stream.IntStream.range(from, to).toArray();
    }
}
