package io.olmp.data;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Reproducible random splits: a Fisher-Yates shuffle of {@code 0..n-1} driven by
 * {@code new SplittableRandom(seed)}, for i from n-1 down to 1 swapping i with {@code nextInt(i + 1)};
 * consecutive ranges of the shuffled indices become the parts, each in shuffled order.
 */
public final class SeededSplit {

  private SeededSplit() {}

  public static int[] permutation(int n, long seed) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    return order;
  }

  /**
   * Shuffles {@code 0..n-1} with {@code seed} and cuts the result into consecutive parts of the given sizes;
   * the remaining indices form one more, last part. Sizes must be non-negative and sum to at most n.
   */
  public static int[][] cut(int n, long seed, String what, int... sizes) {
    long total = 0;
    for (int size : sizes) {
      if (size < 0) {
        throw new IllegalArgumentException(what + ": split sizes must be non-negative, got " + Arrays.toString(sizes));
      }
      total += size;
    }
    if (total > n) {
      throw new IllegalArgumentException(what + ": split sizes " + Arrays.toString(sizes) + " add up to " + total
          + ", more than the " + n + " images available");
    }
    int[] order = permutation(n, seed);
    int[][] parts = new int[sizes.length + 1][];
    int start = 0;
    for (int p = 0; p < sizes.length; p++) {
      parts[p] = Arrays.copyOfRange(order, start, start + sizes[p]);
      start += sizes[p];
    }
    parts[sizes.length] = Arrays.copyOfRange(order, start, n);
    return parts;
  }
}
