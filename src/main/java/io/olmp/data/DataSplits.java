package io.olmp.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Train, validation and test sets (in memory, or streamed from image-folder caches), with the SHA-256 of every file
 * they were read from (key: the path as read).
 */
public record DataSplits(ImageSet train, ImageSet validation, ImageSet test,
    Map<String, String> sha256ByFile) {

  public DataSplits {
    sha256ByFile = Collections.unmodifiableMap(new LinkedHashMap<>(sha256ByFile));
  }
}
