package io.olmp.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.zip.CRC32C;

/**
 * The decoded images of one folder split as 8-bit levels ({@link ImageDecoder}), one file, so that every image is
 * decoded once and then read by position. Layout, big-endian:
 * <pre>
 *   8 bytes  "OLMPIMG1"
 *   int32    count, channels, height, width, classes
 *   32 bytes key: SHA-256 of the split's content (each file's SHA-256 and label, in order) and the sizes above
 *   int64    CRC-32C of the levels
 *   count x channels x height x width bytes: the levels, image after image, NCHW
 * </pre>
 * A file whose header, length or checksum does not match is rebuilt, never read. Written under a temporary name and
 * renamed, so a crash never leaves a half-written cache under the real name.
 */
final class ImageCacheFile {

  static final String SUFFIX = ".olmpimg";
  private static final byte[] MAGIC = "OLMPIMG1".getBytes(StandardCharsets.US_ASCII);
  static final int HEADER_BYTES = MAGIC.length + 5 * Integer.BYTES + 32 + Long.BYTES;
  private static final int CHECKSUM_AT = HEADER_BYTES - Long.BYTES;
  private static final int DECODE_BATCH = 64;

  private ImageCacheFile() {}

  /** The sizes and content a cache file must hold. */
  record Layout(int count, int channels, int height, int width, int classes, byte[] key) {
    long imageBytes() {
      return (long) channels * height * width;
    }

    long fileBytes() {
      return HEADER_BYTES + count * imageBytes();
    }

    ByteBuffer header(long checksum) {
      ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
      header.put(MAGIC).putInt(count).putInt(channels).putInt(height).putInt(width).putInt(classes).put(key)
          .putLong(checksum);
      return header.flip();
    }
  }

  /** The split's images from {@code file}, building it first when it is absent or does not hold them. */
  static StreamedImages openOrBuild(Path file, Layout layout, String name, List<ImageFile> files,
      Consumer<String> log) throws IOException {
    String problem = Files.exists(file) ? problem(file, layout) : null;
    if (problem != null) {
      log.accept("image cache " + file + ": " + problem + "; decoding the images again");
    }
    if (!Files.exists(file) || problem != null) {
      build(file, layout, name, files, log);
    }
    return new StreamedImages(name, layout.channels(), layout.height(), layout.width(), layout.classes(), files, file,
        HEADER_BYTES);
  }

  /** Why the file cannot serve as the layout's cache, or null when it can (header, length and checksum all match). */
  static String problem(Path file, Layout layout) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      if (channel.size() != layout.fileBytes()) {
        return String.format(Locale.ROOT, "%,d bytes where %,d images need %,d", channel.size(), layout.count(),
            layout.fileBytes());
      }
      ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
      readFully(channel, header, 0);
      ByteBuffer expected = layout.header(header.getLong(CHECKSUM_AT));
      if (!header.flip().equals(expected)) {
        return "its header (format, sizes or content key) is not this split's";
      }
      long computed = checksum(channel, layout.fileBytes());
      if (computed != expected.getLong(CHECKSUM_AT)) {
        return String.format(Locale.ROOT, "checksum mismatch (stored %08x, computed %08x)",
            expected.getLong(CHECKSUM_AT), computed);
      }
      return null;
    }
  }

  private static long checksum(FileChannel channel, long end) throws IOException {
    CRC32C crc = new CRC32C();
    ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
    for (long position = HEADER_BYTES; position < end; ) {
      buffer.clear();
      int read = channel.read(buffer, position);
      if (read < 0) {
        throw new IOException("ends early");
      }
      buffer.flip();
      crc.update(buffer);
      position += read;
    }
    return crc.getValue();
  }

  private static void build(Path file, Layout layout, String name, List<ImageFile> files, Consumer<String> log)
      throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".part");
    long start = System.nanoTime();
    long lastReport = start;
    try {
      CRC32C crc = new CRC32C();
      try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        out.write(layout.header(0));
        for (int from = 0; from < files.size(); from += DECODE_BATCH) {
          for (byte[] levels : decode(files.subList(from, Math.min(files.size(), from + DECODE_BATCH)), layout)) {
            crc.update(levels);
            ByteBuffer buffer = ByteBuffer.wrap(levels);
            while (buffer.hasRemaining()) {
              out.write(buffer);
            }
          }
          if (System.nanoTime() - lastReport > 10e9) {
            lastReport = System.nanoTime();
            log.accept(String.format(Locale.ROOT, "image cache: %s %,d / %,d images decoded (%.0f s)", name,
                Math.min(files.size(), from + DECODE_BATCH), files.size(), (lastReport - start) / 1e9));
          }
        }
        ByteBuffer header = layout.header(crc.getValue());
        while (header.hasRemaining()) {
          out.write(header, header.position());
        }
        out.force(true);
      }
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temporary);
    }
    log.accept(String.format(Locale.ROOT, "image cache: %s, %,d images decoded into %s (%,d MiB, %.1f s)", name,
        files.size(), file, layout.fileBytes() >> 20, (System.nanoTime() - start) / 1e9));
  }

  /** The files' levels, decoded on all cores; the first unreadable file's error, naming it, is thrown. */
  private static List<byte[]> decode(List<ImageFile> batch, Layout layout) throws IOException {
    try {
      return IntStream.range(0, batch.size()).parallel().mapToObj(i -> {
        String path = batch.get(i).path();
        try (var in = Files.newInputStream(Path.of(path))) {
          return ImageDecoder.levels(in, path, layout.channels(), layout.height(), layout.width());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, position + buffer.position()) < 0) {
        throw new IOException("ends early");
      }
    }
  }

  /** The content key of a split: SHA-256 over its sizes and, per image in order, the file's SHA-256 and label. */
  static byte[] key(int channels, int height, int width, int classes, List<String> fileHashes, List<ImageFile> files) {
    StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "olmp image cache 1: %d x %d x %d, %d classes%n",
        channels, height, width, classes));
    for (int i = 0; i < files.size(); i++) {
      text.append(fileHashes.get(i)).append(' ').append(files.get(i).label()).append('\n');
    }
    return HexFormat.of().parseHex(FileHashes.sha256(text.toString().getBytes(StandardCharsets.UTF_8)));
  }

  /** The cache file of a split: {@code <dir>/<name>-<first 16 hex digits of the key>.olmpimg}. */
  static Path fileFor(Path dir, String splitName, byte[] key) {
    return dir.resolve(splitName + "-" + HexFormat.of().formatHex(Arrays.copyOf(key, 8)) + SUFFIX);
  }
}
