package io.olmp.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BrokenIdxFixturesTest {

  @Test
  void committedFixturesAreWhatTheGeneratorMakes() throws IOException {
    for (Map.Entry<String, byte[]> fixture : BrokenIdxFixtures.fixtures().entrySet()) {
      assertArrayEquals(fixture.getValue(), Files.readAllBytes(TestFixtures.broken(fixture.getKey())),
          fixture.getKey() + " differs from BrokenIdxFixtures: regenerate it");
    }
  }
}
