package io.olmp.kernel;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.FloatBuffer;

/**
 * The column-major [rows, cols] result of a product, as a whole (non-view) 'f' array: ND4J's
 * {@code mmuli} writes such an array in place, while into a view or a 'c' array it computes a
 * temporary 'f' result and copies it over (same values, an allocation and a copy more).
 * Reallocated only when the shape changes (the last, shorter pass of a call).
 */
final class ProductResult {

    private INDArray array;
    private FloatBuffer floats;

    INDArray of(int rows, int cols) {
        if (array == null || array.rows() != rows || array.columns() != cols) {
            array = Nd4j.createUninitializedDetached(DataType.FLOAT, 'f', rows, cols);
            floats = array.data().asNioFloat();
        }
        return array;
    }

    /** Element (r, c) is at c * rows + r. */
    FloatBuffer floats() {
        return floats;
    }

    /** The result as a row-major Java array (rows x cols values from dst[0]), via one bulk copy into scratch. */
    void toRowMajor(float[] dst, float[] scratch) {
        int rows = (int) array.rows();
        int cols = (int) array.columns();
        floats.get(0, scratch, 0, rows * cols);
        for (int c = 0; c < cols; c++) {
            int column = c * rows;
            for (int r = 0; r < rows; r++) {
                dst[r * cols + c] = scratch[column + r];
            }
        }
    }
}
