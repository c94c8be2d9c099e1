package io.olmp.kernel;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;

/**
 * The candidates of one generation as the kernel scores them: their first-layer weights side by
 * side in one [in, out x candidates] matrix, so the first layer is a single product for all of them.
 */
public final class Generation {

    final List<MaskedCandidate> candidates;
    final INDArray firstWeights;

    Generation(List<MaskedCandidate> candidates, INDArray firstWeights) {
        this.candidates = List.copyOf(candidates);
        this.firstWeights = firstWeights;
    }

    public int size() {
        return candidates.size();
    }
}
