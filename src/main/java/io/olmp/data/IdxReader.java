package io.olmp.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads unsigned-byte IDX files (the MNIST format), raw or gzipped, and rejects every malformed case
 * with an {@link IdxFormatException} naming the file, the rule, and the found and expected values.
 *
 * <p>Checks, in order: the path is a regular file (a directory, FIFO or device is refused without being
 * read); the file is at least a header long; the magic number's first two bytes are 0; the type byte is 0x08
 * (unsigned byte; other IDX types are rejected by name); the dimension count is 3 for images and 1 for labels;
 * every dimension size (unsigned 32-bit) is positive; the data after the header is exactly the product of the
 * dimensions (neither truncated nor followed by trailing bytes), checked against a raw file's length before
 * anything is allocated; the product fits one Java array. A gzipped file is never inflated further than the
 * header's claim plus {@link #GZIP_SLACK} bytes. Gzip is recognised by its magic bytes 1f 8b, whatever the
 * file name.
 */
public final class IdxReader {

  static final int UNSIGNED_BYTE = 0x08;
  static final int IMAGE_DIMENSIONS = 3;
  static final int LABEL_DIMENSIONS = 1;
  /** The largest Java array: a header claiming more data is refused before anything is allocated. */
  static final int MAX_PAYLOAD = Integer.MAX_VALUE - 8;
  /** Inflated bytes read past a gzipped file's claimed data, to tell trailing garbage from a clean end. */
  static final int GZIP_SLACK = 1 << 16;

  private IdxReader() {}

  public static IdxImages readImages(Path file) throws IOException {
    Parsed parsed = parse(file, Kind.IMAGES);
    Header header = parsed.header();
    return new IdxImages(header.dim(0), header.dim(1), header.dim(2), parsed.data());
  }

  /** Labels as ints 0..255. */
  public static int[] readLabels(Path file) throws IOException {
    byte[] data = parse(file, Kind.LABELS).data();
    int[] labels = new int[data.length];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = data[i] & 0xFF;
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
    try (Source source = Source.open(file)) {
      byte[] header = source.readUpTo(8);
      if (header.length < 8 || header[0] != 0 || header[1] != 0) {
        throw new IdxFormatException(file, "not an IDX file: no magic number and item count in the first 8 bytes");
      }
      long count = Integer.toUnsignedLong(ByteBuffer.wrap(header).getInt(4));
      if (count > MAX_PAYLOAD) {
        throw new IdxFormatException(file, "the header claims " + count + " items at byte offset 4, more than the "
            + grouped(MAX_PAYLOAD) + " one Java array can hold");
      }
      return (int) count;
    }
  }

  /** Whether the file starts with the gzip magic bytes 1f 8b; only regular files are opened. */
  public static boolean isGzip(Path file) throws IOException {
    RegularFile regular = RegularFile.check(file, "an IDX file", problem -> new IdxFormatException(file, problem));
    try (InputStream in = regular.open(problem -> new IdxFormatException(file, problem))) {
      return in.read() == 0x1f && in.read() == 0x8b;
    }
  }

  /**
   * The file's bytes, decompressed if it is gzipped, after the same checks as {@link #readImages} or
   * {@link #readLabels} (chosen by the dimension count in the magic number).
   */
  static byte[] readContent(Path file) throws IOException {
    try (Source source = Source.open(file)) {
      Header header = readHeader(source, null);
      byte[] data = readPayload(source, header);
      return ByteBuffer.allocate(header.length() + data.length).put(header.bytes()).put(data).array();
    }
  }

  private enum Kind {
    IMAGES(IMAGE_DIMENSIONS, "unsigned-byte images, 3 dimensions"),
    LABELS(LABEL_DIMENSIONS, "unsigned-byte labels, 1 dimension");

    final int dimensions;
    final String description;

    Kind(int dimensions, String description) {
      this.dimensions = dimensions;
      this.description = description;
    }

    int magic() {
      return (UNSIGNED_BYTE << 8) | dimensions;
    }
  }

  /** A checked header: the dimension sizes, read as unsigned 32-bit numbers, none of them 0. */
  private record Header(Kind kind, long[] dims) {

    int length() {
      return 4 + 4 * dims.length;
    }

    /** Exact, as the product of three unsigned 32-bit sizes can exceed a long. */
    BigInteger payload() {
      BigInteger product = BigInteger.ONE;
      for (long dim : dims) {
        product = product.multiply(BigInteger.valueOf(dim));
      }
      return product;
    }

    /** Only valid once the payload is known to fit an array, which bounds every dimension too. */
    int dim(int d) {
      return Math.toIntExact(dims[d]);
    }

    String claim() {
      String shape = kind == Kind.IMAGES
          ? dims[0] + " images x " + dims[1] + " rows x " + dims[2] + " columns"
          : dims[0] + " labels";
      return "the header claims " + shape + " (" + grouped(payload()) + " bytes)";
    }

    byte[] bytes() {
      ByteBuffer buffer = ByteBuffer.allocate(length()).putInt(kind.magic());
      for (long dim : dims) {
        buffer.putInt((int) dim);
      }
      return buffer.array();
    }
  }

  private record Parsed(Header header, byte[] data) {}

  private static Parsed parse(Path file, Kind kind) throws IOException {
    try (Source source = Source.open(file)) {
      Header header = readHeader(source, kind);
      return new Parsed(header, readPayload(source, header));
    }
  }

  /** Reads and checks the header; {@code kind} null takes it from the magic number's dimension count. */
  private static Header readHeader(Source source, Kind kind) throws IOException {
    Path file = source.file;
    byte[] magicBytes = source.readUpTo(4);
    if (magicBytes.length < 4) {
      throw new IdxFormatException(file, "truncated header: " + magicBytes.length
          + " bytes, an IDX file starts with a 4-byte magic number");
    }
    int magic = ByteBuffer.wrap(magicBytes).getInt(); // big-endian, as IDX
    if (kind == null) {
      kind = (magic & 0xFF) == LABEL_DIMENSIONS ? Kind.LABELS : Kind.IMAGES;
    }
    String found = String.format("bad magic number 0x%08X, expected 0x%08X (%s)", magic, kind.magic(),
        kind.description);
    if ((magic >>> 16) != 0) {
      throw new IdxFormatException(file, found + ": the first two bytes must be 0");
    }
    int type = (magic >>> 8) & 0xFF;
    if (type != UNSIGNED_BYTE) {
      throw new IdxFormatException(file, found + ": element type " + typeName(type)
          + " is not supported, only 0x08 (unsigned byte)");
    }
    int dimensionCount = magic & 0xFF;
    if (dimensionCount != kind.dimensions) {
      throw new IdxFormatException(file, found + ": " + dimensionCount + " dimensions, expected " + kind.dimensions);
    }
    byte[] sizes = source.readUpTo(4 * kind.dimensions);
    if (sizes.length < 4 * kind.dimensions) {
      throw new IdxFormatException(file, "truncated header: " + (4 + sizes.length) + " bytes, expected at least "
          + (4 + 4 * kind.dimensions) + " (magic number and " + kind.dimensions + " dimension sizes)");
    }
    ByteBuffer buffer = ByteBuffer.wrap(sizes);
    long[] dims = new long[kind.dimensions];
    for (int d = 0; d < dims.length; d++) {
      dims[d] = Integer.toUnsignedLong(buffer.getInt());
      if (dims[d] == 0) {
        throw new IdxFormatException(file, "dimension " + d + " " + dimensionName(d, kind.dimensions) + " is 0"
            + ", expected a positive size");
      }
    }
    return new Header(kind, dims);
  }

  /**
   * Reads exactly the payload the header claims, after checking it against the file: a raw file's length must
   * match exactly before anything is allocated; a gzip stream is inflated no further than the payload plus
   * {@link #GZIP_SLACK} bytes, so a small file that inflates to gigabytes costs no more than the header claims.
   */
  private static byte[] readPayload(Source source, Header header) throws IOException {
    BigInteger payload = header.payload();
    if (!source.gzip) {
      long available = source.fileSize - header.length();
      if (payload.compareTo(BigInteger.valueOf(available)) != 0) {
        throw sizeMismatch(source, header, available, false);
      }
    }
    if (payload.compareTo(BigInteger.valueOf(MAX_PAYLOAD)) > 0) {
      throw new IdxFormatException(source.file, header.claim() + ", more than the " + grouped(MAX_PAYLOAD)
          + " bytes one Java array can hold");
    }
    int length = payload.intValueExact();
    source.phase = Phase.DATA;
    source.header = header;
    // gzip: readUpTo grows its buffer as data arrives, so a false claim allocates no more than the stream holds
    byte[] data = source.gzip ? source.readUpTo(length) : source.readInto(new byte[length]);
    if (data.length < length) {
      throw sizeMismatch(source, header, data.length, false);
    }
    source.phase = Phase.TRAILER;
    int extra = source.readUpTo(GZIP_SLACK).length;
    if (extra > 0) {
      throw sizeMismatch(source, header, (long) length + extra, extra == GZIP_SLACK);
    }
    return data;
  }

  /** {@code found} bytes after the header where the header claims another count. */
  private static IdxFormatException sizeMismatch(Source source, Header header, long found, boolean orMore) {
    BigInteger difference = BigInteger.valueOf(found).subtract(header.payload());
    String atLeast = orMore ? "at least " : "";
    String rule = difference.signum() < 0 ? "truncated data" : atLeast + grouped(difference) + " trailing bytes";
    String holds = source.gzip ? "the gzip stream inflates to " : "the file holds ";
    return new IdxFormatException(source.file, rule + ": " + header.claim() + ", but " + holds + atLeast
        + grouped(found) + " bytes after the " + header.length() + "-byte header");
  }

  static String grouped(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }

  static String grouped(BigInteger value) {
    return String.format(Locale.ROOT, "%,d", value);
  }

  private enum Phase { GZIP_HEADER, IDX_HEADER, DATA, TRAILER }

  /**
   * A regular file opened for reading, inflated when it starts with the gzip magic bytes. Counts the (inflated)
   * bytes read and turns gzip failures into {@link IdxFormatException}s that say where the stream broke.
   */
  private static final class Source extends CountingInputStream {
    final Path file;
    final boolean gzip;
    final long fileSize;
    Phase phase = Phase.GZIP_HEADER;
    Header header;

    private Source(Path file, InputStream in, boolean gzip, long fileSize) {
      super(in);
      this.file = file;
      this.gzip = gzip;
      this.fileSize = fileSize;
    }

    static Source open(Path file) throws IOException {
      RegularFile regular = RegularFile.check(file, "an IDX file", problem -> new IdxFormatException(file, problem));
      InputStream raw = new BufferedInputStream(regular.open(problem -> new IdxFormatException(file, problem)),
          1 << 16);
      try {
        raw.mark(2);
        boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
        raw.reset();
        Source source = new Source(file, raw, gzip, regular.size());
        if (gzip) {
          source.in = source.guarded(() -> new GZIPInputStream(raw, 1 << 16));
        }
        source.phase = Phase.IDX_HEADER;
        return source;
      } catch (IOException | RuntimeException e) {
        raw.close();
        throw e;
      }
    }

    /** Up to {@code n} bytes, fewer only at the end of the stream. */
    byte[] readUpTo(int n) throws IOException {
      return guarded(() -> readNBytes(n));
    }

    /** Fills {@code buffer} as far as the stream goes; the result is shorter than the buffer if it ended early. */
    byte[] readInto(byte[] buffer) throws IOException {
      int n = guarded(() -> readNBytes(buffer, 0, buffer.length));
      return n == buffer.length ? buffer : Arrays.copyOf(buffer, n);
    }


    private interface Read<T> {
      T get() throws IOException;
    }

    private <T> T guarded(Read<T> read) throws IOException {
      try {
        return read.get();
      } catch (EOFException e) {
        throw new IdxFormatException(file, "truncated gzip stream: the compressed data ends after "
            + grouped(position()) + " inflated bytes, " + where());
      } catch (ZipException e) {
        throw new IdxFormatException(file, "corrupt gzip stream after " + grouped(position()) + " inflated bytes, "
            + where() + ": " + (e.getMessage() != null ? e.getMessage() : "invalid compressed data"));
      }
    }

    private String where() {
      return switch (phase) {
        case GZIP_HEADER -> "in the gzip header";
        case IDX_HEADER -> "in the IDX header";
        case DATA -> grouped(position() - header.length()) + " of the data bytes " + header.claim();
        case TRAILER -> "after all the data " + header.claim() + ", in the gzip trailer (CRC-32 and size)";
      };
    }
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
