package io.olmp.data;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Finds package clients (npm, tar, apt-get, dpkg) on a PATH and runs them. The PATH is explicit so tests can
 * pretend a client is missing.
 */
final class ClientCommands {

  private static final long TIMEOUT_MINUTES = 15;

  private final String path;
  private final Consumer<String> progress;

  ClientCommands(String path, Consumer<String> progress) {
    this.path = path == null ? "" : path;
    this.progress = progress;
  }

  static ClientCommands fromEnvironment(Consumer<String> progress) {
    return new ClientCommands(System.getenv("PATH"), progress);
  }

  Optional<Path> locate(String command) {
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, command);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** The client's path, or an exception saying "<command> not found on PATH: <remedy>". */
  Path require(String command, String remedy) throws MissingClientException {
    return locate(command).orElseThrow(() -> new MissingClientException(command + " not found on PATH: " + remedy));
  }

  /**
   * Runs the command in {@code workDir} and returns its combined output; a non-zero exit becomes an
   * IOException "<command line> failed (exit N): <last output lines>: <remedy>".
   */
  String run(Path workDir, String remedy, Path executable, String... arguments) throws IOException {
    List<String> commandLine = new ArrayList<>();
    commandLine.add(executable.toString());
    commandLine.addAll(Arrays.asList(arguments));
    String shown = executable.getFileName() + " " + String.join(" ", arguments);
    progress.accept("running " + shown + " in " + workDir);
    // output goes to a file, not a pipe, so a client that hangs cannot block us past the timeout
    Path log = Files.createTempFile("olmp-client-", ".log");
    try {
      ProcessBuilder builder = new ProcessBuilder(commandLine).directory(workDir.toFile()).redirectErrorStream(true)
          .redirectOutput(log.toFile());
      builder.environment().put("PATH", path);
      Process process = builder.start();
      try {
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
          process.destroyForcibly();
          throw new IOException(shown + " did not finish within " + TIMEOUT_MINUTES + " minutes: " + remedy);
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
        throw new IOException(shown + " was interrupted", e);
      }
      String text = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        throw new IOException(shown + " failed (exit " + process.exitValue() + ": " + lastLines(text, 3) + "): "
            + remedy);
      }
      return text;
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private static String lastLines(String text, int count) {
    List<String> lines = text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    return String.join(" | ", lines.subList(Math.max(0, lines.size() - count), lines.size()));
  }
}
