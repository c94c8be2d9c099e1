package io.olmp.kernel.train;

/**
 * Training batches as plain rows, for {@link FastTrainingStep#step(BatchRows, long, java.util.Map)}:
 * written straight into the step's own arrays, with no ND4J array in between (building one per
 * iteration cost a ninth of a LeNet-300-100 iteration).
 */
public interface BatchRows {

    /** Examples per batch. */
    int batchSize();

    /** Floats per example: channels x height x width, in DL4J's flat NCHW order. */
    int featureLength();

    int classes();

    /**
     * Writes the batch of a 0-based iteration: example i's features at
     * [i * featureLength(), (i + 1) * featureLength()) and its one-hot label at [i * classes(), (i + 1) * classes()).
     */
    void fill(long iteration, float[] features, float[] oneHotLabels);
}
