package io.olmp.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;

import java.nio.file.Path;
import java.util.List;

/** Reads the validated {@code olmp} subtree into records, checking every range. */
final class SettingsReader {

    private final Config config;
    private final String root;

    SettingsReader(Config config, String root) {
        this.config = config;
        this.root = root;
    }

    OlmpSettings read(String rendered) {
        return new OlmpSettings(
                getLong("seed", Long.MIN_VALUE),
                data(),
                new ModelSettings(oneOf("model.architecture", ModelSettings.ARCHITECTURES)),
                train(),
                prune(),
                search(),
                new ScoringSettings(oneOf("scoring.evaluator", ScoringSettings.EVALUATORS),
                        getInt("scoring.shard-size", 1), oneOf("scoring.shard-storage", ScoringSettings.SHARD_STORAGES),
                        wrap("scoring.shard-directory", () -> config.getString("scoring.shard-directory")).trim()),
                new SparkSettings(nonEmpty("spark.master"), nonEmpty("spark.app-name")),
                new BaselineSettings(fraction("baseline.kept-factor", 0.01, 0.999), getInt("baseline.rungs", 1)),
                rendered);
    }

    private DataSettings data() {
        String source = oneOf("data.source", DataSettings.SOURCES);
        boolean named = DataSettings.NAMED_SOURCES.contains(source);
        int validation = named ? getInt("data.sources." + source + ".validation", 1) : 0;
        int test = named ? getInt("data.sources." + source + ".test", 1) : 0;
        DataSettings.IdxFiles files = new DataSettings.IdxFiles(
                path("data.idx-files.train-images", source.equals("idx-files")),
                path("data.idx-files.train-labels", source.equals("idx-files")),
                path("data.idx-files.validation-images", source.equals("idx-files")),
                path("data.idx-files.validation-labels", source.equals("idx-files")),
                path("data.idx-files.test-images", source.equals("idx-files")),
                path("data.idx-files.test-labels", source.equals("idx-files")),
                getInt("data.idx-files.classes", 2));
        boolean folders = source.equals("image-folders");
        DataSettings.ImageFolders imageFolders = new DataSettings.ImageFolders(
                path("data.image-folders.train-dir", folders),
                path("data.image-folders.eval-dir", folders),
                getInt("data.image-folders.validation", 1),
                getInt("data.image-folders.test", 1),
                intIn("data.image-folders.channels", List.of(1, 3)),
                getInt("data.image-folders.height", 8),
                getInt("data.image-folders.width", 8),
                imageCacheDir());
        return new DataSettings(source, Path.of(nonEmpty("data.dir")), getLong("data.split-seed", Long.MIN_VALUE),
                validation, test, files, imageFolders);
    }

    /** data.image-folders.cache-dir, or {@code <data.dir>/image-cache} when it is empty. */
    private Path imageCacheDir() {
        Path configured = path("data.image-folders.cache-dir", false);
        return configured != null ? configured : Path.of(nonEmpty("data.dir")).resolve("image-cache");
    }

    private TrainSettings train() {
        return new TrainSettings(
                getInt("train.iterations", 1),
                getInt("train.batch-size", 1),
                positive("train.learning-rate"),
                oneOf("train.lr-policy", TrainSettings.LR_POLICIES),
                fraction("train.lr-gamma", 0, 1),
                fraction("train.lr-power", 0, 10),
                getInt("train.lr-step-size", 1),
                fraction("train.momentum", 0, 0.999999),
                fraction("train.weight-decay", 0, 1),
                getInt("train.progress-every", 1),
                getInt("train.checkpoint-every", 0),
                wrap("train.fast-step", () -> config.getBoolean("train.fast-step")),
                wrap("train.distributed", () -> config.getBoolean("train.distributed")),
                getInt("train.averaging-frequency", 1));
    }

    private PruneSettings prune() {
        return new PruneSettings(
                getInt("prune.loops", 1),
                fraction("prune.delta", 0, 1),
                choice("prune.baseline", AccuracyBaseline.class),
                getInt("prune.adjust-iterations", 0),
                choice("prune.adjust-mode", AdjustMode.class),
                fraction("prune.splice-factor", 1, 10),
                getInt("prune.mask-refresh-every", 1),
                fraction("prune.sigma", 1e-9, 100),
                fraction("prune.fine-sigma", 1e-9, 100),
                getInt("prune.fine-sigma-from-loop", 1),
                choice("prune.adjust-solver", AdjustSolver.class),
                getInt("prune.final-adjust-iterations", 0),
                fraction("prune.final-tolerance", 0, 100));
    }

    private SearchSettings search() {
        return new SearchSettings(
                getInt("search.population", 2),
                getInt("search.generations", 1),
                fraction("search.r", 1e-9, 0.999999999),
                fraction("search.lambda-range", 0, 10));
    }

    // ---- typed getters that name key, rule and origin ----

    private ConfigException.BadValue bad(String key, String rule) {
        return new ConfigException.BadValue(config.getValue(key).origin(), root + "." + key,
                "value " + config.getValue(key).render() + " " + rule);
    }

    private RuntimeException error(String key, String rule) {
        ConfigException.BadValue e = bad(key, rule);
        return new SettingsException(e.getMessage(), e);
    }

    private int getInt(String key, int min) {
        int value = wrap(key, () -> config.getInt(key));
        if (value < min) {
            throw error(key, "must be an integer >= " + min);
        }
        return value;
    }

    private long getLong(String key, long min) {
        long value = wrap(key, () -> config.getLong(key));
        if (value < min) {
            throw error(key, "must be >= " + min);
        }
        return value;
    }

    private double positive(String key) {
        double value = wrap(key, () -> config.getDouble(key));
        if (!(value > 0) || Double.isInfinite(value)) {
            throw error(key, "must be a finite number > 0");
        }
        return value;
    }

    private double fraction(String key, double min, double max) {
        double value = wrap(key, () -> config.getDouble(key));
        if (!(value >= min && value <= max)) {
            throw error(key, "must be in [" + min + ", " + max + "]");
        }
        return value;
    }

    private String oneOf(String key, List<String> allowed) {
        String value = wrap(key, () -> config.getString(key));
        if (!allowed.contains(value)) {
            throw error(key, "must be one of " + String.join(" | ", allowed));
        }
        return value;
    }

    private <E extends Enum<E> & ConfValue> E choice(String key, Class<E> type) {
        return ConfValue.of(type, oneOf(key, ConfValue.keys(type)));
    }

    private int intIn(String key, List<Integer> allowed) {
        int value = wrap(key, () -> config.getInt(key));
        if (!allowed.contains(value)) {
            throw error(key, "must be one of " + allowed);
        }
        return value;
    }

    private String nonEmpty(String key) {
        String value = wrap(key, () -> config.getString(key));
        if (value.isBlank()) {
            throw error(key, "must not be empty");
        }
        return value;
    }

    /** An empty string means "not set"; required paths must be set. */
    private Path path(String key, boolean required) {
        String value = wrap(key, () -> config.getString(key));
        if (value.isBlank()) {
            if (required) {
                throw error(key, "must name a path when olmp.data.source = " + config.getString("data.source"));
            }
            return null;
        }
        return Path.of(value);
    }

    private <T> T wrap(String key, java.util.function.Supplier<T> getter) {
        try {
            return getter.get();
        } catch (ConfigException e) {
            String qualified = e.getMessage().replaceAll("(?<![\\w.-])" + java.util.regex.Pattern.quote(key) + "(?![\\w-])",
                    java.util.regex.Matcher.quoteReplacement(root + "." + key));
            throw new SettingsException(qualified, e);
        }
    }
}
