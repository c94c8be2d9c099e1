package io.olmp.model;

import io.olmp.data.ImageSet;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.io.IOException;

/**
 * Trains a reference network from an iteration to the settings' last: {@link ReferenceTrainer} in this JVM, or
 * dl4j-spark's parameter averaging on the executors (io.olmp.distributed).
 */
@FunctionalInterface
public interface TrainingLoop {

    /** @return the loss of the last iteration run, NaN if none ran */
    double train(MultiLayerNetwork net, ImageSet train, long startIteration, ReferenceTrainer.Checkpointer checkpointer)
            throws IOException;

    /** Makes the loop for the settings, the batch-order seed and a progress listener. */
    @FunctionalInterface
    interface Factory {
        TrainingLoop create(io.olmp.config.TrainSettings settings, long batchSeed,
                            java.util.function.Consumer<ReferenceTrainer.Progress> progress);
    }
}
