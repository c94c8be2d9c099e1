package io.olmp.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * A split of image folders read from its 8-bit cache file ({@link ImageCacheFile}) when asked: only the labels and
 * the file list stay in memory, so the driver's memory does not grow with the number of images. Reads are positional
 * and open the file for each call, so any number of threads may read at once. The source files are kept for
 * executors that read the images themselves ({@link #files()}).
 */
public final class StreamedImages implements ImageSet {

  /** Bytes read in one go by a contiguous read, so a large read does not need a large buffer. */
  private static final int READ_BYTES = 1 << 24;

  private final String name;
  private final int channels;
  private final int height;
  private final int width;
  private final int numClasses;
  private final List<ImageFile> files;
  private final Path cacheFile;
  private final long payloadStart;

  StreamedImages(String name, int channels, int height, int width, int numClasses, List<ImageFile> files,
      Path cacheFile, long payloadStart) {
    this.name = name;
    this.channels = channels;
    this.height = height;
    this.width = width;
    this.numClasses = numClasses;
    this.files = List.copyOf(files);
    this.cacheFile = cacheFile;
    this.payloadStart = payloadStart;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int channels() {
    return channels;
  }

  @Override
  public int height() {
    return height;
  }

  @Override
  public int width() {
    return width;
  }

  @Override
  public int numClasses() {
    return numClasses;
  }

  @Override
  public int count() {
    return files.size();
  }

  @Override
  public int label(int index) {
    return files.get(index).label();
  }

  /** The source image files, in the split's order. */
  public List<ImageFile> files() {
    return files;
  }

  public Path cacheFile() {
    return cacheFile;
  }

  @Override
  public void read(int from, int to, float[] target, int offset) {
    int length = featureLength();
    int imagesPerRead = Math.max(1, READ_BYTES / length);
    try (FileChannel channel = FileChannel.open(cacheFile, StandardOpenOption.READ)) {
      byte[] levels = new byte[Math.min(to - from, imagesPerRead) * length];
      for (int first = from; first < to; first += imagesPerRead) {
        int n = Math.min(imagesPerRead, to - first);
        readFully(channel, first, n, levels);
        ImageDecoder.pixels(levels, 0, n * length, target, offset + (first - from) * length);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(cacheFile + ": reading images " + from + ".." + (to - 1) + " of " + name
          + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void read(int[] indices, float[] target, int offset) {
    int length = featureLength();
    try (FileChannel channel = FileChannel.open(cacheFile, StandardOpenOption.READ)) {
      byte[] levels = new byte[length];
      for (int i = 0; i < indices.length; i++) {
        readFully(channel, indices[i], 1, levels);
        ImageDecoder.pixels(levels, 0, length, target, offset + i * length);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(cacheFile + ": reading " + indices.length + " images of " + name + " failed: "
          + e.getMessage(), e);
    }
  }

  private void readFully(FileChannel channel, int first, int n, byte[] levels) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(levels, 0, n * featureLength());
    long position = payloadStart + (long) first * featureLength();
    while (buffer.hasRemaining()) {
      int read = channel.read(buffer, position + buffer.position());
      if (read < 0) {
        throw new IOException("the file ends before image " + (first + n - 1) + " (truncated since it was checked)");
      }
    }
  }

  /** Read whole, after checking that the pixels fit in half the heap (the message names the settings). */
  @Override
  public LabeledImages inMemory() {
    ImageFolderReader.checkFitsInMemory(name, count(), channels, height, width, Runtime.getRuntime().maxMemory());
    float[] pixels = new float[count() * featureLength()];
    read(0, count(), pixels, 0);
    int[] labels = files.stream().mapToInt(ImageFile::label).toArray();
    return new LabeledImages(name, channels, height, width, numClasses, pixels, labels);
  }

  @Override
  public String toString() {
    return "StreamedImages[" + name + ": " + count() + " x " + channels + " x " + height + " x " + width + ", "
        + numClasses + " classes, from " + cacheFile + "]";
  }
}
