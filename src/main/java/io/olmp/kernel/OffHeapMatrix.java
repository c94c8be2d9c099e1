package io.olmp.kernel;

import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * A float buffer allocated once, written and read from Java through a direct FloatBuffer, and
 * handed to ND4J's matrix product as [rows, cols] views of its first rows x cols floats.
 */
final class OffHeapMatrix {

    private final DataBuffer data;
    private final FloatBuffer floats;
    private final long capacity;

    OffHeapMatrix(long capacity) {
        this.capacity = Math.max(1, capacity);
        this.data = Nd4j.createUninitializedDetached(DataType.FLOAT, this.capacity).data();
        this.floats = data.asNio().order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    long capacity() {
        return capacity;
    }

    FloatBuffer floats() {
        return floats;
    }

    /** A [rows, cols] view in 'c' (row-major) or 'f' (column-major) order. */
    INDArray view(int rows, int cols, char order) {
        if ((long) rows * cols > capacity) {
            throw new IllegalStateException(rows + " x " + cols + " exceeds the buffer of " + capacity + " floats");
        }
        long[] stride = order == 'c' ? new long[] {cols, 1} : new long[] {1, rows};
        return Nd4j.create(data, new long[] {rows, cols}, stride, 0, order, DataType.FLOAT);
    }
}
