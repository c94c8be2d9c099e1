package io.olmp.data;

import java.util.Arrays;

/**
 * Images as float pixels in [0,1], NCHW order flattened per image (MNIST: C=1, H=28, W=28), with one
 * class label in {@code 0..numClasses-1} per image. Arrays are shared, not copied: treat them as read-only.
 */
public record LabeledImages(String name, int channels, int height, int width, int numClasses, float[] pixels,
    int[] labels) implements ImageSet, java.io.Serializable {

  public LabeledImages {
    if (channels <= 0 || height <= 0 || width <= 0 || numClasses <= 0) {
      throw new IllegalArgumentException(name + ": channels, height, width and numClasses must be positive, got "
          + channels + ", " + height + ", " + width + ", " + numClasses);
    }
    long expected = (long) labels.length * channels * height * width;
    if (pixels.length != expected) {
      throw new IllegalArgumentException(name + ": " + pixels.length + " pixels, expected count x C x H x W = "
          + labels.length + " x " + channels + " x " + height + " x " + width + " = " + expected);
    }
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= numClasses) {
        throw new IllegalArgumentException(name + ": label " + labels[i] + " at index " + i
            + " is outside 0.." + (numClasses - 1));
      }
    }
  }

  @Override
  public int count() {
    return labels.length;
  }

  @Override
  public int label(int index) {
    return labels[index];
  }

  @Override
  public void read(int from, int to, float[] target, int offset) {
    int length = featureLength();
    System.arraycopy(pixels, from * length, target, offset, (to - from) * length);
  }

  @Override
  public LabeledImages inMemory() {
    return this;
  }

  /** The images at {@code indices}, in that order, under a new name. */
  public LabeledImages subset(int[] indices, String name) {
    int length = featureLength();
    float[] picked = new float[indices.length * length];
    int[] pickedLabels = new int[indices.length];
    for (int i = 0; i < indices.length; i++) {
      System.arraycopy(pixels, indices[i] * length, picked, i * length, length);
      pickedLabels[i] = labels[indices[i]];
    }
    return new LabeledImages(name, channels, height, width, numClasses, picked, pickedLabels);
  }

  /** The parts' images one after the other, under a new name; the parts must share shape and classes. */
  public static LabeledImages concat(String name, java.util.List<LabeledImages> parts) {
    LabeledImages first = parts.get(0);
    int count = parts.stream().mapToInt(LabeledImages::count).sum();
    float[] pixels = new float[Math.multiplyExact(count, first.featureLength())];
    int[] labels = new int[count];
    int at = 0;
    for (LabeledImages part : parts) {
      if (part.featureLength() != first.featureLength() || part.numClasses() != first.numClasses()) {
        throw new IllegalArgumentException(name + ": " + part.name() + " differs in shape or classes from " + first.name());
      }
      System.arraycopy(part.pixels(), 0, pixels, at * first.featureLength(), part.pixels().length);
      System.arraycopy(part.labels(), 0, labels, at, part.count());
      at += part.count();
    }
    return new LabeledImages(name, first.channels(), first.height(), first.width(), first.numClasses(), pixels, labels);
  }

  /** Number of images per class, indexed by label. */
  public int[] classCounts() {
    int[] counts = new int[numClasses];
    for (int label : labels) {
      counts[label]++;
    }
    return counts;
  }

  /** Same shape, pixels and labels (the name is ignored). */
  public boolean sameContentAs(LabeledImages other) {
    return channels == other.channels && height == other.height && width == other.width
        && numClasses == other.numClasses && Arrays.equals(labels, other.labels)
        && Arrays.equals(pixels, other.pixels);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LabeledImages that && name.equals(that.name) && sameContentAs(that);
  }

  @Override
  public int hashCode() {
    return 31 * name.hashCode() + Arrays.hashCode(labels);
  }

  @Override
  public String toString() {
    return "LabeledImages[" + name + ": " + count() + " x " + channels + " x " + height + " x " + width + ", "
        + numClasses + " classes]";
  }
}
