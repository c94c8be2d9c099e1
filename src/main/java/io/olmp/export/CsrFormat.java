package io.olmp.export;

import io.olmp.data.AtomicFiles;
import io.olmp.model.InputShape;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The olmp sparse model file, version 1. All numbers big-endian; strings are Java modified
 * UTF-8 with an unsigned 16-bit length ({@link DataOutputStream#writeUTF}). The whole file may be
 * gzip-compressed (conventionally {@code .csr.gz}); {@link #read} recognises either.
 *
 * <pre>
 * magic         4 bytes   "OCSR"
 * version       int32     1
 * architecture  string    lenet300-100 | lenet5 | alexnet
 * input         4 x int32 channels, height, width, classes
 * layer count   int32
 * per layer, in network order:
 *   name          string  e.g. ip1, conv1
 *   kind          string  dense: rows = output units, columns = inputs (DL4J's W transposed)
 *                         conv:  rows = filters, columns = in x kh x kw (DL4J's W, row-major)
 *   rank          int32   then rank x int64: DL4J's shape of W
 *   rows, cols    2 x int32
 *   nnz           int32
 *   rowPtr        (rows + 1) x int32, rowPtr[0] = 0, rowPtr[rows] = nnz, non-decreasing
 *   colIdx        nnz x uint16 if cols &lt;= 65536, else nnz x int32; ascending within a row
 *   values        nnz x float32
 *   bias          rows x float32
 * </pre>
 */
public final class CsrFormat {

    static final int MAGIC = 0x4F435352; // "OCSR"
    static final int VERSION = 1;
    private static final int SHORT_INDEX_LIMIT = 1 << 16;

    private CsrFormat() {}

    public static void write(SparseModel model, OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.writeInt(MAGIC);
        data.writeInt(VERSION);
        data.writeUTF(model.architecture());
        InputShape input = model.input();
        data.writeInt(input.channels());
        data.writeInt(input.height());
        data.writeInt(input.width());
        data.writeInt(input.numClasses());
        data.writeInt(model.layers().size());
        for (SparseLayer layer : model.layers()) {
            data.writeUTF(layer.name());
            data.writeUTF(layer.kind());
            data.writeInt(layer.weightShape().length);
            for (long d : layer.weightShape()) {
                data.writeLong(d);
            }
            CsrMatrix m = layer.weights();
            data.writeInt(m.rows());
            data.writeInt(m.cols());
            data.writeInt(m.nnz());
            for (int p : m.rowPtr()) {
                data.writeInt(p);
            }
            boolean shortIndex = m.cols() <= SHORT_INDEX_LIMIT;
            for (int c : m.colIdx()) {
                if (shortIndex) {
                    data.writeShort(c);
                } else {
                    data.writeInt(c);
                }
            }
            for (float v : m.values()) {
                data.writeFloat(v);
            }
            for (float b : layer.bias()) {
                data.writeFloat(b);
            }
        }
        data.flush();
    }

    /** Writes the model atomically, gzip-compressed when {@code gzip}. */
    public static void write(SparseModel model, Path target, boolean gzip) throws IOException {
        AtomicFiles.writeBytes(target, bytes(model, gzip));
    }

    public static byte[] bytes(SparseModel model, boolean gzip) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        if (gzip) {
            try (GZIPOutputStream zipped = new GZIPOutputStream(buffer)) {
                write(model, zipped);
            }
        } else {
            write(model, buffer);
        }
        return buffer.toByteArray();
    }

    public static SparseModel read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": sparse model file not found");
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return read(in, file.toString());
        }
    }

    /** Reads a plain or gzip-compressed file; errors name {@code source}, the field and the rule. */
    public static SparseModel read(InputStream raw, String source) throws IOException {
        InputStream in = raw.markSupported() ? raw : new BufferedInputStream(raw);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
            in = new GZIPInputStream(in);
        }
        DataInputStream data = new DataInputStream(in);
        String field = "magic";
        try {
            int magic = data.readInt();
            if (magic != MAGIC) {
                throw new IOException(source + ": not an olmp sparse model: magic must be \"OCSR\" (0x4F435352), got 0x"
                        + Integer.toHexString(magic));
            }
            field = "version";
            int version = data.readInt();
            if (version != VERSION) {
                throw new IOException(source + ": version must be " + VERSION + ", got " + version);
            }
            field = "architecture";
            String architecture = data.readUTF();
            field = "input";
            InputShape input = new InputShape(data.readInt(), data.readInt(), data.readInt(), data.readInt());
            field = "layer count";
            int count = nonNegative(data.readInt(), source, field);
            List<SparseLayer> layers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                field = "layer " + i + " name";
                String name = data.readUTF();
                field = "layer " + name + " kind";
                String kind = data.readUTF();
                field = "layer " + name + " rank";
                int rank = data.readInt();
                if (rank < 1 || rank > 8) {
                    throw new IOException(source + ": layer " + name + ": rank must be in 1..8, got " + rank);
                }
                long[] shape = new long[rank];
                for (int d = 0; d < rank; d++) {
                    shape[d] = data.readLong();
                }
                field = "layer " + name + " rows/cols/nnz";
                int rows = nonNegative(data.readInt(), source, "layer " + name + " rows");
                int cols = nonNegative(data.readInt(), source, "layer " + name + " cols");
                int nnz = nonNegative(data.readInt(), source, "layer " + name + " nnz");
                if ((long) nnz > (long) rows * cols) {
                    throw new IOException(source + ": layer " + name + ": nnz must be at most rows x cols = "
                            + (long) rows * cols + ", got " + nnz);
                }
                field = "layer " + name + " rowPtr";
                int[] rowPtr = new int[rows + 1];
                for (int r = 0; r <= rows; r++) {
                    rowPtr[r] = data.readInt();
                }
                field = "layer " + name + " colIdx";
                int[] colIdx = new int[nnz];
                boolean shortIndex = cols <= SHORT_INDEX_LIMIT;
                for (int k = 0; k < nnz; k++) {
                    colIdx[k] = shortIndex ? data.readUnsignedShort() : data.readInt();
                }
                field = "layer " + name + " values";
                float[] values = new float[nnz];
                for (int k = 0; k < nnz; k++) {
                    values[k] = data.readFloat();
                }
                field = "layer " + name + " bias";
                float[] bias = new float[rows];
                for (int r = 0; r < rows; r++) {
                    bias[r] = data.readFloat();
                }
                field = "layer " + name;
                layers.add(new SparseLayer(name, kind, shape, new CsrMatrix(rows, cols, rowPtr, colIdx, values), bias));
            }
            field = "end of file";
            if (data.read() != -1) {
                throw new IOException(source + ": trailing bytes after the last layer");
            }
            return new SparseModel(architecture, input, layers);
        } catch (EOFException e) {
            throw new IOException(source + ": truncated file: ended while reading " + field, e);
        } catch (IllegalArgumentException e) {
            throw new IOException(source + ": " + field + ": " + e.getMessage(), e);
        }
    }

    private static int nonNegative(int value, String source, String field) throws IOException {
        if (value < 0) {
            throw new IOException(source + ": " + field + " must be >= 0, got " + value);
        }
        return value;
    }
}
