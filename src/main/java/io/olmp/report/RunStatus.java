package io.olmp.report;

import java.util.Locale;

/** The {@code status} column of the {@code runs} table. */
public enum RunStatus {
    RUNNING, FINISHED, FAILED;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
