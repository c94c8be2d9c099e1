package io.olmp.cli;

import io.olmp.config.OlmpSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** {@code olmp config}: validates settings and prints the effective configuration. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Validate a conf and print the effective settings, each with where it was set.")
final class ConfigCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Override
    public Integer call() {
        OlmpSettings settings = config.load();
        System.out.println(settings.rendered());
        return 0;
    }
}
