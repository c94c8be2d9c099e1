/**
 * The one place that reads typesafe config (HOCON): {@link io.olmp.config.SettingsLoader} layers
 * {@code reference.conf}, a user's conf file and {@code --set} overrides, rejects unknown keys,
 * wrong types and out-of-range values with the key, the rule and the file and line, and builds
 * the immutable {@link io.olmp.config.OlmpSettings} records that every other package receives.
 * No other package imports {@code com.typesafe.config}.
 */
package io.olmp.config;
