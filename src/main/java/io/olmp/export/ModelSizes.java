package io.olmp.export;

import java.io.IOException;

/**
 * How big a pruned model is in each form.
 *
 * @param parameters weights and biases
 * @param weights    weights only (what pruning counts)
 * @param kept       non-zero weights
 * @param denseBytes 4 bytes per parameter (float32, no container)
 * @param csrBytes   the {@link CsrFormat} file
 * @param gzipBytes  the same file gzip-compressed
 */
public record ModelSizes(long parameters, long weights, long kept, long denseBytes, long csrBytes, long gzipBytes) {

    public static ModelSizes of(SparseModel model) throws IOException {
        return new ModelSizes(model.parameters(), model.weights(), model.kept(), 4L * model.parameters(),
                CsrFormat.bytes(model, false).length, CsrFormat.bytes(model, true).length);
    }

    /** Compression ratio by weight count: weights / non-zero weights. */
    public double compressionRatio() {
        return kept == 0 ? Double.POSITIVE_INFINITY : (double) weights / kept;
    }
}
