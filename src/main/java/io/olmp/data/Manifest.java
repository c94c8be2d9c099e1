package io.olmp.data;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.olmp.files.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code manifest.json} of a fetched source: where it came from, how it was split, and per file its SHA-256 and
 * item count (images or labels). Written last, so its presence means the fetch completed.
 *
 * @param splitSeed seed of the split files, null when the source has no split files
 * @param splitCounts sizes of the split files (train, validation, test), empty when none
 * @param classCounts images per class over the whole set written (all, or train + t10k)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record Manifest(String source, String origin, Long splitSeed, Map<String, Integer> splitCounts,
    List<Integer> classCounts, Map<String, FileEntry> files) {

  /**
   * @param sha256 of the file as stored (gzipped: depends on the JVM's zlib, so may differ between machines)
   * @param contentSha256 of the decompressed IDX bytes: the same wherever the content is the same
   * @param count images or labels in the file
   */
  record FileEntry(String sha256, String contentSha256, int count) {

    static FileEntry of(Path file, int count) throws IOException {
      return new FileEntry(FileHashes.sha256(file), FileHashes.sha256(IdxReader.readContent(file)), count);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  Manifest {
    splitCounts = splitCounts == null ? Map.of() : new LinkedHashMap<>(splitCounts);
    classCounts = classCounts == null ? List.of() : List.copyOf(classCounts);
    files = files == null ? Map.of() : new LinkedHashMap<>(files);
  }

  static Manifest read(Path file) throws IOException {
    try {
      return JSON.readValue(file.toFile(), Manifest.class);
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new IOException(file + ": unreadable manifest (" + e.getOriginalMessage() + ")", e);
    }
  }

  void write(Path file) throws IOException {
    AtomicFiles.writeBytes(file, JSON.writeValueAsBytes(this));
  }

  Map<String, String> sha256ByFile() {
    Map<String, String> result = new LinkedHashMap<>();
    files.forEach((name, entry) -> result.put(name, entry.sha256()));
    return result;
  }

  Map<String, Integer> countsByFile() {
    Map<String, Integer> result = new LinkedHashMap<>();
    files.forEach((name, entry) -> result.put(name, entry.count()));
    return result;
  }

  /**
   * What is wrong with the files in {@code dir} compared with this manifest (missing file, other SHA-256,
   * other item count); empty when everything matches.
   */
  List<String> problemsIn(Path dir) throws IOException {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, FileEntry> entry : files.entrySet()) {
      Path file = dir.resolve(entry.getKey());
      if (!Files.isRegularFile(file)) {
        problems.add(file + " is missing");
        continue;
      }
      String sha256 = FileHashes.sha256(file);
      if (!sha256.equals(entry.getValue().sha256())) {
        problems.add(file + " has SHA-256 " + sha256 + ", manifest says " + entry.getValue().sha256());
        continue;
      }
      int count = IdxReader.itemCount(file);
      if (count != entry.getValue().count()) {
        problems.add(file + " holds " + count + " items, manifest says " + entry.getValue().count());
      }
    }
    return problems;
  }
}
