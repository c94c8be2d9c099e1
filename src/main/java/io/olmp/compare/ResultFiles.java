package io.olmp.compare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.olmp.result.RunResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the {@code result.json} of a run or baseline folder, with errors that name the file and the problem. */
public final class ResultFiles {

    /** Fields added by later versions are ignored, so newer result files stay readable. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ResultFiles() {}

    public static RunResult read(Path dir) throws IOException {
        Path file = dir.resolve("result.json");
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + ": no such folder (give the output folder of olmp run or olmp baseline)");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": missing; " + dir + " is not a finished run or baseline"
                    + " (olmp run / olmp baseline write result.json when they end)");
        }
        return readFile(file);
    }

    /** A result file by its own name (e.g. the copies under docs/results/). */
    public static RunResult readFile(Path file) throws IOException {
        RunResult result;
        try {
            result = JSON.readValue(file.toFile(), RunResult.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": not a readable olmp result: " + e.getOriginalMessage());
        }
        if (!"olmp-result".equals(result.format())) {
            throw new IllegalArgumentException(file + ": field 'format' is " + result.format()
                    + ", must be 'olmp-result'");
        }
        if (result.sizeByLayer() == null || result.keptByLayer() == null) {
            throw new IllegalArgumentException(file + ": fields 'sizeByLayer' and 'keptByLayer' are required");
        }
        return result;
    }
}
