package io.olmp.config;

/**
 * Where and in what pieces candidates are scored ({@code olmp.scoring}).
 *
 * @param evaluator one of {@link #EVALUATORS}
 * @param shardSize at most this many images per forward pass and per Spark shard
 * @param shardStorage one of {@link #SHARD_STORAGES}: how Spark executors get the validation shards
 * @param shardDirectory where {@code files} shards are written (a Hadoop file system path or URI);
 *                       empty: the run folder's {@code shards/}
 */
public record ScoringSettings(String evaluator, int shardSize, String shardStorage, String shardDirectory) {
    public static final java.util.List<String> EVALUATORS = java.util.List.of("spark", "local");
    public static final java.util.List<String> SHARD_STORAGES = java.util.List.of("broadcast", "files", "image-files");
}
