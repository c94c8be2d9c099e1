package io.olmp.config;

/**
 * Every setting of a run, typed and validated; built once at start-up by {@link SettingsLoader}.
 *
 * @param rendered the effective configuration as HOCON, with comments saying where each value came from
 */
public record OlmpSettings(
        long seed,
        DataSettings data,
        ModelSettings model,
        TrainSettings train,
        PruneSettings prune,
        SearchSettings search,
        ScoringSettings scoring,
        SparkSettings spark,
        BaselineSettings baseline,
        String rendered) {

    public SeedStreams seeds() {
        return new SeedStreams(seed);
    }
}
