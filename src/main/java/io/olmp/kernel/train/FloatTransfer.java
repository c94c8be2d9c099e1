package io.olmp.kernel.train;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.FloatBuffer;

/** Bulk copies between Java float arrays and dense 'c'-ordered float INDArrays (one memcpy each). */
final class FloatTransfer {

    private FloatTransfer() {}

    static INDArray matrix(long rows, long columns) {
        return Nd4j.create(DataType.FLOAT, new long[] {rows, columns}, 'c');
    }

    static void toNative(float[] source, INDArray target) {
        requireDense(target, source.length);
        buffer(target).put(0, source, 0, source.length);
    }

    static void fromNative(INDArray source, float[] target) {
        requireDense(source, target.length);
        buffer(source).get(0, target, 0, target.length);
    }

    /**
     * The values of a float array stored contiguously in 'c' order (also a view such as a layer's
     * W inside the flat parameter array): read straight from its buffer, without an ND4J op.
     */
    static void readContiguous(INDArray array, float[] target) {
        FloatBuffer data = contiguous(array, target.length);
        data.get((int) array.offset(), target, 0, target.length);
    }

    /**
     * The values of any array as floats in 'c' order: read straight from the buffer when it is a
     * contiguous float block (a batch's features or labels, also a row range of them), else
     * through ND4J's cast and copy.
     */
    static void readAsFloats(INDArray array, float[] target) {
        if (array.dataType() == DataType.FLOAT && array.length() == target.length && hasCStrides(array)) {
            readContiguous(array, target);
        } else {
            float[] values = array.castTo(DataType.FLOAT).dup('c').data().asFloat();
            System.arraycopy(values, 0, target, 0, target.length);
        }
    }

    /** Writes the values of a float array stored contiguously in 'c' order (see {@link #readContiguous}). */
    static void writeContiguous(float[] source, INDArray array) {
        FloatBuffer data = contiguous(array, source.length);
        data.put((int) array.offset(), source, 0, source.length);
    }

    private static FloatBuffer contiguous(INDArray array, int length) {
        if (array.dataType() != DataType.FLOAT || array.length() != length
                || !hasCStrides(array)) {
            throw new IllegalArgumentException("expected " + length + " contiguous 'c'-ordered floats, got "
                    + array.shapeInfoToString());
        }
        return array.data().asNioFloat();
    }

    /**
     * into += from, element by element over two arrays of one shape stored as dense blocks in the
     * same order ('c' or 'f'), such as a layer's gradient view and its {@code ulike()} twin.
     */
    static void addBlock(INDArray from, INDArray into, float[] scratchFrom, float[] scratchInto) {
        int n = (int) into.length();
        if (from.dataType() != DataType.FLOAT || into.dataType() != DataType.FLOAT || from.length() != n
                || !java.util.Arrays.equals(from.stride(), into.stride()) || !denseBlock(into)) {
            into.addi(from);
            return;
        }
        FloatBuffer source = from.data().asNioFloat();
        FloatBuffer target = into.data().asNioFloat();
        source.get((int) from.offset(), scratchFrom, 0, n);
        target.get((int) into.offset(), scratchInto, 0, n);
        for (int i = 0; i < n; i++) {
            scratchInto[i] += scratchFrom[i];
        }
        target.put((int) into.offset(), scratchInto, 0, n);
    }

    private static boolean denseBlock(INDArray array) {
        return hasCStrides(array) || hasStrides(array, false);
    }

    /** Strides of a dense 'c'-ordered block (dimensions of size 1 may have any stride). */
    static boolean hasCStrides(INDArray array) {
        return hasStrides(array, true);
    }

    /** Strides of a dense block in 'c' (last dimension fastest) or 'f' order; size-1 dimensions may have any stride. */
    private static boolean hasStrides(INDArray array, boolean cOrder) {
        long expected = 1;
        for (int k = 0; k < array.rank(); k++) {
            int d = cOrder ? array.rank() - 1 - k : k;
            if (array.size(d) != 1 && array.stride(d) != expected) {
                return false;
            }
            expected *= array.size(d);
        }
        return true;
    }

    /** The whole data buffer of a dense 'c' float array, for reading and writing in place. */
    static FloatBuffer buffer(INDArray array) {
        requireDense(array, array.length());
        return array.data().asNioFloat();
    }

    private static void requireDense(INDArray array, long length) {
        if (array.dataType() != DataType.FLOAT || array.ordering() != 'c' || array.isView() || array.length() != length) {
            throw new IllegalArgumentException("expected a dense 'c' float array of " + length + " values, got "
                    + array.shapeInfoToString());
        }
    }
}
