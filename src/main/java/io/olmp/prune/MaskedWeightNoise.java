package io.olmp.prune;

import io.olmp.model.LayerWeights;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.weightnoise.IWeightNoise;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's weight-noise hook used for Dynamic Network Surgery: DL4J asks the layer's
 * {@link IWeightNoise} for the weights of every forward pass (training and inference) and keeps
 * what it returned for that iteration's backward pass, while the updater still applies the
 * gradient to the layer's own dense W. Returning W * M therefore gives DS semantics: the forward
 * pass uses the masked weights, the gradient with respect to the masked weights updates all of W,
 * pruned entries included. The mask is a live reference, refreshed in place by the adjuster.
 *
 * <p>Only the weights are masked; biases are returned unchanged. The mask is not part of the
 * configuration JSON ({@code transient}), so this noise is attached for adjusting and removed
 * before a model is saved.
 */
public final class MaskedWeightNoise implements IWeightNoise {

    private static final long serialVersionUID = 1L;
    private final transient INDArray mask;

    public MaskedWeightNoise(INDArray mask) {
        this.mask = mask;
    }

    @Override
    public INDArray getParameter(Layer layer, String paramKey, int iteration, int epoch, boolean train,
                                 LayerWorkspaceMgr workspaceMgr) {
        INDArray param = layer.getParam(paramKey);
        if (!LayerWeights.WEIGHT_KEY.equals(paramKey)) {
            return param;
        }
        // DL4J calls this outside any workspace, so a plain detached array is safe to keep for backprop
        return param.mul(mask);
    }

    @Override
    public MaskedWeightNoise clone() {
        return new MaskedWeightNoise(mask);
    }
}
