package io.olmp.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads unsigned-byte IDX files (the MNIST format), raw or gzipped, and rejects every malformed case
 * with an {@link IdxFormatException} naming the file, the rule, and the found and expected values.
 *
 * <p>Checks, in order: the file is at least a header long; the magic number's first two bytes are 0;
 * the type byte is 0x08 (unsigned byte; other IDX types are rejected by name); the dimension count is
 * 3 for images and 1 for labels; every dimension size is positive; the data after the header is exactly
 * the product of the dimensions (neither truncated nor followed by trailing bytes). Gzip is recognised
 * by its magic bytes 1f 8b, whatever the file name.
 */
public final class IdxReader {

  static final int UNSIGNED_BYTE = 0x08;
  static final int IMAGE_DIMENSIONS = 3;
  static final int LABEL_DIMENSIONS = 1;

  private IdxReader() {}

  public static IdxImages readImages(Path file) throws IOException {
    Parsed parsed = parse(file, IMAGE_DIMENSIONS, "unsigned-byte images, 3 dimensions");
    return new IdxImages(parsed.dims[0], parsed.dims[1], parsed.dims[2], parsed.data);
  }

  /** Labels as ints 0..255. */
  public static int[] readLabels(Path file) throws IOException {
    Parsed parsed = parse(file, LABEL_DIMENSIONS, "unsigned-byte labels, 1 dimension");
    int[] labels = new int[parsed.data.length];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = parsed.data[i] & 0xFF;
    }
    return labels;
  }

  /**
   * Reads an image file and its label file, checks they hold the same number of items and that every
   * label is below {@code numClasses}.
   */
  public static LabeledImages readPair(Path images, Path labels, String name, int numClasses) throws IOException {
    IdxImages pixels = readImages(images);
    int[] labelValues = readLabels(labels);
    checkPair(images, pixels, labels, labelValues);
    checkLabelRange(labels, labelValues, numClasses);
    return pixels.withLabels(labelValues, numClasses, name);
  }

  static void checkPair(Path images, IdxImages pixels, Path labels, int[] labelValues) throws IdxFormatException {
    if (pixels.count() != labelValues.length) {
      throw new IdxFormatException(labels, "images/labels count mismatch: " + labelValues.length
          + " labels, but " + images + " holds " + pixels.count() + " images");
    }
  }

  static void checkLabelRange(Path labels, int[] labelValues, int numClasses) throws IdxFormatException {
    for (int i = 0; i < labelValues.length; i++) {
      if (labelValues[i] >= numClasses) {
        throw new IdxFormatException(labels, "label " + labelValues[i] + " at index " + i
            + " is out of range, expected 0.." + (numClasses - 1) + " (" + numClasses + " classes)");
      }
    }
  }

  /** The first dimension (image or label count) from the header, without reading the data. */
  public static int itemCount(Path file) throws IOException {
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file));
        InputStream in = isGzip(file) ? new GZIPInputStream(raw) : raw) {
      byte[] header = in.readNBytes(8);
      if (header.length < 8 || header[0] != 0 || header[1] != 0) {
        throw new IdxFormatException(file, "not an IDX file: no magic number and item count in the first 8 bytes");
      }
      return ByteBuffer.wrap(header).getInt(4);
    }
  }

  /** Whether the file starts with the gzip magic bytes 1f 8b. */
  public static boolean isGzip(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.read() == 0x1f && in.read() == 0x8b;
    }
  }

  /** The file's bytes, decompressed if it is gzipped. */
  static byte[] readContent(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new java.nio.file.NoSuchFileException(file.toString(), null, "IDX file not found");
    }
    if (!isGzip(file)) {
      return Files.readAllBytes(file);
    }
    try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(file)), 1 << 16)) {
      return in.readAllBytes();
    } catch (ZipException | java.io.EOFException e) {
      throw new IdxFormatException(file, "corrupt gzip stream (" + e.getMessage() + ")");
    }
  }

  private record Parsed(int[] dims, byte[] data) {}

  private static Parsed parse(Path file, int expectedDims, String kind) throws IOException {
    byte[] content = readContent(file);
    int expectedMagic = (UNSIGNED_BYTE << 8) | expectedDims;
    String expected = String.format("expected 0x%08X (%s)", expectedMagic, kind);
    if (content.length < 4) {
      throw new IdxFormatException(file, "truncated header: " + content.length
          + " bytes, an IDX file starts with a 4-byte magic number");
    }
    ByteBuffer buffer = ByteBuffer.wrap(content); // big-endian, as IDX
    int magic = buffer.getInt();
    String found = String.format("bad magic number 0x%08X, %s", magic, expected);
    if ((magic >>> 16) != 0) {
      throw new IdxFormatException(file, found + ": the first two bytes must be 0");
    }
    int type = (magic >>> 8) & 0xFF;
    if (type != UNSIGNED_BYTE) {
      throw new IdxFormatException(file, found + ": element type " + typeName(type)
          + " is not supported, only 0x08 (unsigned byte)");
    }
    int dimensionCount = magic & 0xFF;
    if (dimensionCount != expectedDims) {
      throw new IdxFormatException(file, found + ": " + dimensionCount + " dimensions, expected " + expectedDims);
    }
    int headerLength = 4 + 4 * expectedDims;
    if (content.length < headerLength) {
      throw new IdxFormatException(file, "truncated header: " + content.length + " bytes, expected at least "
          + headerLength + " (magic number and " + expectedDims + " dimension sizes)");
    }
    int[] dims = new int[expectedDims];
    long dataLength = 1;
    for (int d = 0; d < expectedDims; d++) {
      dims[d] = buffer.getInt();
      if (dims[d] <= 0) {
        throw new IdxFormatException(file, "dimension " + d + " " + dimensionName(d, expectedDims) + " is "
            + dims[d] + ", expected a positive size");
      }
      dataLength *= dims[d];
      if (dataLength > Integer.MAX_VALUE) {
        throw new IdxFormatException(file, "dimensions " + Arrays.toString(Arrays.copyOf(dims, d + 1))
            + " describe more than " + Integer.MAX_VALUE + " bytes, more than one file can hold here");
      }
    }
    long bytesAfterHeader = content.length - headerLength;
    String shape = shape(dims, expectedDims);
    if (bytesAfterHeader < dataLength) {
      throw new IdxFormatException(file, "truncated data: " + bytesAfterHeader + " bytes after the header, expected "
          + dataLength + " (" + shape + ")");
    }
    if (bytesAfterHeader > dataLength) {
      throw new IdxFormatException(file, (bytesAfterHeader - dataLength) + " trailing bytes: " + bytesAfterHeader
          + " bytes after the header, expected exactly " + dataLength + " (" + shape + ")");
    }
    byte[] data = new byte[(int) dataLength];
    buffer.get(data);
    return new Parsed(dims, data);
  }

  private static String shape(int[] dims, int expectedDims) {
    return expectedDims == IMAGE_DIMENSIONS
        ? dims[0] + " images x " + dims[1] + " rows x " + dims[2] + " columns"
        : dims[0] + " labels";
  }

  private static String dimensionName(int d, int expectedDims) {
    if (expectedDims == LABEL_DIMENSIONS) {
      return "(label count)";
    }
    return switch (d) {
      case 0 -> "(image count)";
      case 1 -> "(rows)";
      default -> "(columns)";
    };
  }

  static String typeName(int type) {
    String name = switch (type) {
      case 0x08 -> "unsigned byte";
      case 0x09 -> "signed byte";
      case 0x0B -> "short";
      case 0x0C -> "int";
      case 0x0D -> "float";
      case 0x0E -> "double";
      default -> "unknown type";
    };
    return String.format("0x%02X (%s)", type, name);
  }
}
