package io.olmp.kernel;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One candidate's masked weights, ready for the products: the first weighted layer's as a Java
 * array (it is concatenated with the other candidates' per generation), the others as ND4J
 * matrices [in, out] in DL4J's operand layout; and, when the kernel has a {@link DirectLane}, the
 * kept weights of every layer by output unit.
 */
public final class MaskedCandidate {

    final float[] first;
    final INDArray[] rest; // index = weighted stage - 1
    final NonZeroRows[] kept; // by weighted stage, for the direct lane; null when the kernel has none
    final double keptMacFraction; // multiply-adds of the kept weights over the dense pass's

    MaskedCandidate(float[] first, INDArray[] rest, NonZeroRows[] kept, double keptMacFraction) {
        this.first = first;
        this.rest = rest;
        this.kept = kept;
        this.keptMacFraction = keptMacFraction;
    }
}
