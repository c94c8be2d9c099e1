package io.olmp.distributed;

import io.olmp.prune.LayerThresholds;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One generation's thresholds in a compact serialisable form: layer names and a row per candidate. */
public record CandidateBatch(List<String> layers, double[][] thresholds) implements Serializable {

    public static CandidateBatch of(List<LayerThresholds> candidates) {
        List<String> layers = new ArrayList<>(candidates.get(0).byLayer().keySet());
        double[][] rows = new double[candidates.size()][layers.size()];
        for (int c = 0; c < rows.length; c++) {
            for (int l = 0; l < layers.size(); l++) {
                rows[c][l] = candidates.get(c).of(layers.get(l));
            }
        }
        return new CandidateBatch(List.copyOf(layers), rows);
    }

    public List<LayerThresholds> toThresholds() {
        List<LayerThresholds> out = new ArrayList<>(thresholds.length);
        for (double[] row : thresholds) {
            Map<String, Double> byLayer = new LinkedHashMap<>();
            for (int l = 0; l < layers.size(); l++) {
                byLayer.put(layers.get(l), row[l]);
            }
            out.add(new LayerThresholds(byLayer));
        }
        return out;
    }
}
