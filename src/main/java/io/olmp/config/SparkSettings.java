package io.olmp.config;

/** The Spark session the driver builds when not under spark-submit ({@code olmp.spark}). */
public record SparkSettings(String master, String appName) {}
