package io.olmp.export;

import java.util.Arrays;

/**
 * A row-major matrix in compressed sparse row form: the non-zero values of row r are
 * {@code values[rowPtr[r] .. rowPtr[r+1])}, in the columns {@code colIdx[...]} of the same range.
 */
public record CsrMatrix(int rows, int cols, int[] rowPtr, int[] colIdx, float[] values) {

    public CsrMatrix {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("CSR shape must be non-negative, got " + rows + " x " + cols);
        }
        if (rowPtr.length != rows + 1 || rowPtr[0] != 0 || rowPtr[rows] != values.length) {
            throw new IllegalArgumentException("CSR rowPtr must have rows + 1 = " + (rows + 1)
                    + " entries from 0 to nnz = " + values.length + ", got " + rowPtr.length + " entries ending at "
                    + (rowPtr.length == 0 ? "-" : rowPtr[rowPtr.length - 1]));
        }
        if (colIdx.length != values.length) {
            throw new IllegalArgumentException("CSR colIdx has " + colIdx.length + " entries for " + values.length
                    + " values");
        }
        for (int r = 0; r < rows; r++) {
            if (rowPtr[r + 1] < rowPtr[r]) {
                throw new IllegalArgumentException("CSR rowPtr must not decrease, row " + r + ": " + rowPtr[r]
                        + " then " + rowPtr[r + 1]);
            }
        }
        for (int i = 0; i < colIdx.length; i++) {
            if (colIdx[i] < 0 || colIdx[i] >= cols) {
                throw new IllegalArgumentException("CSR column index " + colIdx[i] + " at " + i + " is outside 0.."
                        + (cols - 1));
            }
        }
    }

    /** The non-zero entries of a dense row-major {@code rows x cols} array. */
    public static CsrMatrix fromDense(float[] dense, int rows, int cols) {
        if ((long) rows * cols != dense.length) {
            throw new IllegalArgumentException(dense.length + " values do not fill " + rows + " x " + cols);
        }
        int nnz = 0;
        for (float v : dense) {
            if (v != 0f) {
                nnz++;
            }
        }
        int[] rowPtr = new int[rows + 1];
        int[] colIdx = new int[nnz];
        float[] values = new float[nnz];
        int k = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                float v = dense[r * cols + c];
                if (v != 0f) {
                    colIdx[k] = c;
                    values[k++] = v;
                }
            }
            rowPtr[r + 1] = k;
        }
        return new CsrMatrix(rows, cols, rowPtr, colIdx, values);
    }

    /** The dense row-major array, zeros where no value is stored. */
    public float[] toDense() {
        float[] dense = new float[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int k = rowPtr[r]; k < rowPtr[r + 1]; k++) {
                dense[r * cols + colIdx[k]] = values[k];
            }
        }
        return dense;
    }

    public int nnz() {
        return values.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CsrMatrix m && rows == m.rows && cols == m.cols && Arrays.equals(rowPtr, m.rowPtr)
                && Arrays.equals(colIdx, m.colIdx) && Arrays.equals(values, m.values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "CsrMatrix[" + rows + " x " + cols + ", nnz " + nnz() + "]";
    }
}
