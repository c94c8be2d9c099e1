/**
 * Sparse export of a pruned model: the documented binary CSR format ({@link io.olmp.export.CsrFormat}),
 * its in-memory form ({@link io.olmp.export.SparseModel}), the loader that rebuilds a network from the
 * file alone for inference, and the size comparison dense / CSR / gzip used by the report.
 * Imports model and data (for the atomic writes), never Spark or the pipeline.
 */
package io.olmp.export;
