package io.olmp.kernel;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.ByteOrder;

/**
 * One candidate's masked weights, ready for the products: the first weighted layer's as a Java
 * array (it is concatenated with the other candidates' per generation), the others as ND4J
 * matrices [in, out] in DL4J's operand layout; and, when the kernel has a {@link DirectLane}, the
 * kept weights of every layer by output unit.
 */
public final class MaskedCandidate {

    final float[] first;
    private final float[][] restValues; // index = weighted stage - 1, DL4J's 'f' operand layout
    private final int[][] restShapes;
    private final INDArray[] rest; // made on first use: a direct-lane candidate may never need them
    final NonZeroRows[] kept; // by weighted stage, for the direct lane; null when the kernel has none
    final double keptMacFraction; // multiply-adds of the kept weights over the dense pass's

    MaskedCandidate(float[] first, float[][] restValues, int[][] restShapes, NonZeroRows[] kept, double keptMacFraction) {
        this.first = first;
        this.restValues = restValues;
        this.restShapes = restShapes;
        this.rest = new INDArray[restValues.length];
        this.kept = kept;
        this.keptMacFraction = keptMacFraction;
    }

    /** Weighted stage i + 1's masked weights as an ND4J matrix [in, out] ('f' order). */
    synchronized INDArray rest(int i) {
        if (rest[i] == null) {
            INDArray m = Nd4j.createUninitializedDetached(DataType.FLOAT, 'f', restShapes[i][0], restShapes[i][1]);
            m.data().asNio().order(ByteOrder.nativeOrder()).asFloatBuffer().put(0, restValues[i]);
            rest[i] = m;
        }
        return rest[i];
    }
}
