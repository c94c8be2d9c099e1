package io.olmp.data;

import java.io.IOException;

/** A package client (npm, tar, apt-get, dpkg) needed to fetch data is not installed; the message says what to install. */
public final class MissingClientException extends IOException {
  private static final long serialVersionUID = 1L;

  public MissingClientException(String message) {
    super(message);
  }
}
