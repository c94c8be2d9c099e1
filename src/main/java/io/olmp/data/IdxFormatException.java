package io.olmp.data;

import java.io.IOException;
import java.nio.file.Path;

/** A file that is not a valid IDX file of the expected kind; the message names the file, the rule and the values. */
public final class IdxFormatException extends IOException implements io.olmp.config.InputError {
  private static final long serialVersionUID = 1L;

  private final transient Path file;

  public IdxFormatException(Path file, String problem) {
    super(file + ": " + problem);
    this.file = file;
  }

  public Path file() {
    return file;
  }
}
