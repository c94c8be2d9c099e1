package io.olmp.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Makes the tiny IDX fixtures in {@code src/test/resources/io/olmp/data/broken/}: each breaks exactly one rule
 * {@link IdxReader} checks (two 3x3 images unless said otherwise). Regenerate from the project root with
 * <pre>{@code java -cp target/test-classes io.olmp.data.BrokenIdxFixtures}</pre>
 * {@code BrokenIdxFixturesTest} checks the committed files equal what this class makes.
 */
public final class BrokenIdxFixtures {

  static final Path DEFAULT_DIR = Path.of("src/test/resources/io/olmp/data/broken");

  private BrokenIdxFixtures() {}

  public static void main(String[] args) throws IOException {
    Path dir = args.length > 0 ? Path.of(args[0]) : DEFAULT_DIR;
    Files.createDirectories(dir);
    for (Map.Entry<String, byte[]> fixture : fixtures().entrySet()) {
      Files.write(dir.resolve(fixture.getKey()), fixture.getValue());
      System.out.println("wrote " + dir.resolve(fixture.getKey()) + " (" + fixture.getValue().length + " bytes)");
    }
  }

  /** File name to content, in a fixed order. */
  static Map<String, byte[]> fixtures() throws IOException {
    Map<String, byte[]> fixtures = new LinkedHashMap<>();
    // a zip file's magic "PK\3\4" where an IDX magic number belongs
    fixtures.put("bad-magic.idx", idx(0x504B0304, new int[] {2, 3, 3}, pixels(18)));
    // float images (type 0x0D), 4 bytes per value
    fixtures.put("wrong-type.idx", idx(0x00000D03, new int[] {2, 3, 3}, pixels(18 * 4)));
    // a label file (1 dimension) where images (3 dimensions) are expected
    fixtures.put("wrong-dimensions.idx", idx(0x00000801, new int[] {2}, new byte[] {1, 2}));
    fixtures.put("zero-rows.idx", idx(0x00000803, new int[] {2, 0, 3}, new byte[0]));
    // header promises 2 x 3 x 3 = 18 bytes, only 10 follow
    fixtures.put("truncated.idx", idx(0x00000803, new int[] {2, 3, 3}, pixels(10)));
    // 18 bytes of data plus 3 more
    fixtures.put("trailing-bytes.idx", idx(0x00000803, new int[] {2, 3, 3}, pixels(21)));
    // 3 images but only 2 labels
    fixtures.put("count-mismatch-images.idx", idx(0x00000803, new int[] {3, 3, 3}, pixels(27)));
    fixtures.put("count-mismatch-labels.idx", idx(0x00000801, new int[] {2}, new byte[] {0, 1}));
    // gzip magic, then garbage
    fixtures.put("corrupt.idx.gz", new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5});
    // valid and gzipped, but named without .gz: the reader must go by the magic bytes
    fixtures.put("gzipped-without-extension.idx", gzip(idx(0x00000803, new int[] {2, 3, 3}, pixels(18))));
    return fixtures;
  }

  static byte[] idx(int magic, int[] dims, byte[] data) {
    ByteBuffer buffer = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
    buffer.putInt(magic);
    for (int dim : dims) {
      buffer.putInt(dim);
    }
    buffer.put(data);
    return buffer.array();
  }

  /** Bytes 0, 14, 28, ... (mod 256): distinct and recognisable. */
  static byte[] pixels(int count) {
    byte[] pixels = new byte[count];
    for (int i = 0; i < count; i++) {
      pixels[i] = (byte) (i * 14);
    }
    return pixels;
  }

  private static byte[] gzip(byte[] content) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(content);
    }
    return out.toByteArray();
  }
}
