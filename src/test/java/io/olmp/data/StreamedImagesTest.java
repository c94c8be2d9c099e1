package io.olmp.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streamed reader (each split decoded once into its 8-bit cache file, read by position) against the in-memory
 * decoding of every file, on the committed real-image fixture; the cache is reused, and a damaged one is rebuilt.
 */
class StreamedImagesTest {

  private static DataSplits load(Path cache, List<String> log) throws IOException {
    Path root = CaltechTinyFixture.root();
    return Datasets.load(new DataSpec.ImageFolders(root.resolve("train"), root.resolve("eval"), 8, 4, 42, 3, 32, 32,
        cache), log::add);
  }

  /** Every file of the split decoded on its own, straight from the file, as float pixels. */
  private static float[] decodedOneByOne(StreamedImages images) throws IOException {
    float[] pixels = new float[images.count() * images.featureLength()];
    for (int i = 0; i < images.count(); i++) {
      String path = images.files().get(i).path();
      try (InputStream in = Files.newInputStream(Path.of(path))) {
        byte[] levels = ImageDecoder.levels(in, path, 3, 32, 32);
        ImageDecoder.pixels(levels, 0, levels.length, pixels, i * images.featureLength());
      }
    }
    return pixels;
  }

  @Test
  void streamedSplitsEqualTheirFilesDecodedInMemory(@TempDir Path tmp) throws IOException {
    DataSplits splits = load(tmp, new ArrayList<>());
    for (ImageSet split : List.of(splits.train(), splits.validation(), splits.test())) {
      StreamedImages streamed = (StreamedImages) split;
      float[] expected = decodedOneByOne(streamed);
      int length = streamed.featureLength();
      LabeledImages whole = streamed.inMemory();
      assertArrayEquals(expected, whole.pixels(), split.name());
      for (int i = 0; i < streamed.count(); i++) {
        String classFolder = Path.of(streamed.files().get(i).path()).getParent().getFileName().toString();
        assertEquals(CaltechTinyFixture.CLASSES.indexOf(classFolder), streamed.label(i));
        assertEquals(streamed.label(i), whole.labels()[i]);
      }
      float[] range = new float[3 * length];
      streamed.read(1, 4, range, 0);
      assertArrayEquals(java.util.Arrays.copyOfRange(expected, length, 4 * length), range);
      int[] rows = {3, 0, 3, 2};
      float[] gathered = new float[rows.length * length];
      streamed.read(rows, gathered, 0);
      for (int i = 0; i < rows.length; i++) {
        assertArrayEquals(java.util.Arrays.copyOfRange(expected, rows[i] * length, (rows[i] + 1) * length),
            java.util.Arrays.copyOfRange(gathered, i * length, (i + 1) * length));
      }
    }
    assertEquals(12, splits.train().count());
    assertEquals(8, splits.validation().count());
    assertEquals(4, splits.test().count());
    // the fixture's images are 8-bit gray: all three channels carry the same levels
    float[] first = splits.train().inMemory().pixels();
    assertArrayEquals(java.util.Arrays.copyOfRange(first, 0, 1024), java.util.Arrays.copyOfRange(first, 1024, 2048));
  }

  @Test
  void aSecondLoadReusesTheCacheAndADamagedOrTruncatedOneIsRebuilt(@TempDir Path tmp) throws IOException {
    List<String> log = new ArrayList<>();
    DataSplits first = load(tmp, log);
    assertThat(log).filteredOn(line -> line.contains("decoded into")).hasSize(3);
    Path validationCache = ((StreamedImages) first.validation()).cacheFile();
    Path trainCache = ((StreamedImages) first.train()).cacheFile();
    assertThat(validationCache.getFileName().toString()).startsWith("validation-").endsWith(".olmpimg");
    assertEquals(ImageCacheFile.HEADER_BYTES + 8L * 3 * 32 * 32, Files.size(validationCache));
    FileTime written = Files.getLastModifiedTime(trainCache);
    float[] validationPixels = first.validation().inMemory().pixels();

    log.clear();
    load(tmp, log);
    assertThat(log).isEmpty();
    assertEquals(written, Files.getLastModifiedTime(trainCache));

    try (RandomAccessFile file = new RandomAccessFile(validationCache.toFile(), "rw")) {
      file.seek(ImageCacheFile.HEADER_BYTES + 5000);
      int b = file.read();
      file.seek(ImageCacheFile.HEADER_BYTES + 5000);
      file.write(b ^ 1);
    }
    try (RandomAccessFile file = new RandomAccessFile(trainCache.toFile(), "rw")) {
      file.setLength(file.length() - 10);
    }
    log.clear();
    DataSplits again = load(tmp, log);
    assertThat(log).anyMatch(line -> line.startsWith("image cache " + validationCache + ": checksum mismatch")
        && line.endsWith("decoding the images again"));
    assertThat(log).anyMatch(line -> line.startsWith("image cache " + trainCache + ": ")
        && line.contains("bytes where 12 images need"));
    assertArrayEquals(validationPixels, again.validation().inMemory().pixels());
  }

  @Test
  void otherSizesGetTheirOwnCacheFile(@TempDir Path tmp) throws IOException {
    Path root = CaltechTinyFixture.root();
    StreamedImages gray = (StreamedImages) Datasets.load(new DataSpec.ImageFolders(root.resolve("train"),
        root.resolve("eval"), 8, 4, 42, 1, 32, 32, tmp)).train();
    StreamedImages rgb = (StreamedImages) load(tmp, new ArrayList<>()).train();
    assertThat(gray.cacheFile()).isNotEqualTo(rgb.cacheFile());
    assertEquals(1024, gray.featureLength());
  }
}
