package io.olmp.data;

import java.nio.file.Path;

/**
 * Fetches both sources into a data directory (default {@code data}) twice, printing timings and counts; the
 * second fetch must find everything present. Run from the project root:
 * <pre>{@code java -cp target/classes:target/test-classes:<jackson jars> io.olmp.data.FetchRealData [dataDir]}</pre>
 */
public final class FetchRealData {

  private FetchRealData() {}

  public static void main(String[] args) throws Exception {
    Path dataDir = Path.of(args.length > 0 ? args[0] : "data");
    DataFetcher fetcher = new DataFetcher(dataDir, line -> System.out.println("  " + line));
    for (String source : DataFetcher.sourceNames()) {
      for (int round = 1; round <= 2; round++) {
        long start = System.nanoTime();
        FetchReport report = fetcher.fetch(source);
        System.out.printf("%s fetch %d: %.2f s, alreadyPresent=%s, counts=%s%n", source, round,
            (System.nanoTime() - start) / 1e9, report.alreadyPresent(), report.countsByFile());
      }
      long start = System.nanoTime();
      DataSplits splits = Datasets.load(DataSpec.Source.withDefaults(source, dataDir));
      System.out.printf("%s load: %.2f s%n", source, (System.nanoTime() - start) / 1e9);
      for (LabeledImages part : new LabeledImages[] {splits.train().inMemory(), splits.validation().inMemory(), splits.test().inMemory()}) {
        System.out.println("  " + part + " classes " + java.util.Arrays.toString(part.classCounts()));
      }
    }
  }
}
