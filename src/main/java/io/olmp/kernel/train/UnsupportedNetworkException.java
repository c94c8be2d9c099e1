package io.olmp.kernel.train;

/** The network has something the fast step does not compute exactly like DL4J; the message says what. */
public final class UnsupportedNetworkException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UnsupportedNetworkException(String reason) {
        super("fast training step not applicable: " + reason);
    }
}
