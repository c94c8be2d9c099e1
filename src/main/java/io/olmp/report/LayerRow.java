package io.olmp.report;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * One prunable layer after a loop: a row of the {@code layers} table.
 *
 * @param layerIndex position among the prunable layers (0-based)
 * @param sparsity   1 - kept / size
 * @param threshold  the magnitude threshold applied in this loop (0 if it pruned nothing more)
 */
public record LayerRow(int loop, int layerIndex, String layer, long size, long kept, double threshold) {

    public double sparsity() {
        return size == 0 ? 0 : 1 - (double) kept / size;
    }

    Row toRow(String runId) {
        return RowFactory.create(runId, loop, layerIndex, layer, size, kept, sparsity(), threshold);
    }
}
