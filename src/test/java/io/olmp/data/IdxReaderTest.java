package io.olmp.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {

  private static String failureReading(String fixture) {
    Path file = TestFixtures.broken(fixture);
    return assertThrows(IdxFormatException.class, () -> IdxReader.readImages(file)).getMessage();
  }

  @Test
  void rejectsBadMagicNamingTheFileAndBothNumbers() {
    assertEquals(TestFixtures.broken("bad-magic.idx") + ": bad magic number 0x504B0304, expected 0x00000803"
        + " (unsigned-byte images, 3 dimensions): the first two bytes must be 0", failureReading("bad-magic.idx"));
  }

  @Test
  void rejectsAnotherElementTypeNamingIt() {
    assertEquals(TestFixtures.broken("wrong-type.idx") + ": bad magic number 0x00000D03, expected 0x00000803"
        + " (unsigned-byte images, 3 dimensions): element type 0x0D (float) is not supported, only 0x08 (unsigned byte)",
        failureReading("wrong-type.idx"));
  }

  @Test
  void rejectsALabelFileReadAsImages() {
    assertEquals(TestFixtures.broken("wrong-dimensions.idx") + ": bad magic number 0x00000801, expected 0x00000803"
        + " (unsigned-byte images, 3 dimensions): 1 dimensions, expected 3", failureReading("wrong-dimensions.idx"));
  }

  @Test
  void rejectsImagesReadAsLabels() {
    Path file = TestFixtures.broken("trailing-bytes.idx");
    IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readLabels(file));
    assertEquals(file + ": bad magic number 0x00000803, expected 0x00000801 (unsigned-byte labels, 1 dimension):"
        + " 3 dimensions, expected 1", e.getMessage());
  }

  @Test
  void rejectsAZeroDimension() {
    assertEquals(TestFixtures.broken("zero-rows.idx") + ": dimension 1 (rows) is 0, expected a positive size",
        failureReading("zero-rows.idx"));
  }

  @Test
  void rejectsTruncatedData() {
    assertEquals(TestFixtures.broken("truncated.idx") + ": truncated data: the header claims 2 images x 3 rows"
        + " x 3 columns (18 bytes), but the file holds 10 bytes after the 16-byte header",
        failureReading("truncated.idx"));
  }

  @Test
  void rejectsTrailingBytes() {
    assertEquals(TestFixtures.broken("trailing-bytes.idx") + ": 3 trailing bytes: the header claims 2 images"
        + " x 3 rows x 3 columns (18 bytes), but the file holds 21 bytes after the 16-byte header",
        failureReading("trailing-bytes.idx"));
  }

  @Test
  void rejectsAnImageAndLabelCountMismatch() {
    Path images = TestFixtures.broken("count-mismatch-images.idx");
    Path labels = TestFixtures.broken("count-mismatch-labels.idx");
    IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readPair(images, labels, "x", 10));
    assertEquals(labels + ": images/labels count mismatch: 2 labels, but " + images + " holds 3 images",
        e.getMessage());
    assertEquals(labels, e.file());
  }

  @Test
  void rejectsACorruptGzipStream() {
    String message = failureReading("corrupt.idx.gz");
    assertTrue(message.startsWith(TestFixtures.broken("corrupt.idx.gz") + ": corrupt gzip stream"), message);
  }

  @Test
  void recognisesGzipByItsMagicBytesNotItsName() throws IOException {
    IdxImages images = IdxReader.readImages(TestFixtures.broken("gzipped-without-extension.idx"));
    assertEquals(new IdxImages(2, 3, 3, BrokenIdxFixtures.pixels(18)), images);
  }

  @Test
  void rejectsAFileShorterThanTheMagicNumber(@TempDir Path dir) throws IOException {
    Path file = Files.write(dir.resolve("tiny.idx"), new byte[] {0, 0});
    IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(file));
    assertEquals(file + ": truncated header: 2 bytes, an IDX file starts with a 4-byte magic number", e.getMessage());
  }

  @Test
  void rejectsATruncatedHeader(@TempDir Path dir) throws IOException {
    Path file = Files.write(dir.resolve("header.idx"), BrokenIdxFixtures.idx(0x00000803, new int[] {2}, new byte[0]));
    IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(file));
    assertEquals(file + ": truncated header: 8 bytes, expected at least 16 (magic number and 3 dimension sizes)",
        e.getMessage());
  }

  @Test
  void rejectsLabelsBeyondTheClassCount(@TempDir Path dir) throws IOException {
    Path images = dir.resolve("i.idx");
    Path labels = dir.resolve("l.idx");
    IdxWriter.writeImages(images, new IdxImages(2, 1, 1, new byte[] {0, 1}));
    IdxWriter.writeLabels(labels, new int[] {3, 12});
    IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readPair(images, labels, "x", 10));
    assertEquals(labels + ": label 12 at index 1 is out of range, expected 0..9 (10 classes)", e.getMessage());
  }

  @Test
  void writerOutputReadsBackRawAndGzipped(@TempDir Path dir) throws IOException {
    IdxImages images = new IdxImages(2, 3, 3, BrokenIdxFixtures.pixels(18));
    for (String name : new String[] {"x-images.idx", "x-images.idx.gz"}) {
      Path file = dir.resolve(name);
      IdxWriter.writeImages(file, images);
      assertEquals(name.endsWith(".gz"), IdxReader.isGzip(file));
      assertEquals(images, IdxReader.readImages(file));
      assertEquals(2, IdxReader.itemCount(file));
    }
    IdxWriter.writeLabels(dir.resolve("l.idx.gz"), new int[] {0, 255, 7});
    assertArrayEquals(new int[] {0, 255, 7}, IdxReader.readLabels(dir.resolve("l.idx.gz")));
    try (var listing = Files.list(dir)) {
      assertEquals(3, listing.count(), "no temporary files left behind");
    }
  }

  @Test
  void pairScalesPixelsToTheUnitInterval(@TempDir Path dir) throws IOException {
    IdxWriter.writeImages(dir.resolve("i.idx"), new IdxImages(1, 1, 3, new byte[] {0, (byte) 51, (byte) 255}));
    IdxWriter.writeLabels(dir.resolve("l.idx"), new int[] {4});
    LabeledImages pair = IdxReader.readPair(dir.resolve("i.idx"), dir.resolve("l.idx"), "p", 10);
    assertArrayEquals(new float[] {0f, 0.2f, 1f}, pair.pixels());
    assertArrayEquals(new int[] {4}, pair.labels());
    assertEquals(3, pair.featureLength());
  }
}
