package io.olmp.report;

import java.util.Arrays;
import java.util.List;

/** Values for ARRAY columns (Spark converts Java lists and maps to its ARRAY and MAP types). */
final class Rows {

    private Rows() {}

    static List<Double> doubles(double[] values) {
        return Arrays.stream(values).boxed().toList();
    }
}
