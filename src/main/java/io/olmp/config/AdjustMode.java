package io.olmp.config;

/**
 * How adjusting treats the masks ({@code olmp.prune.adjust-mode}): {@link #DS} lets pruned weights that
 * grow back past the splice band return (Dynamic Network Surgery); {@link #FIXED_MASK} keeps every pruned
 * weight at zero.
 */
public enum AdjustMode implements ConfValue {
    DS("ds"),
    FIXED_MASK("fixed-mask");

    private final String key;

    AdjustMode(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }
}
