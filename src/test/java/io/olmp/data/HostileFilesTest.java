package io.olmp.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hostile-input corpus, made here rather than committed: files whose headers lie about their size, gzip
 * streams that inflate to far more than the file suggests or break half-way, and paths that are no regular
 * file. Each must fail with an {@link IdxFormatException} naming the file and the rule, quickly and without
 * allocating what the file claims.
 */
class HostileFilesTest {

  private static final int IMAGES = 0x00000803;
  private static final int LABELS = 0x00000801;
  private static final int UNSIGNED_MAX = 0xFFFFFFFF;
  /** Far below the gigabytes the hostile headers claim, far above what reading a header and a few images takes. */
  private static final long ALLOCATION_LIMIT = 32L << 20;

  @TempDir Path dir;

  private interface Read {
    void from(Path file) throws IOException;
  }

  /**
   * Reads {@code file} expecting an {@link IdxFormatException}; checks the message is one line starting with the
   * file and that reading took under 10 s and allocated under {@link #ALLOCATION_LIMIT}.
   */
  private static String rejected(Path file, Read read) {
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long[] allocated = new long[1];
    IdxFormatException e = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
      long before = threads.getCurrentThreadAllocatedBytes();
      try {
        return assertThrows(IdxFormatException.class, () -> read.from(file));
      } finally {
        allocated[0] = threads.getCurrentThreadAllocatedBytes() - before;
      }
    });
    String message = e.getMessage();
    assertTrue(message.startsWith(file + ": "), message);
    assertFalse(message.contains("\n"), message);
    assertEquals(file, e.file());
    if (threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled()) {
      assertTrue(allocated[0] < ALLOCATION_LIMIT, "allocated " + allocated[0] + " bytes reading " + file);
    }
    return message;
  }

  private static String rejectedImages(Path file) {
    return rejected(file, IdxReader::readImages);
  }

  private static byte[] header(int magic, int... dims) {
    return BrokenIdxFixtures.idx(magic, dims, new byte[0]);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  private static byte[] gzip(byte[] content) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(content);
    }
    return out.toByteArray();
  }

  /** Pixels that do not compress, so a cut gzip stream ends inside the compressed data. */
  private static byte[] noise(int length) {
    byte[] bytes = new byte[length];
    new Random(7).nextBytes(bytes);
    return bytes;
  }

  private Path write(String name, byte[] content) throws IOException {
    return Files.write(dir.resolve(name), content);
  }

  @Test
  void gzipBombIsRefusedAfterInflatingLittleMoreThanTheHeaderClaims() throws IOException {
    // 10 images of 28x28 claimed, 640 MiB of zeros inflated: about 650 KB on disk
    Path bomb = dir.resolve("bomb-images.idx.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(bomb), 1 << 16)) {
      out.write(header(IMAGES, 10, 28, 28));
      byte[] zeros = new byte[1 << 20];
      for (int mib = 0; mib < 640; mib++) {
        out.write(zeros);
      }
    }
    assertTrue(Files.size(bomb) < 1_000_000, "bomb is " + Files.size(bomb) + " bytes");
    long start = System.nanoTime();
    assertEquals(bomb + ": at least 65,536 trailing bytes: the header claims 10 images x 28 rows x 28 columns"
        + " (7,840 bytes), but the gzip stream inflates to at least 73,376 bytes after the 16-byte header",
        rejectedImages(bomb));
    assertTrue(System.nanoTime() - start < 2_000_000_000L, "reading the bomb took over 2 s");
  }

  @Test
  void rawHeaderClaimingUnsigned32BitMaximumImagesIsComparedWithTheFileLength() throws IOException {
    Path file = write("huge-count.idx", concat(header(IMAGES, UNSIGNED_MAX, 28, 28), new byte[3 * 784]));
    assertEquals(file + ": truncated data: the header claims 4294967295 images x 28 rows x 28 columns"
        + " (3,367,254,359,280 bytes), but the file holds 2,352 bytes after the 16-byte header",
        rejectedImages(file));
  }

  @Test
  void rawHeaderWhoseDimensionsOverflowALongIsComparedExactly() throws IOException {
    Path file = write("huge-dims.idx", header(IMAGES, UNSIGNED_MAX, UNSIGNED_MAX, UNSIGNED_MAX));
    assertEquals(file + ": truncated data: the header claims 4294967295 images x 4294967295 rows x 4294967295"
        + " columns (79,228,162,458,924,105,385,300,197,375 bytes), but the file holds 0 bytes after the 16-byte"
        + " header", rejectedImages(file));
  }

  @Test
  void gzippedHeaderClaimingMoreThanAnArrayHoldsIsRefusedBeforeInflating() throws IOException {
    Path file = write("huge-count.idx.gz", gzip(concat(header(IMAGES, UNSIGNED_MAX, 28, 28), new byte[784])));
    assertEquals(file + ": the header claims 4294967295 images x 28 rows x 28 columns (3,367,254,359,280 bytes),"
        + " more than the 2,147,483,639 bytes one Java array can hold", rejectedImages(file));
  }

  @Test
  void labelCountsAreUnsigned() throws IOException {
    Path file = write("huge-labels.idx", concat(header(LABELS, UNSIGNED_MAX), new byte[] {1, 2, 3}));
    assertEquals(file + ": truncated data: the header claims 4294967295 labels (4,294,967,295 bytes), but the file"
        + " holds 3 bytes after the 8-byte header", rejected(file, IdxReader::readLabels));
    assertEquals(file + ": the header claims 4294967295 items at byte offset 4, more than the 2,147,483,639 one"
        + " Java array can hold", rejected(file, IdxReader::itemCount));
  }

  @Test
  void truncatedRawFileSaysWhatTheHeaderClaimsAndWhatIsThere() throws IOException {
    Path file = write("cut.idx", concat(header(IMAGES, 10, 28, 28), new byte[5 * 784]));
    assertEquals(file + ": truncated data: the header claims 10 images x 28 rows x 28 columns (7,840 bytes),"
        + " but the file holds 3,920 bytes after the 16-byte header", rejectedImages(file));
  }

  @Test
  void gzipThatInflatesToLessThanTheHeaderClaimsIsTruncated() throws IOException {
    Path file = write("short.idx.gz", gzip(concat(header(IMAGES, 10, 28, 28), new byte[5 * 784])));
    assertEquals(file + ": truncated data: the header claims 10 images x 28 rows x 28 columns (7,840 bytes),"
        + " but the gzip stream inflates to 3,920 bytes after the 16-byte header", rejectedImages(file));
  }

  @Test
  void gzipWithAFewBytesTooManyCountsThem() throws IOException {
    Path file = write("long.idx.gz", gzip(concat(header(IMAGES, 2, 28, 28), new byte[2 * 784 + 5])));
    assertEquals(file + ": 5 trailing bytes: the header claims 2 images x 28 rows x 28 columns (1,568 bytes),"
        + " but the gzip stream inflates to 1,573 bytes after the 16-byte header", rejectedImages(file));
  }

  @Test
  void gzipCutInTheCompressedDataSaysHowFarItGot() throws IOException {
    byte[] whole = gzip(concat(header(IMAGES, 100, 28, 28), noise(100 * 784)));
    Path file = write("cut.idx.gz", Arrays.copyOf(whole, whole.length / 2));
    String message = rejectedImages(file);
    assertTrue(message.startsWith(file + ": truncated gzip stream: the compressed data ends after "), message);
    assertTrue(message.endsWith(" of the data bytes the header claims 100 images x 28 rows x 28 columns"
        + " (78,400 bytes)"), message);
  }

  @Test
  void gzipWithoutItsTrailerIsTruncated() throws IOException {
    byte[] whole = gzip(concat(header(IMAGES, 2, 3, 3), BrokenIdxFixtures.pixels(18)));
    Path file = write("no-trailer.idx.gz", Arrays.copyOf(whole, whole.length - 8));
    assertEquals(file + ": truncated gzip stream: the compressed data ends after 34 inflated bytes, after all the"
        + " data the header claims 2 images x 3 rows x 3 columns (18 bytes), in the gzip trailer (CRC-32 and size)",
        rejectedImages(file));
  }

  @Test
  void corruptGzipNamesWhereAndWhat() throws IOException {
    byte[] whole = gzip(concat(header(IMAGES, 2, 3, 3), BrokenIdxFixtures.pixels(18)));
    byte[] badCrc = whole.clone();
    badCrc[whole.length - 8] ^= 1;
    Path crc = write("bad-crc.idx.gz", badCrc);
    assertEquals(crc + ": corrupt gzip stream after 34 inflated bytes, after all the data the header claims"
        + " 2 images x 3 rows x 3 columns (18 bytes), in the gzip trailer (CRC-32 and size): Corrupt GZIP trailer",
        rejectedImages(crc));

    byte[] badMethod = whole.clone();
    badMethod[2] = 7;
    Path method = write("bad-method.idx.gz", badMethod);
    assertEquals(method + ": corrupt gzip stream after 0 inflated bytes, in the gzip header: Unsupported"
        + " compression method", rejectedImages(method));

    Path garbage = write("garbage.idx.gz", new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 0, 7, 7, 7, 7});
    String message = rejectedImages(garbage);
    assertTrue(message.startsWith(garbage + ": corrupt gzip stream after 0 inflated bytes, in the IDX header: "),
        message);
  }

  @Test
  void aDirectoryIsNotAnIdxFile() throws IOException {
    Path sub = Files.createDirectory(dir.resolve("images.idx"));
    assertEquals(sub + ": is a directory, expected an IDX file", rejectedImages(sub));
    assertEquals(sub + ": is a directory, expected an IDX file", rejected(sub, IdxReader::isGzip));
  }

  @Test
  void aMissingFileIsNamed() {
    Path missing = dir.resolve("missing.idx");
    assertEquals(missing + ": no such file", rejectedImages(missing));
    assertEquals(missing + ": no such file", rejected(missing, IdxReader::itemCount));
  }

  @Test
  void aFifoIsRefusedWithoutBeingOpened() throws Exception {
    Path fifo = dir.resolve("fifo.idx");
    assumeTrue(TestFixtures.mkfifo(fifo), "mkfifo is not available");
    String expected = fifo + ": is not a regular file (a FIFO, socket or device), expected an IDX file";
    assertEquals(expected, rejectedImages(fifo));
    assertEquals(expected, rejected(fifo, IdxReader::readLabels));
    assertEquals(expected, rejected(fifo, IdxReader::itemCount));
    assertEquals(expected, rejected(fifo, IdxReader::isGzip));
  }

  @Test
  void symbolicLinkLoopsAndDanglingLinksAreNamed() throws IOException {
    Path a = dir.resolve("a.idx");
    Path b = dir.resolve("b.idx");
    try {
      Files.createSymbolicLink(a, b);
      Files.createSymbolicLink(b, a);
      Files.createSymbolicLink(dir.resolve("dangling.idx"), dir.resolve("nowhere.idx"));
    } catch (UnsupportedOperationException | IOException e) {
      assumeTrue(false, "no symbolic links here: " + e);
    }
    String loop = rejectedImages(a);
    assertTrue(loop.startsWith(a + ": cannot read: "), loop);
    assertTrue(loop.toLowerCase().contains("symbolic link"), loop);
    assertEquals(dir.resolve("dangling.idx") + ": no such file", rejectedImages(dir.resolve("dangling.idx")));
  }

  @Test
  void validFilesStillReadAndHashTheInflatedContent() throws IOException {
    byte[] content = concat(header(IMAGES, 2, 3, 3), BrokenIdxFixtures.pixels(18));
    Path raw = write("ok.idx", content);
    Path gz = write("ok.idx.gz", gzip(content));
    assertEquals(new IdxImages(2, 3, 3, BrokenIdxFixtures.pixels(18)), IdxReader.readImages(gz));
    assertTrue(Arrays.equals(content, IdxReader.readContent(raw)));
    assertTrue(Arrays.equals(content, IdxReader.readContent(gz)));
    assertEquals(ByteBuffer.wrap(content).getInt(4), IdxReader.itemCount(gz));
  }
}
