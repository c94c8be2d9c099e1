package io.olmp.distributed;

import io.olmp.config.TrainSettings;
import io.olmp.data.ImageDecoder;
import io.olmp.data.ImageFile;
import io.olmp.data.ImageSet;
import io.olmp.data.LabeledImages;
import io.olmp.data.StreamedImages;
import io.olmp.model.Batches;
import io.olmp.model.ReferenceTrainer;
import io.olmp.model.TrainingLoop;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.spark.api.RDDTrainingApproach;
import org.deeplearning4j.spark.api.Repartition;
import org.deeplearning4j.spark.impl.multilayer.SparkDl4jMultiLayer;
import org.deeplearning4j.spark.impl.paramavg.ParameterAveragingTrainingMaster;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reference training on the Spark executors with dl4j-spark's parameter averaging
 * ({@code olmp.train.distributed = true}). The minibatches are the in-JVM trainer's ({@link Batches}: the same
 * seeded order and size), so the same number of examples is seen; each worker fits
 * {@code averaging-frequency} of them between two averagings of the parameters and of the updater state.
 * Executors build their minibatches where the data lives: an image-folder split is decoded from its image files
 * (the paths the driver listed, reachable on every node); any other split is broadcast once. Training runs in rounds
 * of {@code checkpoint-every} iterations (or {@code progress-every} when smaller), each one Spark job, with a progress
 * line and a checkpoint after each; a resumed run continues from its checkpoint's iteration.
 */
public final class SparkReferenceTrainer implements TrainingLoop {

    private final JavaSparkContext spark;
    private final TrainSettings settings;
    private final long batchSeed;
    private final Consumer<ReferenceTrainer.Progress> progress;

    public SparkReferenceTrainer(JavaSparkContext spark, TrainSettings settings, long batchSeed,
                                 Consumer<ReferenceTrainer.Progress> progress) {
        this.spark = spark;
        this.settings = settings;
        this.batchSeed = batchSeed;
        this.progress = progress;
    }

    /** A factory for {@link io.olmp.pipeline.ReferenceTraining} on this Spark context. */
    public static TrainingLoop.Factory on(JavaSparkContext spark) {
        return (settings, batchSeed, progress) -> new SparkReferenceTrainer(spark, settings, batchSeed, progress);
    }

    @Override
    public double train(MultiLayerNetwork net, ImageSet train, long startIteration,
                        ReferenceTrainer.Checkpointer checkpointer) throws IOException {
        Batches batches = new Batches(train, settings.batchSize(), batchSeed);
        ParameterAveragingTrainingMaster master = new ParameterAveragingTrainingMaster.Builder(settings.batchSize())
                .batchSizePerWorker(settings.batchSize())
                .averagingFrequency(settings.averagingFrequency())
                .workerPrefetchNumBatches(0)
                .saveUpdater(true)
                .rddTrainingApproach(RDDTrainingApproach.Direct)
                .repartionData(Repartition.Always)
                .rngSeed(batchSeed)
                .build();
        SparkDl4jMultiLayer sparkNet = new SparkDl4jMultiLayer(spark, net, master);
        Broadcast<LabeledImages> held = train instanceof StreamedImages ? null : spark.broadcast(train.inMemory());
        Function<int[], DataSet> minibatch = train instanceof StreamedImages streamed
                ? new MinibatchFromFiles(streamed.files(), streamed.channels(), streamed.height(), streamed.width(),
                        streamed.numClasses())
                : new MinibatchFromBroadcast(held);
        int round = Math.max(1, settings.checkpointEvery() > 0
                ? Math.min(settings.checkpointEvery(), settings.progressEvery()) : settings.progressEvery());
        long total = settings.iterations();
        double loss = Double.NaN;
        try {
            for (long from = startIteration; from < total; from += round) {
                long to = Math.min(total, from + round);
                long started = System.nanoTime();
                List<int[]> rows = new ArrayList<>();
                for (long i = from; i < to; i++) {
                    rows.add(batches.rows(i));
                }
                JavaRDD<DataSet> data = spark.parallelize(rows, Math.max(1, Math.min(rows.size(),
                        spark.defaultParallelism()))).map(minibatch);
                sparkNet.fit(data);
                loss = sparkNet.getScore();
                if (!Double.isFinite(loss)) {
                    throw new IllegalStateException("training diverged by iteration " + to + ": loss " + loss
                            + " (lower olmp.train.learning-rate)");
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                progress.accept(new ReferenceTrainer.Progress(to, total, loss, (to - from) * settings.batchSize() / seconds,
                        (total - to) * seconds / (to - from)));
                if (settings.checkpointEvery() > 0 && to % settings.checkpointEvery() == 0 && to < total) {
                    checkpointer.save(sparkNet.getNetwork(), to);
                }
            }
        } finally {
            if (held != null) {
                held.destroy();
            }
        }
        // dl4j-spark trains copies: the caller's network receives the averaged parameters and updater state
        net.setParams(sparkNet.getNetwork().params());
        if (sparkNet.getNetwork().getUpdater().getStateViewArray() != null) {
            net.getUpdater().getStateViewArray().assign(sparkNet.getNetwork().getUpdater().getStateViewArray());
        }
        net.setIterationCount((int) total);
        return loss;
    }

    /** A minibatch gathered from the broadcast split. */
    private record MinibatchFromBroadcast(Broadcast<LabeledImages> images) implements Function<int[], DataSet> {
        @Override
        public DataSet call(int[] rows) {
            LabeledImages set = images.value();
            float[] features = new float[rows.length * set.featureLength()];
            set.read(rows, features, 0);
            return dataSet(features, rows.length, set.featureLength(), set.numClasses(), i -> set.label(rows[i]));
        }
    }

    /** A minibatch decoded by the executor from the image files. */
    record MinibatchFromFiles(List<ImageFile> files, int channels, int height, int width, int classes)
            implements Function<int[], DataSet> {
        @Override
        public DataSet call(int[] rows) {
            int length = channels * height * width;
            float[] features = new float[rows.length * length];
            for (int i = 0; i < rows.length; i++) {
                String path = files.get(rows[i]).path();
                try (InputStream in = Files.newInputStream(Path.of(path))) {
                    byte[] levels = ImageDecoder.levels(in, path, channels, height, width);
                    ImageDecoder.pixels(levels, 0, length, features, i * length);
                } catch (IOException e) {
                    throw new UncheckedIOException("training minibatch: " + e.getMessage(), e);
                }
            }
            return dataSet(features, rows.length, length, classes, i -> files.get(rows[i]).label());
        }
    }

    private static DataSet dataSet(float[] features, int count, int length, int classes,
                                   java.util.function.IntUnaryOperator label) {
        float[] oneHot = new float[count * classes];
        for (int i = 0; i < count; i++) {
            oneHot[i * classes + label.applyAsInt(i)] = 1f;
        }
        return new DataSet(Nd4j.create(features, new long[] {count, length}, 'c'),
                Nd4j.create(oneHot, new long[] {count, classes}, 'c'));
    }
}
