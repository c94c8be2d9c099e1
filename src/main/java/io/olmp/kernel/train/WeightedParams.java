package io.olmp.kernel.train;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.FloatBuffer;

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

    /** W * M (W without a mask) as a Java array in W's 'c' order, written into target. */
    void effectiveWeightValues(float[] target, float[] maskScratch) {
        FloatTransfer.readContiguous(weight, target);
        if (mask != null) {
            boolean readable = mask.dataType() == DataType.FLOAT && FloatTransfer.hasCStrides(mask);
            FloatTransfer.readContiguous(readable ? mask : mask.castTo(DataType.FLOAT).dup('c'), maskScratch);
            for (int i = 0; i < target.length; i++) {
                target[i] *= maskScratch[i];
            }
        }
    }

    /** The bias values, read from the parameter buffer (no ND4J op: each op wakes its thread pool). */
    float[] biasValues() {
        float[] values = new float[(int) bias.length()];
        FloatTransfer.readContiguous(bias, values);
        return values;
    }

    void setBiasGradient(double[] sums) {
        float[] values = new float[sums.length];
        for (int i = 0; i < sums.length; i++) {
            values[i] = (float) sums[i];
        }
        FloatTransfer.writeContiguous(values, biasGradient);
    }

    /** Rows per chunk of the parallel row loops; fixed, so that the results do not depend on the thread count. */
    private static final int CHUNK_ROWS = 1024;

    /** out[r, c] := product[r, c] + bias[c], then ReLU if asked, over the rows of a row-major product. */
    static void addBiasAndActivate(FloatBuffer product, float[] out, int rows, float[] bias, boolean relu) {
        int columns = bias.length;
        StageLoops.forEach(chunks(rows), chunk -> {
            int start = chunk * CHUNK_ROWS * columns;
            int end = Math.min(rows, (chunk + 1) * CHUNK_ROWS) * columns;
            product.get(start, out, start, end - start); // one bulk read; element reads of a direct buffer are slow
            // Math.max rather than a comparison: ReLU's branch goes each way on about half the
            // entries, and its mispredictions made this pass 5x slower than the copy
            for (int i = start; i < end; ) {
                if (relu) {
                    for (int c = 0; c < columns; c++, i++) {
                        out[i] = Math.max(out[i] + bias[c], 0f);
                    }
                } else {
                    for (int c = 0; c < columns; c++, i++) {
                        out[i] += bias[c];
                    }
                }
            }
        });
    }

    /**
     * The gradient with respect to the pre-activation (dOut, times ReLU's derivative [out &gt; 0]
     * when relu; 0 at 0 as in DL4J) written into {@code target} for the products, and its column
     * sums (the bias gradient), accumulated in double per chunk of rows, chunks added in order.
     */
    static double[] preActivationGradient(float[] dOut, float[] out, boolean relu, int rows, int columns,
                                          FloatBuffer target) {
        double[][] partial = new double[chunks(rows)][columns];
        StageLoops.forEach(partial.length, chunk -> {
            double[] sums = partial[chunk];
            int start = chunk * CHUNK_ROWS * columns;
            int end = Math.min(rows, (chunk + 1) * CHUNK_ROWS) * columns;
            float[] g = NhwcIm2col.scratch(end - start);
            for (int i = start; i < end; ) {
                for (int c = 0; c < columns; c++, i++) {
                    float v = relu ? keptWherePositive(dOut[i], out[i]) : dOut[i];
                    g[i - start] = v;
                    sums[c] += v;
                }
            }
            target.put(start, g, 0, end - start); // one bulk write
        });
        double[] sums = new double[columns];
        for (double[] p : partial) {
            for (int c = 0; c < columns; c++) {
                sums[c] += p[c];
            }
        }
        return sums;
    }

    /**
     * gradient where activation &gt; 0, else +0, without a branch (it would be mispredicted on
     * about half the entries). Activations come from {@link #addBiasAndActivate}'s Math.max, so
     * they are +0 or positive: the sign bit of -bits is set exactly for the positive ones.
     */
    private static float keptWherePositive(float gradient, float activation) {
        int positive = -((-Float.floatToRawIntBits(activation)) >>> 31); // all ones or zero
        return Float.intBitsToFloat(Float.floatToRawIntBits(gradient) & positive);
    }

    private static int chunks(int rows) {
        return (rows + CHUNK_ROWS - 1) / CHUNK_ROWS;
    }
}
