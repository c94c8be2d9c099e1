package io.olmp.config;

/**
 * Where and in what pieces candidates are scored ({@code olmp.scoring}).
 *
 * @param evaluator one of {@link #EVALUATORS}
 * @param shardSize images per forward pass and per Spark shard
 */
public record ScoringSettings(String evaluator, int shardSize) {
    public static final java.util.List<String> EVALUATORS = java.util.List.of("spark", "local");
}
