package io.olmp.pipeline;

import java.nio.file.Path;

/** A trained reference model and what it scored. */
public record ReferenceResult(
        Path model,
        String architecture,
        String dataSource,
        long iterations,
        double validationAccuracy,
        double testAccuracy,
        double trainSeconds,
        boolean reused) {}
