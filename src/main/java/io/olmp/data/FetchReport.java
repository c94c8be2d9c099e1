package io.olmp.data;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@link DataFetcher#fetch} left in {@code dir}: per file (name relative to {@code dir}) its SHA-256 and
 * item count; {@code alreadyPresent} when the files were there and verified, so nothing was fetched.
 */
public record FetchReport(String source, Path dir, boolean alreadyPresent, Map<String, String> sha256ByFile,
    Map<String, Integer> countsByFile) {

  public FetchReport {
    sha256ByFile = Collections.unmodifiableMap(new LinkedHashMap<>(sha256ByFile));
    countsByFile = Collections.unmodifiableMap(new LinkedHashMap<>(countsByFile));
  }
}
