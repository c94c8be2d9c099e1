package io.olmp.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Writes and reads the JSON form of {@link NcsState}; the format is documented there. */
final class NcsStateJson {

    static final String FORMAT = "olmp-ncs-state";
    static final int VERSION = 1;
    static final String RANDOM_ALGORITHM = "xoshiro256**+polar";

    private NcsStateJson() {
    }

    static String write(NcsState state) {
        StringBuilder b = new StringBuilder(256 + state.populationSize() * state.dimension() * 50);
        b.append("{\n");
        b.append("  \"format\": ").append(Json.quote(FORMAT)).append(",\n");
        b.append("  \"version\": ").append(VERSION).append(",\n");
        b.append("  \"generation\": ").append(state.generation()).append(",\n");
        b.append("  \"evaluations\": ").append(state.evaluations()).append(",\n");
        b.append("  \"lambdaSigma\": ").append(number(state.lambdaSigma())).append(",\n");
        b.append("  \"best\": {\"x\": ");
        array(b, state.bestX());
        b.append(", \"f\": ").append(number(state.bestFitness())).append("},\n");
        b.append("  \"processes\": [\n");
        for (int k = 0; k < state.populationSize(); k++) {
            SearchProcess p = state.process(k);
            b.append("    {\"x\": ");
            array(b, p.mean());
            b.append(", \"sigma\": ");
            array(b, p.sigma());
            b.append(", \"f\": ").append(number(p.fitness()));
            b.append(", \"successes\": ").append(p.successes()).append('}');
            b.append(k + 1 < state.populationSize() ? ",\n" : "\n");
        }
        b.append("  ],\n");
        RandomState r = state.random();
        b.append("  \"random\": {\"algorithm\": ").append(Json.quote(RANDOM_ALGORITHM));
        b.append(", \"s\": [").append(hex(r.s0())).append(", ").append(hex(r.s1())).append(", ")
                .append(hex(r.s2())).append(", ").append(hex(r.s3())).append(']');
        b.append(", \"spareNormal\": ").append(r.hasSpareNormal() ? number(r.spareNormal()) : "null");
        b.append("}\n}\n");
        return b.toString();
    }

    static NcsState read(String json) {
        Map<String, Object> root = object(Json.parse(json), "the document");
        Object format = root.get("format");
        if (!FORMAT.equals(format)) {
            throw new IllegalArgumentException("\"format\" must be \"" + FORMAT + "\", but was "
                    + (format instanceof String s ? Json.quote(s) : format));
        }
        long version = longValue(root, "version");
        if (version != VERSION) {
            throw new IllegalArgumentException("\"version\" must be " + VERSION
                    + " (the only version this reader knows), but was " + version);
        }
        long generation = longValue(root, "generation");
        if (generation < 0 || generation > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("\"generation\" must be in [0, " + Integer.MAX_VALUE
                    + "], but was " + generation);
        }
        long evaluations = longValue(root, "evaluations");
        double lambdaSigma = doubleValue(root.get("lambdaSigma"), "lambdaSigma");
        Map<String, Object> best = object(root.get("best"), "\"best\"");
        double[] bestX = doubles(best.get("x"), "best.x");
        double bestF = doubleValue(best.get("f"), "best.f");
        List<Object> processList = list(root.get("processes"), "processes");
        List<SearchProcess> processes = new ArrayList<>(processList.size());
        for (int k = 0; k < processList.size(); k++) {
            String where = "processes[" + k + "]";
            Map<String, Object> p = object(processList.get(k), where);
            long successes = longValue(p, "successes");
            if (successes < 0 || successes > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(where + ".successes must be in [0, "
                        + Integer.MAX_VALUE + "], but was " + successes);
            }
            processes.add(new SearchProcess(doubles(p.get("x"), where + ".x"),
                    doubles(p.get("sigma"), where + ".sigma"),
                    doubleValue(p.get("f"), where + ".f"), (int) successes));
        }
        Map<String, Object> random = object(root.get("random"), "\"random\"");
        if (!RANDOM_ALGORITHM.equals(random.get("algorithm"))) {
            throw new IllegalArgumentException("random.algorithm must be \"" + RANDOM_ALGORITHM
                    + "\", but was " + random.get("algorithm"));
        }
        List<Object> words = list(random.get("s"), "random.s");
        if (words.size() != 4) {
            throw new IllegalArgumentException("random.s must hold 4 words, but held " + words.size());
        }
        long[] s = new long[4];
        for (int i = 0; i < 4; i++) {
            if (!(words.get(i) instanceof String word) || word.length() != 16) {
                throw new IllegalArgumentException("random.s[" + i
                        + "] must be a string of 16 hex digits, but was " + words.get(i));
            }
            try {
                s[i] = Long.parseUnsignedLong(word, 16);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("random.s[" + i
                        + "] must be a string of 16 hex digits, but was " + Json.quote(word), e);
            }
        }
        Object spare = random.get("spareNormal");
        boolean hasSpare = spare != null && spare != Json.NULL;
        double spareValue = hasSpare ? doubleValue(spare, "random.spareNormal") : 0.0;
        RandomState randomState = new RandomState(s[0], s[1], s[2], s[3], hasSpare, spareValue);
        return new NcsState((int) generation, evaluations, processes, lambdaSigma, bestX, bestF, randomState);
    }

    private static String number(double v) {
        if (Double.isNaN(v)) {
            return "\"NaN\"";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "\"Infinity\"" : "\"-Infinity\"";
        }
        return Double.toString(v);
    }

    private static void array(StringBuilder b, double[] values) {
        b.append('[');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                b.append(", ");
            }
            b.append(number(values[i]));
        }
        b.append(']');
    }

    private static String hex(long word) {
        String digits = Long.toHexString(word);
        return "\"" + "0".repeat(16 - digits.length()) + digits + "\"";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value, String where) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new IllegalArgumentException(where + " must be a JSON object, but was " + describe(value));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value, String where) {
        if (value instanceof List<?> l) {
            return (List<Object>) l;
        }
        throw new IllegalArgumentException(where + " must be a JSON array, but was " + describe(value));
    }

    private static long longValue(Map<String, Object> map, String name) {
        Object value = map.get(name);
        if (value instanceof Json.JsonNumber n) {
            try {
                return Long.parseLong(n.text());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("\"" + name + "\" must be an integer, but was " + n.text(), e);
            }
        }
        throw new IllegalArgumentException("\"" + name + "\" must be an integer, but was " + describe(value));
    }

    private static double doubleValue(Object value, String where) {
        if (value instanceof Json.JsonNumber n) {
            return Double.parseDouble(n.text());
        }
        if (value instanceof String s) {
            switch (s) {
                case "NaN":
                    return Double.NaN;
                case "Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    break;
            }
        }
        throw new IllegalArgumentException(where + " must be a number or one of \"NaN\", \"Infinity\", "
                + "\"-Infinity\", but was " + describe(value));
    }

    private static double[] doubles(Object value, String where) {
        List<Object> l = list(value, where);
        double[] result = new double[l.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = doubleValue(l.get(i), where + "[" + i + "]");
        }
        return result;
    }

    private static String describe(Object value) {
        if (value == null) {
            return "missing";
        }
        if (value instanceof Json.JsonNumber n) {
            return n.text();
        }
        if (value instanceof String s) {
            return Json.quote(s);
        }
        return value instanceof Map ? "an object" : value instanceof List ? "an array" : String.valueOf(value);
    }
}
