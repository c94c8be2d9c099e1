package io.olmp.export;

import java.io.IOException;

/**
 * A file that is not a valid olmp sparse model ({@link CsrFormat}); the message names the file (or stream), the
 * field or byte offset, and the rule broken.
 */
public final class CsrFormatException extends IOException implements io.olmp.config.InputError {
    private static final long serialVersionUID = 1L;

    private final String source;

    public CsrFormatException(String source, String problem) {
        super(source + ": " + problem);
        this.source = source;
    }

    /** The file or stream name the message starts with. */
    public String source() {
        return source;
    }
}
