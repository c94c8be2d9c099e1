package io.olmp.kernel;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Local response normalisation through the network's own DL4J layer (only AlexNet has it, and it
 * has no weights to mask): a power function is not worth re-deriving bit for bit.
 */
final class Lrn {

    private Lrn() {}

    static void apply(Layer layer, float[] src, float[] dst, int n, FeatureShape shape) {
        int size = n * shape.size();
        float[] copy = new float[size];
        System.arraycopy(src, 0, copy, 0, size);
        INDArray channelMajor = Nd4j.create(copy, new long[] {shape.channels(), n, shape.height(), shape.width()}, 'c');
        INDArray nchw = channelMajor.permute(1, 0, 2, 3).dup('c');
        INDArray out = layer.activate(nchw, false, LayerWorkspaceMgr.noWorkspaces());
        float[] result = out.permute(1, 0, 2, 3).dup('c').data().asFloat();
        System.arraycopy(result, 0, dst, 0, size);
    }
}
