package io.olmp.pipeline;

import io.olmp.config.InputError;

import java.io.IOException;
import java.nio.file.Path;

/** A checkpoint file that cannot be read back: the message names the file, what is wrong and what to do. */
public final class DamagedCheckpointException extends IOException implements InputError {
    private static final long serialVersionUID = 1L;

    DamagedCheckpointException(Path file, String problem, Throwable cause) {
        super(file + ": damaged checkpoint: " + problem + "; this run cannot resume from it: start again with another"
                + " --out, or delete " + file.getParent() + " to start this folder's run over", cause);
    }

    /** The first line of a parser's message, without the stack or source excerpt some parsers append. */
    static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).trim();
    }
}
