package io.olmp.kernel.train;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** A fully connected layer, out = in x W + b (W is DL4J's [nIn, nOut]), then identity or ReLU. */
final class DenseStage implements TrainingStage {

    private final int nIn;
    private final int nOut;
    private final boolean relu;
    private final WeightedParams params;
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
        WeightedParams.addBiasAndActivate(FloatTransfer.buffer(outNative), out, n, params.biasValues(), relu);
        return out;
    }

    @Override
    public float[] backward(float[] dOut, int batch, boolean needInputGradient) {
        params.setBiasGradient(WeightedParams.preActivationGradient(dOut, out, relu, n, nOut,
                FloatTransfer.buffer(dOutNative)));
        // straight into the gradient view ('f' order, as DL4J's DenseLayer writes it)
        Nd4j.gemm(inNative, dOutNative, params.weightGradient, true, false, 1.0, 0.0);
        if (!needInputGradient) {
            return null;
        }
        Nd4j.gemm(dOutNative, effectiveWeight, dInNative, false, true, 1.0, 0.0);
        FloatTransfer.fromNative(dInNative, dIn);
        return dIn;
    }
}
