package io.olmp.config;

/** NCS-C parameters ({@code olmp.search}): popN, Tmax, r and the lambda range. */
public record SearchSettings(int population, int generations, double r, double lambdaRange) {}
