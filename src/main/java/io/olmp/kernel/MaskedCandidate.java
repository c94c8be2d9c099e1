package io.olmp.kernel;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One candidate's masked weights, ready for the products: the first weighted layer's as a Java
 * array (it is concatenated with the other candidates' per generation), the others as ND4J
 * matrices [in, out] in DL4J's operand layout.
 */
public final class MaskedCandidate {

    final float[] first;
    final INDArray[] rest; // index = weighted stage - 1

    MaskedCandidate(float[] first, INDArray[] rest) {
        this.first = first;
        this.rest = rest;
    }
}
