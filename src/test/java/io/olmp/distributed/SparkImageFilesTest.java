package io.olmp.distributed;

import io.olmp.config.SettingsLoader;
import io.olmp.data.CaltechTinyFixture;
import io.olmp.data.DataSpec;
import io.olmp.data.Datasets;
import io.olmp.data.ImageFile;
import io.olmp.data.StreamedImages;
import io.olmp.model.Architectures;
import io.olmp.model.InputShape;
import io.olmp.prune.LayerMasks;
import io.olmp.prune.LayerThresholds;
import io.olmp.prune.MagnitudePruner;
import io.olmp.prune.PercentileCodec;
import io.olmp.prune.ShardCounts;
import io.olmp.prune.WeightMagnitudes;
import io.olmp.scoring.ShardCounter;
import io.olmp.scoring.ShardCounters;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Executors that read and decode the validation images themselves ({@code shard-storage = image-files}) count
 * exactly what the in-process evaluator counts from the driver's cache; an image missing on an executor fails the
 * job with its path, never with wrong counts.
 */
class SparkImageFilesTest {

    @Test
    void executorsDecodingTheImageFilesCountAsInProcessAndAMissingImageFailsByName(@TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("folders");
        copy(CaltechTinyFixture.root(), root);
        StreamedImages validation = (StreamedImages) Datasets.load(new DataSpec.ImageFolders(root.resolve("train"),
                root.resolve("eval"), 10, 2, 42, 1, 28, 28, tmp.resolve("cache"))).validation();
        MultiLayerNetwork net = Architectures.build("lenet5", new InputShape(1, 28, 28, 3),
                SettingsLoader.defaults().train(), 7);
        LayerMasks masks = LayerMasks.allKept(net);
        PercentileCodec codec = new PercentileCodec(WeightMagnitudes.of(MagnitudePruner.effectiveWeights(net, masks)));
        List<LayerThresholds> candidates = List.of(codec.decode(new double[] {10, 50, 90, 30}),
                codec.decode(new double[] {0, 0, 0, 0}), codec.decode(new double[] {60, 80, 95, 50}),
                codec.decode(new double[] {90, 95, 99, 90}));
        ShardCounts expected;
        try (ShardCounter local = ShardCounters.local(validation.inMemory(), 100).create(net, masks)) {
            expected = local.counts(candidates);
        }
        assertEquals(10, expected.total());
        try (SparkSession spark = SparkSession.builder().master("local[2]").appName("olmp-image-files-test")
                .config("spark.ui.enabled", "false").getOrCreate()) {
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            try (ShardCounters counters = SparkShardCounters.fromImageFiles(jsc, validation, 3);
                 ShardCounter distributed = counters.create(net, masks)) {
                assertEquals(expected, distributed.counts(candidates));
                // the executors keep the decoded levels: a file deleted now is not read again
                ImageFile first = validation.files().get(0);
                Files.move(Path.of(first.path()), tmp.resolve("moved.png"));
                assertEquals(expected, distributed.counts(candidates), "second generation, levels kept by the executors");
                Files.move(tmp.resolve("moved.png"), Path.of(first.path()));
            }
            // a new run, one validation image gone: the task fails, naming the file
            String missing = validation.files().get(7).path();
            Files.delete(Path.of(missing));
            try (ShardCounters counters = SparkShardCounters.fromImageFiles(jsc, validation, 3);
                 ShardCounter distributed = counters.create(net, masks)) {
                SparkException e = assertThrows(SparkException.class, () -> distributed.counts(candidates));
                assertThat(e.getMessage()).contains(missing + ": no such file on this executor");
            }
        }
    }

    private static void copy(Path from, Path to) throws java.io.IOException {
        try (var paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }
}
