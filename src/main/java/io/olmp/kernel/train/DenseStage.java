package io.olmp.kernel.train;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** A fully connected layer, out = in x W + b (W is DL4J's [nIn, nOut]), then identity or ReLU. */
final class DenseStage implements Stage {

    private final int nIn;
    private final int nOut;
    private final boolean relu;
    private final WeightedParams params;
    private final INDArray weightGradientMatrix;
    private int n = -1;
    private INDArray inNative;
    private INDArray outNative;
    private INDArray effectiveWeight;
    private float[] out;
    private INDArray dOutNative;
    private INDArray dInNative;
    private float[] dIn;

    DenseStage(int nIn, int nOut, boolean relu, WeightedParams params) {
        this.nIn = nIn;
        this.nOut = nOut;
        this.relu = relu;
        this.params = params;
        this.weightGradientMatrix = FloatTransfer.matrix(nIn, nOut);
    }

    @Override
    public long macsPerExample() {
        return (long) nIn * nOut;
    }

    @Override
    public int outSize() {
        return nOut;
    }

    @Override
    public float[] forward(float[] in, int batch) {
        if (batch != n) {
            n = batch;
            inNative = FloatTransfer.matrix(n, nIn);
            outNative = FloatTransfer.matrix(n, nOut);
            out = new float[n * nOut];
            dOutNative = FloatTransfer.matrix(n, nOut);
            dInNative = FloatTransfer.matrix(n, nIn);
            dIn = new float[n * nIn];
        }
        FloatTransfer.toNative(in, inNative);
        effectiveWeight = params.effectiveWeight();
        Nd4j.gemm(inNative, effectiveWeight, outNative, false, false, 1.0, 0.0);
        FloatTransfer.fromNative(outNative, out);
        WeightedParams.addBiasAndActivate(out, n, params.biasValues(), relu);
        return out;
    }

    @Override
    public float[] backward(float[] dOut, int batch, boolean needInputGradient) {
        if (relu) {
            WeightedParams.reluBackward(dOut, out, n * nOut);
        }
        params.setBiasGradient(WeightedParams.columnSums(dOut, n, nOut));
        FloatTransfer.toNative(dOut, dOutNative);
        Nd4j.gemm(inNative, dOutNative, weightGradientMatrix, true, false, 1.0, 0.0);
        params.weightGradient.assign(weightGradientMatrix);
        if (!needInputGradient) {
            return null;
        }
        Nd4j.gemm(dOutNative, effectiveWeight, dInNative, false, true, 1.0, 0.0);
        FloatTransfer.fromNative(dInNative, dIn);
        return dIn;
    }
}
