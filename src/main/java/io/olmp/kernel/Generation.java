package io.olmp.kernel;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;

/**
 * The candidates of one generation as the kernel scores them: which go through the
 * {@link DirectLane} and which through the exact product path, and the exact ones' first-layer
 * weights side by side in one [in, out x candidates] matrix, so their first layer is a single
 * product for all of them.
 */
public final class Generation {

    final List<MaskedCandidate> candidates;
    final int[] direct;        // indices into candidates
    final int[] exact;         // indices into candidates
    final INDArray firstWeights; // of the exact candidates, in the order of exact; null when none

    Generation(List<MaskedCandidate> candidates, int[] direct, int[] exact, INDArray firstWeights) {
        this.candidates = List.copyOf(candidates);
        this.direct = direct;
        this.exact = exact;
        this.firstWeights = firstWeights;
    }

    public int size() {
        return candidates.size();
    }

    /** How many candidates are scored on the direct lane. */
    public int directCount() {
        return direct.length;
    }
}
