package io.olmp.data;

import io.olmp.files.AtomicFiles;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Writes unsigned-byte IDX image and label files, gzipped when the file name ends with {@code .gz}.
 * Each file is written to a temporary sibling and then renamed into place, so a reader never sees a
 * half-written file. Java's gzip header carries no time stamp, so equal content gives equal bytes.
 */
public final class IdxWriter {

  private IdxWriter() {}

  public static void writeImages(Path file, IdxImages images) throws IOException {
    AtomicFiles.write(file, out -> {
      try (DataOutputStream data = open(file, out)) {
        data.writeInt((IdxReader.UNSIGNED_BYTE << 8) | IdxReader.IMAGE_DIMENSIONS);
        data.writeInt(images.count());
        data.writeInt(images.rows());
        data.writeInt(images.cols());
        data.write(images.pixels());
      }
    });
  }

  /** Labels must be in 0..255. */
  public static void writeLabels(Path file, int[] labels) throws IOException {
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] > 255) {
        throw new IllegalArgumentException("label " + labels[i] + " at index " + i + " does not fit an unsigned byte");
      }
    }
    AtomicFiles.write(file, out -> {
      try (DataOutputStream data = open(file, out)) {
        data.writeInt((IdxReader.UNSIGNED_BYTE << 8) | IdxReader.LABEL_DIMENSIONS);
        data.writeInt(labels.length);
        for (int label : labels) {
          data.writeByte(label);
        }
      }
    });
  }

  private static DataOutputStream open(Path file, OutputStream out) throws IOException {
    OutputStream buffered = new BufferedOutputStream(out, 1 << 16);
    boolean gzip = file.getFileName().toString().endsWith(".gz");
    return new DataOutputStream(gzip ? new GZIPOutputStream(buffered, 1 << 16) : buffered);
  }
}
