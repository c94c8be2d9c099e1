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

    private static FloatBuffer buffer(INDArray array) {
        return array.data().asNioFloat();
    }

    private static void requireDense(INDArray array, int length) {
        if (array.dataType() != DataType.FLOAT || array.ordering() != 'c' || array.isView() || array.length() != length) {
            throw new IllegalArgumentException("expected a dense 'c' float array of " + length + " values, got "
                    + array.shapeInfoToString());
        }
    }
}
