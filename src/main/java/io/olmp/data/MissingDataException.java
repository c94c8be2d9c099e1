package io.olmp.data;

import java.io.IOException;

/** A source's files are not in the data directory; the message says which command fetches them. */
public final class MissingDataException extends IOException {
  private static final long serialVersionUID = 1L;

  private final String source;

  public MissingDataException(String source, String message) {
    super(message);
    this.source = source;
  }

  /** The source name to pass to {@link DataFetcher#fetch}. */
  public String source() {
    return source;
  }
}
