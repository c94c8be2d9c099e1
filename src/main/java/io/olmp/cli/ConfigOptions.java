package io.olmp.cli;

import io.olmp.config.OlmpSettings;
import io.olmp.config.SettingsLoader;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code --conf} and {@code --set}, shared by every command that reads settings. */
final class ConfigOptions {

    @Option(names = "--conf", paramLabel = "FILE",
            description = "HOCON conf file overriding the defaults (e.g. conf/lenet5.conf); default: the embedded quickstart")
    Path conf;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "override one setting, e.g. --set train.iterations=500 (the olmp. prefix is optional); repeatable")
    List<String> overrides = new ArrayList<>();

    OlmpSettings load() {
        return SettingsLoader.load(Optional.ofNullable(conf), overrides);
    }

    /** A default output folder named after the conf, architecture and data. */
    Path defaultOut(OlmpSettings settings, String command) {
        String confName = conf == null ? "quickstart" : conf.getFileName().toString().replaceFirst("\\.conf$", "");
        return Path.of("runs", command + "-" + confName + "-" + settings.data().source() + "-seed" + settings.seed());
    }
}
