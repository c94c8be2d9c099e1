package io.olmp.kernel.train;

/**
 * One step of the fast network: activations are Java float arrays of n examples, images in
 * NHWC order. Buffers are owned by the stage and reused while n stays the same.
 */
sealed interface TrainingStage permits ConvStage, PoolStage, FlattenStage, DenseStage {

    /** Multiply-adds per example of the forward pass (0 for stages without weights). */
    default long macsPerExample() {
        return 0;
    }

    /** Floats per example of the output. */
    int outSize();

    float[] forward(float[] in, int n);

    /**
     * Writes this stage's parameter gradients (if any) into the network's gradient views and
     * returns the gradient with respect to its input, or null when {@code needInputGradient} is false.
     * May overwrite {@code dOut}.
     */
    float[] backward(float[] dOut, int n, boolean needInputGradient);
}
