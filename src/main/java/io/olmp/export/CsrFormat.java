package io.olmp.export;

import io.olmp.files.AtomicFiles;
import io.olmp.data.RegularFile;
import io.olmp.model.Architectures;
import io.olmp.model.InputShape;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UTFDataFormatException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

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
    private static final int MAX_RANK = 8;
    /** The largest Java array. */
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;
    private static final int GROWTH_START = 1 << 14;

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

    /**
     * Reads a plain or gzip-compressed file. Every count is checked before the arrays it sizes are allocated: for a
     * plain file against the bytes left in it, for a gzipped one (whose inflated size is unknown) the arrays grow
     * only as data arrives. Failures are {@link CsrFormatException}s naming the file, the field, its byte offset
     * and the rule.
     */
    public static SparseModel read(Path file) throws IOException {
        String source = file.toString();
        RegularFile regular = RegularFile.check(file, "an olmp sparse model (.csr)",
                problem -> new CsrFormatException(source, problem));
        InputStream opened = regular.open(problem -> new CsrFormatException(source, problem));
        try (InputStream in = new BufferedInputStream(opened, 1 << 16)) {
            return read(in, source, regular.size());
        }
    }

    /** Reads a plain or gzip-compressed stream of unknown length; errors name {@code source}, the field and rule. */
    public static SparseModel read(InputStream raw, String source) throws IOException {
        return read(raw, source, -1);
    }

    /** {@code length}: the stream's size in bytes, -1 when unknown. */
    private static SparseModel read(InputStream raw, String source, long length) throws IOException {
        InputStream in = raw.markSupported() ? raw : new BufferedInputStream(raw);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        boolean gzip = b0 == 0x1f && b1 == 0x8b;
        CsrInput data;
        try {
            data = new CsrInput(gzip ? new GZIPInputStream(in) : in, source, gzip ? -1 : length, gzip);
        } catch (EOFException | ZipException e) {
            throw new CsrFormatException(source, "corrupt gzip stream at byte offset 0: the gzip header is "
                    + (e instanceof EOFException ? "cut short" : "invalid (" + e.getMessage() + ")"));
        }
        try {
            return readModel(data);
        } catch (EOFException e) {
            throw data.failure("truncated file: ended at " + data.offset(data.position()) + " while reading "
                    + data.field);
        } catch (ZipException e) {
            throw data.failure("corrupt gzip stream at " + data.offset(data.position()) + " while reading "
                    + data.field + ": " + (e.getMessage() != null ? e.getMessage() : "invalid compressed data"));
        } catch (IllegalArgumentException e) {
            throw data.invalid(e.getMessage());
        }
    }

    private static SparseModel readModel(CsrInput data) throws IOException {
        int magic = data.readInt("magic");
        if (magic != MAGIC) {
            throw data.failure("not an olmp sparse model: magic must be \"OCSR\" (0x4F435352), got 0x"
                    + Integer.toHexString(magic) + " at byte offset 0");
        }
        int version = data.readInt("version");
        if (version != VERSION) {
            throw data.invalid("must be " + VERSION + ", got " + version);
        }
        String architecture = data.readString("architecture");
        if (!Architectures.NAMES.contains(architecture)) {
            throw data.invalid("must be one of " + Architectures.NAMES + ", got " + quoted(architecture));
        }
        data.begin("input");
        InputShape input = new InputShape(data.readInt(), data.readInt(), data.readInt(), data.readInt());
        int count = data.readCount("layer count");
        List<SparseLayer> layers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            layers.add(readLayer(data, i));
        }
        data.begin("end of file");
        data.requireEnd();
        return new SparseModel(architecture, input, layers);
    }

    private static SparseLayer readLayer(CsrInput data, int index) throws IOException {
        long layerStart = data.position();
        String name = data.readString("layer " + index + " name");
        String layer = "layer " + printable(name);
        String kind = data.readString(layer + " kind");
        if (!kind.equals(SparseLayer.DENSE) && !kind.equals(SparseLayer.CONV)) {
            throw data.invalid("must be '" + SparseLayer.DENSE + "' or '" + SparseLayer.CONV + "', got "
                    + quoted(kind));
        }
        int rank = data.readInt(layer + " rank");
        if (rank < 1 || rank > MAX_RANK) {
            throw data.invalid("must be in 1.." + MAX_RANK + ", got " + rank);
        }
        long[] shape = new long[rank];
        long elements = 1;
        data.begin(layer + " shape");
        for (int d = 0; d < rank; d++) {
            shape[d] = data.readLong();
            if (shape[d] < 1) {
                throw data.invalid("dimension " + d + " must be >= 1, got " + shape[d]);
            }
            try {
                elements = Math.multiplyExact(elements, shape[d]);
            } catch (ArithmeticException e) {
                throw data.invalid(Arrays.toString(Arrays.copyOf(shape, d + 1)) + " has more elements than a long"
                        + " can count");
            }
        }
        long countsStart = data.position();
        int rows = data.readCount(layer + " rows");
        int cols = data.readCount(layer + " cols");
        int nnz = data.readCount(layer + " nnz");
        data.begin(layer + " rows/cols/nnz", countsStart);
        long cells = (long) rows * cols;
        if (cells != elements) {
            throw data.invalid("rows x cols = " + rows + " x " + cols + " = " + grouped(cells) + " must equal the "
                    + grouped(elements) + " elements of the weight shape " + Arrays.toString(shape));
        }
        if (nnz > cells) {
            throw data.invalid("nnz must be at most rows x cols = " + grouped(cells) + ", got " + grouped(nnz));
        }
        boolean shortIndex = cols <= SHORT_INDEX_LIMIT;
        long needed = 4L * rows + 4 + (shortIndex ? 2L : 4L) * nnz + 4L * nnz + 4L * rows;
        data.require(needed, rows + " rows and " + nnz + " non-zeros need " + grouped(needed)
                + " bytes (rowPtr, colIdx, values, bias)");
        if (rows > MAX_ARRAY - 1) {
            throw data.invalid(rows + " rows need a rowPtr of " + grouped(rows + 1L) + " entries, more than the "
                    + grouped(MAX_ARRAY) + " one Java array can hold");
        }
        int[] rowPtr = data.readInts(layer + " rowPtr", rows + 1, false);
        int[] colIdx = data.readInts(layer + " colIdx", nnz, shortIndex);
        float[] values = data.readFloats(layer + " values", nnz);
        float[] bias = data.readFloats(layer + " bias", rows);
        data.begin(layer, layerStart);
        return new SparseLayer(name, kind, shape, new CsrMatrix(rows, cols, rowPtr, colIdx, values), bias);
    }

    static String grouped(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** A string from the file, quoted, control characters escaped so a message stays on one line. */
    private static String quoted(String value) {
        return "'" + printable(value) + "'";
    }

    private static String printable(String value) {
        StringBuilder out = new StringBuilder();
        value.chars().forEach(c -> out.append(Character.isISOControl(c) ? String.format("\\u%04x", c) : (char) c));
        return out.toString();
    }

    /**
     * The stream being read: counts the bytes (inflated bytes when gzipped) so every message can give the offset
     * of the field being read, and checks counts against the bytes left when the stream's length is known.
     */
    private static final class CsrInput extends io.olmp.data.CountingInputStream {
        private final String source;
        private final long length;
        private final boolean gzip;
        private final DataInputStream data = new DataInputStream(this);
        private String field = "magic";
        private long fieldOffset;

        /** {@code length}: the bytes the stream holds, -1 when unknown. */
        CsrInput(InputStream in, String source, long length, boolean gzip) {
            super(in);
            this.source = source;
            this.length = length;
            this.gzip = gzip;
        }


        void begin(String field) {
            begin(field, position());
        }

        void begin(String field, long offset) {
            this.field = field;
            this.fieldOffset = offset;
        }

        int readInt(String field) throws IOException {
            begin(field);
            return data.readInt();
        }

        int readInt() throws IOException {
            return data.readInt();
        }

        long readLong() throws IOException {
            return data.readLong();
        }

        /** A count: negative is an error. */
        int readCount(String field) throws IOException {
            int value = readInt(field);
            if (value < 0) {
                throw invalid("must be >= 0, got " + value);
            }
            return value;
        }

        String readString(String field) throws IOException {
            begin(field);
            try {
                return data.readUTF();
            } catch (UTFDataFormatException e) {
                throw invalid("not a valid modified UTF-8 string (" + e.getMessage() + ")");
            }
        }

        /** Checks that {@code bytes} more are there, when the length is known. */
        void require(long bytes, String what) throws CsrFormatException {
            if (length >= 0 && bytes > length - position()) {
                throw failure("truncated file: " + field + " at " + offset(fieldOffset) + ": " + what + ", but only "
                        + grouped(length - position()) + " bytes remain after " + offset(position()));
            }
        }

        void requireEnd() throws IOException {
            if (length >= 0 ? position() < length : data.read() != -1) {
                throw failure((length >= 0 ? grouped(length - position()) + " trailing bytes" : "trailing bytes")
                        + " after the last layer, which ends at " + offset(fieldOffset));
            }
        }

        int[] readInts(String field, int count, boolean unsignedShort) throws IOException {
            begin(field);
            int[] values = new int[initialCapacity(count)];
            for (int i = 0; i < count; i++) {
                if (i == values.length) {
                    values = Arrays.copyOf(values, (int) Math.min(count, 2L * i));
                }
                values[i] = unsignedShort ? data.readUnsignedShort() : data.readInt();
            }
            return values;
        }

        float[] readFloats(String field, int count) throws IOException {
            begin(field);
            float[] values = new float[initialCapacity(count)];
            for (int i = 0; i < count; i++) {
                if (i == values.length) {
                    values = Arrays.copyOf(values, (int) Math.min(count, 2L * i));
                }
                values[i] = data.readFloat();
            }
            return values;
        }

        /**
         * The whole count when the length is known (and was checked); otherwise the array grows as data arrives, so a
         * false count in a gzipped file allocates no more than about twice what the stream holds.
         */
        private int initialCapacity(int count) {
            return length >= 0 ? count : Math.min(count, GROWTH_START);
        }

        String offset(long at) {
            return (gzip ? "inflated byte offset " : "byte offset ") + grouped(at);
        }

        CsrFormatException failure(String problem) {
            return new CsrFormatException(source, problem);
        }

        /** The field being read breaks {@code rule}. */
        CsrFormatException invalid(String rule) {
            return failure(field + " at " + offset(fieldOffset) + ": " + rule);
        }
    }
}
