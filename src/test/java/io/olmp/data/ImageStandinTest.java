package io.olmp.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The stand-in's folders read back through the image-folder source as RGB images of the asked size. */
class ImageStandinTest {

    @Test
    void writtenFoldersReadBackAsRgbImagesOfTheDigits(@TempDir Path tmp) throws Exception {
        LabeledImages digits = TestFixtures.mnistSampleShuffled(3); // the fixture itself is sorted by class
        List<String> progress = new ArrayList<>();
        ImageStandin.Written written = ImageStandin.write(digits, 40, 30, 64, tmp, progress::add);
        assertEquals(40, written.train());
        assertThat(progress).last().asString().contains("70 of 70");
        DataSplits read = Datasets.load(new DataSpec.ImageFolders(written.trainDir(), written.evalDir(), 15, 15,
                1, 3, 64, 64, tmp.resolve("cache")));
        assertEquals(40, read.train().count());
        assertEquals(15, read.validation().count());
        assertEquals(3, read.train().channels());
        assertEquals(64, read.train().height());
        // the classes in turn: 4 of each of the 10 classes in train, 3 of each in eval
        assertThat(read.train().inMemory().classCounts()).containsOnly(4);
        assertThat(read.validation().count() + read.test().count()).isEqualTo(30);
        double inkOriginal = mean(digits.pixels(), 0, digits.pixels().length);
        float[] readPixels = read.train().inMemory().pixels();
        double inkRead = mean(readPixels, 0, readPixels.length);
        assertThat(inkRead).isBetween(inkOriginal * 0.8, inkOriginal * 1.2);
    }

    @Test
    void refusesMoreImagesThanTheSourceHas(@TempDir Path tmp) {
        LabeledImages digits = TestFixtures.mnistSample();
        assertThat(assertThrows(IllegalArgumentException.class,
                () -> ImageStandin.write(digits, 200, 200, 64, tmp, s -> {})).getMessage()).contains("200 train + 200 eval").contains("has 300");
    }

    private static double mean(float[] values, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += values[i];
        }
        return sum / (to - from);
    }
}
