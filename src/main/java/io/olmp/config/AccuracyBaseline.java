package io.olmp.config;

/**
 * The accuracy a loop's constraint is measured against ({@code olmp.prune.baseline}): the validation
 * accuracy of the model at the loop's start, or that of the reference model.
 */
public enum AccuracyBaseline implements ConfValue {
    LOOP_START("loop-start"),
    REFERENCE("reference");

    private final String key;

    AccuracyBaseline(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }
}
