package io.olmp.model;

import io.olmp.config.TrainSettings;
import io.olmp.data.ImageSet;
import io.olmp.kernel.train.FastTrainingStep;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Mini-batch SGD for a fixed number of iterations, with progress reports and periodic
 * checkpoints. The learning-rate schedule follows the network's own iteration counter, which
 * DL4J stores in the model zip, so a resumed run continues the schedule where it stopped.
 * With {@code fast-step} on, supported networks take {@link FastTrainingStep}s (same gradients,
 * DL4J's own updater) instead of DL4J's {@code fit()}.
 */
public final class ReferenceTrainer implements TrainingLoop {

    /** One progress report. */
    public record Progress(long iteration, long totalIterations, double loss, double imagesPerSecond, double etaSeconds) {}

    /** Called every {@code checkpoint-every} iterations with the number of iterations done. */
    @FunctionalInterface
    public interface Checkpointer {
        void save(MultiLayerNetwork net, long iterationsDone) throws IOException;
    }

    private final TrainSettings settings;
    private final long batchSeed;
    private final Consumer<Progress> progress;

    public ReferenceTrainer(TrainSettings settings, long batchSeed, Consumer<Progress> progress) {
        this.settings = settings;
        this.batchSeed = batchSeed;
        this.progress = progress;
    }

    /**
     * Trains from iteration {@code startIteration} (0 for a fresh model) to {@code settings.iterations()}.
     *
     * @return the loss of the last iteration run, NaN if none ran
     */
    @Override
    public double train(MultiLayerNetwork net, ImageSet train, long startIteration, Checkpointer checkpointer)
            throws IOException {
        Batches batches = new Batches(train, settings.batchSize(), batchSeed);
        long total = settings.iterations();
        long windowStart = System.nanoTime();
        long windowIterations = 0;
        double loss = Double.NaN;
        FastTrainingStep fast = settings.fastStep() && FastTrainingStep.supports(net) ? FastTrainingStep.of(net) : null;
        for (long i = startIteration; i < total; i++) {
            // dropout (AlexNet) draws from ND4J's generator: seed it per iteration so a resumed run repeats it
            Nd4j.getRandom().setSeed(batchSeed * 31 + i);
            long done = i + 1;
            boolean report = done % settings.progressEvery() == 0 || done == total;
            if (fast != null) {
                // the score with its regularisation term only where it is printed (the term costs a pass over every parameter)
                loss = report ? fast.fit(batches.batch(i), Map.of()) : fast.step(batches, i, Map.of());
            } else {
                net.fit(batches.batch(i));
                loss = net.score();
            }
            if (!Double.isFinite(loss)) {
                throw new IllegalStateException("training diverged at iteration " + (i + 1) + ": loss " + loss
                        + " (lower olmp.train.learning-rate)");
            }
            windowIterations++;
            if (report) {
                double seconds = (System.nanoTime() - windowStart) / 1e9;
                double iterationsPerSecond = windowIterations / seconds;
                progress.accept(new Progress(done, total, loss, iterationsPerSecond * settings.batchSize(),
                        (total - done) / iterationsPerSecond));
                windowStart = System.nanoTime();
                windowIterations = 0;
            }
            if (settings.checkpointEvery() > 0 && done % settings.checkpointEvery() == 0 && done < total) {
                checkpointer.save(net, done);
            }
        }
        return loss;
    }
}
