package io.olmp.data;

/**
 * Labelled images read by index: {@link LabeledImages} holds them in memory, {@link StreamedImages} reads them from
 * an 8-bit cache file on demand, so that training, adjusting and accuracy never need a whole split in memory.
 * Pixels are floats in [0,1], NCHW order flattened per image.
 */
public interface ImageSet {

  String name();

  int channels();

  int height();

  int width();

  int numClasses();

  int count();

  /** The class of image {@code index}. */
  int label(int index);

  /** C x H x W. */
  default int featureLength() {
    return channels() * height() * width();
  }

  /** Images [from, to) one after the other into {@code target[offset..]}. */
  void read(int from, int to, float[] target, int offset);

  /** Image {@code index} into {@code target[offset..]}. */
  default void read(int index, float[] target, int offset) {
    read(index, index + 1, target, offset);
  }

  /** The images at {@code indices}, in that order, one after the other into {@code target[offset..]}. */
  default void read(int[] indices, float[] target, int offset) {
    for (int i = 0; i < indices.length; i++) {
      read(indices[i], target, offset + i * featureLength());
    }
  }

  /**
   * The whole set in memory, for the paths that need it (in-process scoring, a broadcast split): this set itself
   * when it is already there.
   *
   * @throws io.olmp.config.SettingsException naming the settings when the pixels do not fit in half the heap
   */
  LabeledImages inMemory();
}
