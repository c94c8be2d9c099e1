package io.olmp.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads settings: {@code reference.conf} (all defaults), then an optional conf file, then
 * {@code --set key=value} overrides, each overriding the previous. Follows the lightbend
 * "Settings class" advice: every key is read eagerly here, so a bad value fails at start-up.
 */
public final class SettingsLoader {

    private static final String ROOT = "olmp";

    private SettingsLoader() {}

    /** The embedded defaults alone (the quickstart). */
    public static OlmpSettings defaults() {
        return load(Optional.empty(), List.of());
    }

    /**
     * @param confFile a HOCON file whose keys override the defaults, if present
     * @param overrides {@code key=value} strings; a key without the {@code olmp.} prefix gets it
     */
    public static OlmpSettings load(Optional<Path> confFile, List<String> overrides) {
        Config reference = ConfigFactory.defaultReference();
        List<Config> layers = new ArrayList<>();
        confFile.ifPresent(file -> layers.add(parseFile(file)));
        for (String override : overrides) {
            layers.add(parseOverride(override));
        }
        Config merged = ConfigFactory.empty();
        for (Config layer : layers) {
            rejectUnknownKeys(layer, reference);
            merged = layer.withFallback(merged);
        }
        try {
            merged = merged.withFallback(reference).resolve();
            merged.checkValid(reference, ROOT);
        } catch (ConfigException.ValidationFailed e) {
            StringBuilder message = new StringBuilder("invalid configuration:");
            e.problems().forEach(p -> message.append("\n  ").append(p.origin().description())
                    .append(": ").append(p.path()).append(": ").append(p.problem()));
            throw new SettingsException(message.toString(), e);
        } catch (ConfigException e) {
            throw new SettingsException(e.getMessage(), e);
        }
        return new SettingsReader(merged.getConfig(ROOT), ROOT).read(render(merged));
    }

    private static Config parseFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new SettingsException("conf file not found: " + file
                    + " (give a HOCON file such as conf/lenet300-100.conf)");
        }
        try {
            return ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
        } catch (ConfigException e) {
            throw new SettingsException("cannot parse " + file + ": " + e.getMessage() + hint(file, e), e);
        }
    }

    /**
     * The HOCON parser reports an unclosed '{' as "expecting a close parentheses ')' ... end of file"; say what is
     * most likely wrong, counting the file's braces.
     */
    private static String hint(Path file, ConfigException e) {
        if (e.getMessage() == null || !e.getMessage().contains("end of file")) {
            return "";
        }
        try {
            String text = java.nio.file.Files.readString(file);
            long open = text.chars().filter(c -> c == '{').count();
            long close = text.chars().filter(c -> c == '}').count();
            if (open > close) {
                return " (rule: every '{' needs a closing '}'; the file has " + open + " '{' and " + close + " '}')";
            }
        } catch (java.io.IOException | RuntimeException ignored) {
            // the parser's message stands alone
        }
        return " (rule: the file ended inside an object, a list or a string)";
    }

    private static Config parseOverride(String override) {
        int eq = override.indexOf('=');
        if (eq <= 0) {
            throw new SettingsException("--set " + override + ": expected key=value, e.g. --set train.iterations=500");
        }
        String key = override.substring(0, eq).trim();
        String fullKey = key.startsWith(ROOT + ".") ? key : ROOT + "." + key;
        String text = fullKey + " = " + override.substring(eq + 1).trim();
        try {
            return ConfigFactory.parseString(text,
                    ConfigParseOptions.defaults().setOriginDescription("--set " + override));
        } catch (ConfigException e) {
            throw new SettingsException("--set " + override + ": cannot parse the value: " + e.getMessage(), e);
        }
    }

    private static void rejectUnknownKeys(Config layer, Config reference) {
        for (Map.Entry<String, ConfigValue> entry : layer.entrySet()) {
            String key = entry.getKey();
            if (!reference.hasPathOrNull(key) || !key.startsWith(ROOT + ".")) {
                throw new SettingsException(entry.getValue().origin().description()
                        + ": unknown key '" + key + "' (not in reference.conf)"
                        + nearestKey(key, reference).map(k -> "; did you mean '" + k + "'?").orElse(""));
            }
        }
    }

    private static Optional<String> nearestKey(String key, Config reference) {
        return reference.getConfig(ROOT).entrySet().stream()
                .map(e -> ROOT + "." + e.getKey())
                .min(Comparator.comparingInt(k -> editDistance(k, key)))
                .filter(k -> editDistance(k, key) <= Math.max(3, key.length() / 4));
    }

    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static String render(Config merged) {
        return merged.getConfig(ROOT).atPath(ROOT).root()
                .render(ConfigRenderOptions.defaults().setJson(false).setOriginComments(true));
    }
}
