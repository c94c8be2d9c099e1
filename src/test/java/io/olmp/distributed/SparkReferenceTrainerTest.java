package io.olmp.distributed;

import io.olmp.config.SettingsLoader;
import io.olmp.config.TrainSettings;
import io.olmp.data.CaltechTinyFixture;
import io.olmp.data.DataSpec;
import io.olmp.data.Datasets;
import io.olmp.data.LabeledImages;
import io.olmp.data.StreamedImages;
import io.olmp.data.TestFixtures;
import io.olmp.model.Accuracy;
import io.olmp.model.Architectures;
import io.olmp.model.Batches;
import io.olmp.model.InputShape;
import io.olmp.model.ReferenceTrainer;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.dataset.DataSet;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Reference training with dl4j-spark's parameter averaging on local[2]: it learns the real digits, reports and
 * checkpoints per round, hands the averaged parameters to the caller's network, and repeats itself for one seed;
 * executors decoding an image-folder split build the same minibatches as the driver's cache.
 */
class SparkReferenceTrainerTest {

    private static final LabeledImages DIGITS = TestFixtures.mnistSample();

    @Test
    void learnsTheDigitsOnTwoWorkersReportsChecksAndRepeatsItself() throws Exception {
        TrainSettings train = SettingsLoader.load(Optional.empty(), List.of("train.batch-size=20",
                "train.progress-every=10", "train.iterations=60", "train.checkpoint-every=30",
                "train.distributed=true", "train.averaging-frequency=5")).train();
        try (SparkSession spark = SparkSession.builder().master("local[2]").appName("olmp-spark-train-test")
                .config("spark.ui.enabled", "false").getOrCreate()) {
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            MultiLayerNetwork net = Architectures.build("lenet300-100", new InputShape(1, 28, 28, 10), train, 11);
            MultiLayerNetwork initial = net.clone();
            double before = Accuracy.count(net, DIGITS).fraction();
            List<ReferenceTrainer.Progress> progress = new ArrayList<>();
            List<Long> checkpoints = new ArrayList<>();
            new SparkReferenceTrainer(jsc, train, 5, progress::add).train(net, DIGITS, 0,
                    (n, done) -> checkpoints.add(done));
            assertThat(before).isLessThan(0.3);
            assertThat(Accuracy.count(net, DIGITS).fraction()).isGreaterThan(0.7);
            assertEquals(List.of(10L, 20L, 30L, 40L, 50L, 60L), progress.stream().map(ReferenceTrainer.Progress::iteration).toList());
            assertThat(progress.get(5).loss()).isLessThan(progress.get(0).loss());
            assertEquals(List.of(30L), checkpoints);
            assertNotEquals(initial.params(), net.params());

            MultiLayerNetwork again = initial.clone();
            new SparkReferenceTrainer(jsc, train, 5, p -> {}).train(again, DIGITS, 0, (n, done) -> {});
            assertEquals(net.params(), again.params(), "one seed, the same number of workers: the same weights");
        }
    }

    @Test
    void minibatchesDecodedFromTheImageFilesEqualTheCachedOnes(@TempDir Path tmp) throws Exception {
        Path root = CaltechTinyFixture.root();
        StreamedImages train = (StreamedImages) Datasets.load(new DataSpec.ImageFolders(root.resolve("train"),
                root.resolve("eval"), 6, 6, 42, 3, 32, 32, tmp)).train();
        Batches batches = new Batches(train, 5, 9);
        var fromFiles = new SparkReferenceTrainer.MinibatchFromFiles(train.files(), 3, 32, 32, 3);
        for (long iteration = 0; iteration < 3; iteration++) {
            DataSet expected = batches.batch(iteration);
            DataSet decoded = fromFiles.call(batches.rows(iteration));
            assertEquals(expected.getFeatures(), decoded.getFeatures());
            assertEquals(expected.getLabels(), decoded.getLabels());
        }
    }
}
