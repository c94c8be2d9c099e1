package io.olmp.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.Function;

/**
 * A path checked to be a regular file before anything opens it, with its size then. A directory, FIFO, socket or
 * device is refused unopened (reading a FIFO without a writer would block forever); a missing file, a dangling or
 * looping symbolic link and an unreadable file are described in words, for messages of the form
 * {@code <file>: <problem>} built by the caller's {@code failure}.
 */
public record RegularFile(Path path, long size) {

  /**
   * @param expected what the file should be, for the message, e.g. "an IDX file"
   * @param failure makes the caller's exception from a problem such as "no such file"
   */
  public static <E extends IOException> RegularFile check(Path path, String expected, Function<String, E> failure)
      throws E {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(path, BasicFileAttributes.class);
    } catch (IOException e) {
      throw failure.apply(describe(e));
    }
    if (attributes.isDirectory()) {
      throw failure.apply("is a directory, expected " + expected);
    }
    if (!attributes.isRegularFile()) {
      throw failure.apply("is not a regular file (a FIFO, socket or device), expected " + expected);
    }
    return new RegularFile(path, attributes.size());
  }

  /** Opens the file; a failure (permissions, the file gone since the check) is described as in {@link #check}. */
  public <E extends IOException> InputStream open(Function<String, E> failure) throws E {
    try {
      return Files.newInputStream(path);
    } catch (IOException e) {
      throw failure.apply(describe(e));
    }
  }

  /** Why a file could not be read, in words: the exception's message alone is often just the path. */
  static String describe(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    String reason = e instanceof FileSystemException fs ? fs.getReason() : e.getMessage();
    return "cannot read: " + (reason != null ? reason : e.getClass().getSimpleName());
  }
}
