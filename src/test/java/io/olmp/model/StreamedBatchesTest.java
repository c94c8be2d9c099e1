package io.olmp.model;

import io.olmp.config.SettingsLoader;
import io.olmp.data.CaltechTinyFixture;
import io.olmp.data.DataSpec;
import io.olmp.data.DataSplits;
import io.olmp.data.Datasets;
import io.olmp.data.LabeledImages;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Training batches and accuracy read from a streamed split equal those of the same split held in memory. */
class StreamedBatchesTest {

    @Test
    void batchesAndAccuracyOfAStreamedSplitEqualTheInMemoryOnes(@TempDir Path tmp) throws Exception {
        Path root = CaltechTinyFixture.root();
        DataSplits splits = Datasets.load(new DataSpec.ImageFolders(root.resolve("train"), root.resolve("eval"), 6, 6,
                42, 1, 28, 28, tmp));
        LabeledImages inMemory = splits.train().inMemory();
        Batches streamed = new Batches(splits.train(), 5, 3);
        Batches held = new Batches(inMemory, 5, 3);
        int length = inMemory.featureLength();
        for (long iteration = 0; iteration < 5; iteration++) { // crosses an epoch (2 batches per epoch)
            float[] streamedFeatures = new float[5 * length];
            float[] streamedLabels = new float[5 * 3];
            float[] heldFeatures = new float[5 * length];
            float[] heldLabels = new float[5 * 3];
            streamed.fill(iteration, streamedFeatures, streamedLabels);
            held.fill(iteration, heldFeatures, heldLabels);
            assertArrayEquals(heldFeatures, streamedFeatures);
            assertArrayEquals(heldLabels, streamedLabels);
            assertEquals(held.batch(iteration), streamed.batch(iteration));
        }
        MultiLayerNetwork net = Architectures.build("lenet5", new InputShape(1, 28, 28, 3),
                SettingsLoader.defaults().train(), 3);
        assertEquals(Accuracy.count(net, splits.validation().inMemory()), Accuracy.count(net, splits.validation()));
    }
}
