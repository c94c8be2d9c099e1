package io.olmp.export;

import java.util.Arrays;

/**
 * One layer with parameters, as stored in the CSR file.
 *
 * @param kind        {@code dense} (weights stored as the [nOut, nIn] matrix, i.e. DL4J's W transposed)
 *                    or {@code conv} (DL4J's [out, in, kh, kw] W as the [out, in*kh*kw] matrix)
 * @param weightShape DL4J's shape of W, to put the weights back
 * @param weights     the weights in CSR form, one row per output unit or filter
 * @param bias        the dense bias, one per output unit or filter
 */
public record SparseLayer(String name, String kind, long[] weightShape, CsrMatrix weights, float[] bias) {

    public static final String DENSE = "dense";
    public static final String CONV = "conv";

    public SparseLayer {
        if (!kind.equals(DENSE) && !kind.equals(CONV)) {
            throw new IllegalArgumentException("layer " + name + ": kind must be '" + DENSE + "' or '" + CONV
                    + "', got '" + kind + "'");
        }
        long elements = Arrays.stream(weightShape).reduce(1, (a, b) -> a * b);
        if (elements != (long) weights.rows() * weights.cols()) {
            throw new IllegalArgumentException("layer " + name + ": weight shape " + Arrays.toString(weightShape)
                    + " has " + elements + " elements but the CSR matrix is " + weights.rows() + " x " + weights.cols());
        }
        if (bias.length != weights.rows()) {
            throw new IllegalArgumentException("layer " + name + ": " + bias.length + " biases for "
                    + weights.rows() + " output units");
        }
    }

    public long size() {
        return (long) weights.rows() * weights.cols();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SparseLayer l && name.equals(l.name) && kind.equals(l.kind)
                && Arrays.equals(weightShape, l.weightShape) && weights.equals(l.weights) && Arrays.equals(bias, l.bias);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + weights.hashCode();
    }

    @Override
    public String toString() {
        return "SparseLayer[" + name + ", " + kind + ", " + Arrays.toString(weightShape) + ", " + weights + "]";
    }
}
