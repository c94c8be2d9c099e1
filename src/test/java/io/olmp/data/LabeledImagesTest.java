package io.olmp.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LabeledImagesTest {

  private final LabeledImages three = new LabeledImages("three", 1, 1, 2, 3,
      new float[] {0f, 0.1f, 0.2f, 0.3f, 0.4f, 0.5f}, new int[] {0, 2, 2});

  @Test
  void subsetPicksImagesWithTheirLabelsInTheGivenOrder() {
    LabeledImages picked = three.subset(new int[] {2, 0}, "picked");
    assertEquals("picked", picked.name());
    assertArrayEquals(new float[] {0.4f, 0.5f, 0f, 0.1f}, picked.pixels());
    assertArrayEquals(new int[] {2, 0}, picked.labels());
    assertEquals(2, picked.count());
    assertEquals(2, picked.featureLength());
  }

  @Test
  void classCountsCountEveryClassIncludingEmptyOnes() {
    assertArrayEquals(new int[] {1, 0, 2}, three.classCounts());
  }

  @Test
  void pixelCountMustMatchTheShape() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new LabeledImages("bad", 1, 2, 2, 10, new float[7], new int[2]));
    assertEquals("bad: 7 pixels, expected count x C x H x W = 2 x 1 x 2 x 2 = 8", e.getMessage());
  }

  @Test
  void labelsMustBeBelowTheClassCount() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new LabeledImages("bad", 1, 1, 1, 10, new float[2], new int[] {3, 10}));
    assertEquals("bad: label 10 at index 1 is outside 0..9", e.getMessage());
  }

  @Test
  void committedSampleHoldsThirtyRealDigitsPerClass() {
    LabeledImages sample = TestFixtures.mnistSample();
    assertEquals(300, sample.count());
    assertEquals(784, sample.featureLength());
    assertArrayEquals(new int[] {30, 30, 30, 30, 30, 30, 30, 30, 30, 30}, sample.classCounts());
    float max = 0;
    for (float pixel : sample.pixels()) {
      max = Math.max(max, pixel);
    }
    assertEquals(1f, max);
    assertEquals(300, TestFixtures.mnistSampleShuffled(1).count());
  }
}
