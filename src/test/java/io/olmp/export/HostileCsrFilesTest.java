package io.olmp.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.olmp.cli.Main;
import io.olmp.config.SettingsLoader;
import io.olmp.model.Architectures;
import io.olmp.model.InputShape;
import io.olmp.model.ModelFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile sparse model files, made here field by field: counts that are negative, absurd or larger than the file,
 * damaged strings, truncated and trailing data, gzip streams that lie, and paths that are no regular file. Each
 * must fail with a {@link CsrFormatException} naming the file, the field and its offset, and the rule, without
 * allocating what the file claims.
 */
class HostileCsrFilesTest {

    private static final String ARCHITECTURE = "lenet300-100";
    /** Byte offsets in a file made by {@link Csr}: the header, then layer 0's fields. */
    private static final int INPUT = 22;
    private static final int LAYER_COUNT = 38;
    private static final int SHAPE = 58;
    private static final int ROWS = 74;
    private static final int DATA = 86;
    private static final long ALLOCATION_LIMIT = 32L << 20;

    @TempDir Path dir;

    /** A CSR file written field by field, so that any field can lie. */
    private static final class Csr {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final DataOutputStream out = new DataOutputStream(bytes);

        static Csr header(String architecture, int inputWidth, int layers) throws IOException {
            Csr csr = new Csr();
            csr.out.writeInt(CsrFormat.MAGIC);
            csr.out.writeInt(CsrFormat.VERSION);
            csr.out.writeUTF(architecture);
            csr.ints(1, 1, inputWidth, 2, layers);
            return csr;
        }

        static Csr header(int layers) throws IOException {
            return header(ARCHITECTURE, 4, layers);
        }

        /** Name ip1, kind dense, the shape, then rows, cols and nnz. */
        Csr layer(long[] shape, int rows, int cols, int nnz) throws IOException {
            out.writeUTF("ip1");
            out.writeUTF(SparseLayer.DENSE);
            out.writeInt(shape.length);
            for (long d : shape) {
                out.writeLong(d);
            }
            return ints(rows, cols, nnz);
        }

        Csr ints(int... values) throws IOException {
            for (int v : values) {
                out.writeInt(v);
            }
            return this;
        }

        byte[] bytes() {
            return bytes.toByteArray();
        }
    }

    private interface Read {
        void from() throws IOException;
    }

    /**
     * Expects a {@link CsrFormatException} with a one-line message starting with {@code source}, thrown within 10 s
     * after allocating under {@link #ALLOCATION_LIMIT}; returns the message.
     */
    private static String rejected(String source, Read read) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] allocated = new long[1];
        CsrFormatException e = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            long before = threads.getCurrentThreadAllocatedBytes();
            try {
                return assertThrows(CsrFormatException.class, read::from);
            } finally {
                allocated[0] = threads.getCurrentThreadAllocatedBytes() - before;
            }
        });
        assertThat(e.getMessage()).startsWith(source + ": ").doesNotContain("\n");
        assertThat(e.source()).isEqualTo(source);
        if (threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled()) {
            assertThat(allocated[0]).as("bytes allocated reading " + source).isLessThan(ALLOCATION_LIMIT);
        }
        return e.getMessage();
    }

    private String rejectedFile(String name, byte[] content) throws IOException {
        Path file = Files.write(dir.resolve(name), content);
        return rejected(file.toString(), () -> CsrFormat.read(file));
    }

    private static String rejectedStream(String name, byte[] content) {
        return rejected(name, () -> CsrFormat.read(new ByteArrayInputStream(content), name));
    }

    private static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(content);
        }
        return out.toByteArray();
    }

    /** Two dense layers, 4 -> 3 -> 2, some weights zero. */
    private static SparseModel small() {
        float[] w1 = {1, 0, 2, 0, 0, 3, 0, 0, 4, 5, 0, 6};
        float[] w2 = {0, 7, 8, 9, 0, 0};
        return new SparseModel(ARCHITECTURE, new InputShape(1, 1, 4, 2), List.of(
                new SparseLayer("ip1", SparseLayer.DENSE, new long[] {4, 3}, CsrMatrix.fromDense(w1, 3, 4),
                        new float[] {0.1f, 0.2f, 0.3f}),
                new SparseLayer("ip2", SparseLayer.DENSE, new long[] {3, 2}, CsrMatrix.fromDense(w2, 2, 3),
                        new float[] {0.4f, 0.5f})));
    }

    @Test
    void hugeRowsAreComparedWithTheBytesLeftBeforeAllocating() throws IOException {
        byte[] content = Csr.header(1).layer(new long[] {4, 1_000_000_000}, 1_000_000_000, 4, 0).bytes();
        assertThat(rejectedFile("huge-rows.csr", content)).endsWith(": truncated file: layer ip1 rows/cols/nnz at"
                + " byte offset " + ROWS + ": 1000000000 rows and 0 non-zeros need 8,000,000,004 bytes (rowPtr,"
                + " colIdx, values, bias), but only 0 bytes remain after byte offset " + DATA);
    }

    @Test
    void rowsAtIntMaxAreRefusedBeforeTheRowPointerArrayIsSized() throws IOException {
        byte[] content = Csr.header(1).layer(new long[] {1, Integer.MAX_VALUE}, Integer.MAX_VALUE, 1, 0).bytes();
        assertThat(rejectedFile("int-max-rows.csr", content)).endsWith(": truncated file: layer ip1 rows/cols/nnz"
                + " at byte offset 74: 2147483647 rows and 0 non-zeros need 17,179,869,180 bytes (rowPtr, colIdx,"
                + " values, bias), but only 0 bytes remain after byte offset 86");
        // gzipped, the inflated length is unknown: the array limit applies
        assertThat(rejectedFile("int-max-rows.csr.gz", gzip(content))).endsWith(": layer ip1 rows/cols/nnz at"
                + " inflated byte offset 74: 2147483647 rows need a rowPtr of 2,147,483,648 entries, more than the"
                + " 2,147,483,639 one Java array can hold");
    }

    @Test
    void rowsAndColumnsMustMatchTheWeightShape() throws IOException {
        byte[] content = Csr.header(1).layer(new long[] {784, 300}, Integer.MAX_VALUE, 784, 0).bytes();
        assertThat(rejectedStream("mismatch.csr", content)).isEqualTo("mismatch.csr: layer ip1 rows/cols/nnz at"
                + " byte offset 74: rows x cols = 2147483647 x 784 = 1,683,627,179,248 must equal the 235,200"
                + " elements of the weight shape [784, 300]");
    }

    @Test
    void negativeNumbersNameTheirFieldAndOffset() throws IOException {
        assertThat(rejectedStream("rows.csr", Csr.header(1).layer(new long[] {4, 3}, -5, 4, 0).bytes()))
                .isEqualTo("rows.csr: layer ip1 rows at byte offset 74: must be >= 0, got -5");
        assertThat(rejectedStream("nnz.csr", Csr.header(1).layer(new long[] {4, 3}, 3, 4, -1).bytes()))
                .isEqualTo("nnz.csr: layer ip1 nnz at byte offset 82: must be >= 0, got -1");
        assertThat(rejectedStream("count.csr", Csr.header(-1).bytes()))
                .isEqualTo("count.csr: layer count at byte offset " + LAYER_COUNT + ": must be >= 0, got -1");
        assertThat(rejectedStream("shape.csr", Csr.header(1).layer(new long[] {-784, 300}, 300, 784, 0).bytes()))
                .isEqualTo("shape.csr: layer ip1 shape at byte offset " + SHAPE + ": dimension 0 must be >= 1,"
                        + " got -784");
        assertThat(rejectedStream("input.csr", Csr.header(ARCHITECTURE, -784, 0).bytes()))
                .isEqualTo("input.csr: input at byte offset " + INPUT + ": input shape needs channels, height, width"
                        + " >= 1 and numClasses >= 2, got 1x1x-784, 2 classes");
    }

    @Test
    void damagedStringsAreNamedAndEscaped() throws IOException {
        byte[] badUtf = Csr.header("xx", 4, 0).bytes();
        badUtf[10] = (byte) 0xC3; // a two-byte sequence whose second byte is no continuation byte
        assertThat(rejectedStream("utf.csr", badUtf))
                .startsWith("utf.csr: architecture at byte offset 8: not a valid modified UTF-8 string (");
        assertThat(rejectedStream("name.csr", Csr.header("le\nnet", 4, 0).bytes())).isEqualTo("name.csr:"
                + " architecture at byte offset 8: must be one of [lenet300-100, lenet5, alexnet], got 'le\\u000anet'");
        byte[] longString = Arrays.copyOf(Csr.header(0).bytes(), 12);
        longString[8] = (byte) 0xEA; // the architecture claims 60,000 bytes, 2 follow
        longString[9] = 0x60;
        assertThat(rejectedStream("long.csr", longString))
                .isEqualTo("long.csr: truncated file: ended at byte offset 12 while reading architecture");
    }

    @Test
    void truncatedDataIsCaughtBeforeReadingOrWhereTheStreamEnds() throws IOException {
        byte[] good = CsrFormat.bytes(small(), false);
        byte[] cut = Arrays.copyOf(good, good.length - 6);
        assertThat(rejectedFile("cut.csr", cut)).contains(": truncated file: layer ip2 rows/cols/nnz at byte offset ")
                .contains(": 2 rows and 3 non-zeros need 38 bytes (rowPtr, colIdx, values, bias), but only 32 bytes"
                        + " remain after byte offset ");
        assertThat(rejectedStream("cut.csr", cut)).isEqualTo("cut.csr: truncated file: ended at byte offset "
                + cut.length + " while reading layer ip2 bias");
        assertThat(rejectedFile("cut.csr.gz", gzip(cut))).endsWith(": truncated file: ended at inflated byte offset "
                + cut.length + " while reading layer ip2 bias");
    }

    @Test
    void trailingBytesAreCounted() throws IOException {
        byte[] good = CsrFormat.bytes(small(), false);
        assertThat(rejectedFile("long.csr", Arrays.copyOf(good, good.length + 3))).endsWith(": 3 trailing bytes"
                + " after the last layer, which ends at byte offset " + good.length);
    }

    @Test
    void aFalseNonZeroCountInAGzippedFileAllocatesOnlyWhatTheStreamHolds() throws IOException {
        byte[] content = Csr.header(1).layer(new long[] {1_000_000_000, 1}, 1, 1_000_000_000, 500_000_000)
                .ints(0, 500_000_000).ints(new int[100]).bytes();
        assertThat(rejectedFile("lying-nnz.csr.gz", gzip(content))).endsWith(": truncated file: ended at inflated"
                + " byte offset " + content.length + " while reading layer ip1 colIdx");
    }

    @Test
    void aGzipBombAfterAValidModelIsTrailingData() throws IOException {
        byte[] good = CsrFormat.bytes(small(), false);
        Path bomb = dir.resolve("bomb.csr.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(bomb), 1 << 16)) {
            out.write(good);
            byte[] zeros = new byte[1 << 20];
            for (int mib = 0; mib < 256; mib++) {
                out.write(zeros);
            }
        }
        assertThat(rejected(bomb.toString(), () -> CsrFormat.read(bomb))).endsWith(": trailing bytes after the last"
                + " layer, which ends at inflated byte offset " + good.length);
    }

    @Test
    void corruptGzipNamesTheOffsetAndTheField() throws IOException {
        byte[] gz = gzip(CsrFormat.bytes(small(), false));
        gz[gz.length - 8] ^= 1; // the CRC-32
        assertThat(rejectedFile("crc.csr.gz", gz)).contains(": corrupt gzip stream at inflated byte offset ")
                .endsWith(" while reading end of file: Corrupt GZIP trailer");
        gz[2] = 7; // compression method
        assertThat(rejectedFile("method.csr.gz", gz)).endsWith(": corrupt gzip stream at byte offset 0: the gzip"
                + " header is invalid (Unsupported compression method)");
    }

    @Test
    void pathsThatAreNoRegularFileAreRefusedUnopened() throws Exception {
        Path sub = Files.createDirectory(dir.resolve("model.csr"));
        assertThat(rejected(sub.toString(), () -> CsrFormat.read(sub)))
                .isEqualTo(sub + ": is a directory, expected an olmp sparse model (.csr)");
        Path missing = dir.resolve("missing.csr");
        assertThat(rejected(missing.toString(), () -> CsrFormat.read(missing))).isEqualTo(missing + ": no such file");
        Path fifo = dir.resolve("fifo.csr");
        assumeTrue(io.olmp.data.TestFixtures.mkfifo(fifo), "mkfifo is not available");
        assertThat(rejected(fifo.toString(), () -> CsrFormat.read(fifo))).isEqualTo(fifo + ": is not a regular"
                + " file (a FIFO, socket or device), expected an olmp sparse model (.csr)");
    }

    @Test
    void validFilesStillRoundTrip() throws IOException {
        for (boolean gzip : new boolean[] {false, true}) {
            Path file = dir.resolve(gzip ? "ok.csr.gz" : "ok.csr");
            CsrFormat.write(small(), file, gzip);
            assertThat(CsrFormat.read(file)).isEqualTo(small());
            assertThat(CsrFormat.read(new ByteArrayInputStream(Files.readAllBytes(file)), "ok")).isEqualTo(small());
        }
    }

    @Test
    void exportOfATruncatedPrunedZipNamesTheFileInOneLine(@TempDir Path run) throws IOException {
        Path zip = run.resolve("model/pruned.zip");
        ModelFiles.save(Architectures.build(ARCHITECTURE, new InputShape(1, 28, 28, 10),
                SettingsLoader.defaults().train(), 3), zip);
        ModelFiles.writeString(run.resolve("result.json"),
                new ObjectMapper().writeValueAsString(Map.of("architecture", ARCHITECTURE)));
        byte[] whole = Files.readAllBytes(zip);
        Files.write(zip, Arrays.copyOf(whole, whole.length / 2));

        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream err = System.err;
        int exit;
        try (PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            System.setErr(capture);
            exit = Main.execute("export", run.toString());
        } finally {
            System.setErr(err);
        }
        String printed = buffer.toString(StandardCharsets.UTF_8);
        assertThat(exit).as("a damaged model file is an input error").isEqualTo(2);
        assertThat(printed.lines().findFirst().orElse("")).startsWith("olmp: error: " + zip
                + ": not a readable DL4J model zip (truncated or damaged)").doesNotContain("null");

        for (int length : new int[] {0, 10, 100, whole.length / 3}) {
            Files.write(zip, Arrays.copyOf(whole, length));
            IOException e = assertThrows(IOException.class, () -> ModelFiles.load(zip), "cut to " + length);
            assertThat(e.getMessage()).as("cut to " + length)
                    .startsWith(zip + ": not a readable DL4J model zip (truncated or damaged)")
                    .doesNotContain("null").doesNotContain("\n");
        }
    }
}
