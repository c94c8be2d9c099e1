package io.olmp.model;

import io.olmp.config.InputError;

import java.io.IOException;

/** A model file given to olmp that is missing, not a regular file, or not a readable DL4J zip. */
public final class ModelFileException extends IOException implements InputError {
    private static final long serialVersionUID = 1L;

    public ModelFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
