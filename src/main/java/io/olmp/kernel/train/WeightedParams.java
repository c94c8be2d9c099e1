package io.olmp.kernel.train;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The weight and bias of one DL4J layer as views into the network's flat parameter and
 * gradient arrays, plus the mask of this step (null: dense weights).
 */
final class WeightedParams {

    final String layerName;
    final INDArray weight;
    final INDArray bias;
    final INDArray weightGradient;
    final INDArray biasGradient;
    private INDArray mask;

    WeightedParams(String layerName, INDArray weight, INDArray bias, INDArray weightGradient, INDArray biasGradient) {
        this.layerName = layerName;
        this.weight = weight;
        this.bias = bias;
        this.weightGradient = weightGradient;
        this.biasGradient = biasGradient;
    }

    void mask(INDArray newMask) {
        if (newMask != null && !java.util.Arrays.equals(newMask.shape(), weight.shape())) {
            throw new IllegalArgumentException("mask of layer " + layerName + " has shape "
                    + java.util.Arrays.toString(newMask.shape()) + ", its weights " + java.util.Arrays.toString(weight.shape()));
        }
        this.mask = newMask;
    }

    /** W * M, or W itself without a mask: what the forward pass uses (DS semantics). */
    INDArray effectiveWeight() {
        return mask == null ? weight : weight.mul(mask);
    }

    float[] biasValues() {
        return bias.toFloatVector();
    }

    void setBiasGradient(double[] sums) {
        float[] values = new float[sums.length];
        for (int i = 0; i < sums.length; i++) {
            values[i] = (float) sums[i];
        }
        biasGradient.assign(Nd4j.createFromArray(values).reshape(biasGradient.shape()));
    }

    /** out[r, c] += bias[c], then ReLU if asked, over n rows of {@code columns} values. */
    static void addBiasAndActivate(float[] out, int rows, float[] bias, boolean relu) {
        int columns = bias.length;
        java.util.stream.IntStream.range(0, rows).parallel().forEach(r -> {
            int base = r * columns;
            for (int c = 0; c < columns; c++) {
                float v = out[base + c] + bias[c];
                out[base + c] = relu && v < 0f ? 0f : v;
            }
        });
    }

    /** dOut := dOut * [out > 0] (ReLU's derivative, 0 at 0 as in DL4J). */
    static void reluBackward(float[] dOut, float[] out, int length) {
        for (int i = 0; i < length; i++) {
            if (!(out[i] > 0f)) {
                dOut[i] = 0f;
            }
        }
    }

    /** Column sums of a rows x columns matrix, accumulated in double. */
    static double[] columnSums(float[] values, int rows, int columns) {
        double[] sums = new double[columns];
        for (int r = 0; r < rows; r++) {
            int base = r * columns;
            for (int c = 0; c < columns; c++) {
                sums[c] += values[base + c];
            }
        }
        return sums;
    }
}
