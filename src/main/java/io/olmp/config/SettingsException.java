package io.olmp.config;

/** A configuration error: the message names the key, the rule and where the value was set. */
public final class SettingsException extends RuntimeException implements InputError {
    private static final long serialVersionUID = 1L;

    public SettingsException(String message) {
        super(message);
    }

    public SettingsException(String message, Throwable cause) {
        super(message, cause);
    }
}
