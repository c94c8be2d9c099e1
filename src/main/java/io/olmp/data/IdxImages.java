package io.olmp.data;

import java.util.Arrays;

/**
 * The content of an unsigned-byte IDX image file: {@code count} images of {@code rows x cols} pixels,
 * row-major, one byte (0..255) per pixel.
 */
public record IdxImages(int count, int rows, int cols, byte[] pixels) {

  public IdxImages {
    if (count < 0 || rows <= 0 || cols <= 0) {
      throw new IllegalArgumentException(
          "IdxImages needs count >= 0 and positive rows/cols, got " + count + " x " + rows + " x " + cols);
    }
    if ((long) count * rows * cols != pixels.length) {
      throw new IllegalArgumentException("IdxImages pixel array has " + pixels.length
          + " bytes, expected count x rows x cols = " + count + " x " + rows + " x " + cols);
    }
  }

  public int imageLength() {
    return rows * cols;
  }

  /** The images at {@code indices}, in that order. */
  public IdxImages subset(int[] indices) {
    int length = imageLength();
    byte[] picked = new byte[indices.length * length];
    for (int i = 0; i < indices.length; i++) {
      System.arraycopy(pixels, indices[i] * length, picked, i * length, length);
    }
    return new IdxImages(indices.length, rows, cols, picked);
  }

  /** Pixels divided by 255, as {@link LabeledImages} with one channel. */
  public LabeledImages withLabels(int[] labels, int numClasses, String name) {
    float[] scaled = new float[pixels.length];
    for (int i = 0; i < pixels.length; i++) {
      scaled[i] = (pixels[i] & 0xFF) / 255f;
    }
    return new LabeledImages(name, 1, rows, cols, numClasses, scaled, labels);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof IdxImages that && count == that.count && rows == that.rows && cols == that.cols
        && Arrays.equals(pixels, that.pixels);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * (31 * count + rows) + cols) + Arrays.hashCode(pixels);
  }

  @Override
  public String toString() {
    return "IdxImages[" + count + " x " + rows + " x " + cols + "]";
  }
}
