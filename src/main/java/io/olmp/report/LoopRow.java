package io.olmp.report;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

import java.util.List;

/**
 * One pruning loop (OLMP) or one sparsity step (baselines, with generations 0): a row of the
 * {@code loops} table. Accuracies are fractions in [0, 1].
 *
 * @param layerNames             prunable layers, in network order
 * @param thresholds             magnitude thresholds applied, in the order of {@code layerNames}
 * @param kept                   non-zero weights after adjusting
 * @param size                   weights in all prunable layers
 * @param loopStartValidation    validation accuracy of the model the loop started from
 * @param validationBeforeAdjust validation accuracy right after pruning, before adjusting
 * @param testBeforeAdjust       test accuracy right after pruning, before adjusting
 * @param feasibleFound          whether the search found a candidate within delta
 */
public record LoopRow(int loop, double sigma, int generations, long evaluations, List<String> layerNames,
                      double[] thresholds, long kept, long size, double loopStartValidation,
                      double validationBeforeAdjust, double testBeforeAdjust, double validationAfterAdjust,
                      double testAfterAdjust, boolean feasibleFound, double searchWallSeconds, double searchCpuSeconds,
                      double adjustWallSeconds, double adjustCpuSeconds) {

    public LoopRow {
        layerNames = List.copyOf(layerNames);
        if (thresholds.length != layerNames.size()) {
            throw new IllegalArgumentException("loop " + loop + ": " + thresholds.length + " thresholds for "
                    + layerNames.size() + " layers " + layerNames);
        }
    }

    /** size / kept; +infinity when nothing is kept. */
    public double compressionRatio() {
        return kept == 0 ? Double.POSITIVE_INFINITY : (double) size / kept;
    }

    Row toRow(String runId) {
        return RowFactory.create(runId, loop, sigma, generations, evaluations, layerNames,
                Rows.doubles(thresholds), kept, size, compressionRatio(), loopStartValidation, validationBeforeAdjust,
                testBeforeAdjust, validationAfterAdjust, testAfterAdjust, feasibleFound, searchWallSeconds,
                searchCpuSeconds, adjustWallSeconds, adjustCpuSeconds);
    }
}
