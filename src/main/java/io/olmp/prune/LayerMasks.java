package io.olmp.prune;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.olmp.model.LayerWeights;

/**
 * One 0/1 mask per prunable layer, shaped like its weights (1 = kept). Masks are mutable ND4J
 * arrays because DS adjusting refreshes them in place while the forward pass reads them.
 */
public final class LayerMasks {

    private static final int FORMAT = 0x4F4C4D31; // "OLM1"
    private final Map<String, INDArray> masks;

    public LayerMasks(Map<String, INDArray> masks) {
        this.masks = Collections.unmodifiableMap(new LinkedHashMap<>(masks));
    }

    /** All ones: nothing pruned. */
    public static LayerMasks allKept(MultiLayerNetwork net) {
        Map<String, INDArray> masks = new LinkedHashMap<>();
        LayerWeights.sizes(net).keySet().forEach(name ->
                masks.put(name, Nd4j.onesLike(net.getLayer(name).getParam(LayerWeights.WEIGHT_KEY))));
        return new LayerMasks(masks);
    }

    public Map<String, INDArray> byLayer() {
        return masks;
    }

    public INDArray of(String layer) {
        INDArray m = masks.get(layer);
        if (m == null) {
            throw new IllegalArgumentException("no mask for layer " + layer + "; have " + masks.keySet());
        }
        return m;
    }

    public long kept(String layer) {
        return of(layer).sumNumber().longValue();
    }

    public Map<String, Long> keptByLayer() {
        Map<String, Long> kept = new LinkedHashMap<>();
        masks.keySet().forEach(name -> kept.put(name, kept(name)));
        return kept;
    }

    public long totalKept() {
        return keptByLayer().values().stream().mapToLong(Long::longValue).sum();
    }

    public long totalSize() {
        return masks.values().stream().mapToLong(INDArray::length).sum();
    }

    /** Writes every mask (name, shape, values) to a stream; see {@link #read}. */
    public void write(OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.writeInt(FORMAT);
        data.writeInt(masks.size());
        for (Map.Entry<String, INDArray> e : masks.entrySet()) {
            data.writeUTF(e.getKey());
            Nd4j.write(e.getValue().castTo(DataType.FLOAT), data);
        }
        data.flush();
    }

    public static LayerMasks read(InputStream in, String source) throws IOException {
        DataInputStream data = new DataInputStream(in);
        int format = data.readInt();
        if (format != FORMAT) {
            throw new IOException(source + ": not an olmp mask file (format 0x" + Integer.toHexString(format) + ")");
        }
        int count = data.readInt();
        Map<String, INDArray> masks = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            masks.put(data.readUTF(), Nd4j.read(data));
        }
        return new LayerMasks(masks);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LayerMasks other && masks.equals(other.masks);
    }

    @Override
    public int hashCode() {
        return masks.keySet().hashCode();
    }
}
