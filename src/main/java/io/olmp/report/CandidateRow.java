package io.olmp.report;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * One scored candidate (a child of one search process in one generation): a row of the
 * {@code candidates} table. A failed candidate has null counts, fitness +infinity and its message.
 *
 * @param candidate  the search process index
 * @param x          the NCS vector: percent pruned per layer
 * @param thresholds the magnitude thresholds it decodes to, in layer order
 */
public record CandidateRow(int loop, int generation, int candidate, double[] x, double[] thresholds, Long kept,
                           Double keptFraction, Long correct, Long total, Double accuracy, double fitness,
                           boolean feasible, String failedMessage) {

    public static CandidateRow failed(int loop, int generation, int candidate, double[] x, double[] thresholds,
                                      String message) {
        return new CandidateRow(loop, generation, candidate, x, thresholds, null, null, null, null, null,
                Double.POSITIVE_INFINITY, false, message);
    }

    Row toRow(String runId) {
        return RowFactory.create(runId, loop, generation, candidate, Rows.doubles(x), Rows.doubles(thresholds), kept,
                keptFraction, correct, total, accuracy, fitness, feasible, failedMessage);
    }
}
