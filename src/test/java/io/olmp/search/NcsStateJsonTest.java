package io.olmp.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class NcsStateJsonTest {

    /** A state with every awkward value: infinities, NaN, -0.0, extremes, words with the top bit set. */
    static NcsState awkwardState() {
        return new NcsState(12, 130,
                List.of(new SearchProcess(new double[] {1.5, -0.0, Double.MIN_VALUE}, new double[] {0.1, 1e-300, 5},
                                Double.POSITIVE_INFINITY, 3),
                        new SearchProcess(new double[] {Double.MAX_VALUE, 0.1 + 0.2, -7}, new double[] {2, 2, 2},
                                Double.NaN, 0)),
                0.0925, new double[] {1.5, -0.0, Double.MIN_VALUE}, Double.NEGATIVE_INFINITY,
                new RandomState(0x9E3779B97F4A7C15L, -1L, 1L, Long.MIN_VALUE, true, -0.3141592653589793));
    }

    @Test
    void roundTripIsBitExact() {
        NcsState state = awkwardState();
        NcsState back = NcsState.fromJson(state.toJson());
        assertEquals(state, back);
        assertEquals(state.toJson(), back.toJson());
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(back.process(0).mean()[1]));
    }

    @Test
    void roundTripOfARealRunIsBitExact() {
        Ncs ncs = new Ncs(NcsParams.defaults(10, 50, 8, 0, 100));
        NcsState state = ncs.run(ncs.init(SerialEvaluator.of(AnalyticFunction.RASTRIGIN), 5), SerialEvaluator.of(
                AnalyticFunction.RASTRIGIN), GenerationListener.NONE, Termination.afterGenerations(7));
        assertEquals(state, NcsState.fromJson(state.toJson()));
    }

    @Test
    void writesTheDocumentedVersionOneFormat() throws IOException {
        assertEquals(resource("ncs-state-v1.json"), awkwardState().toJson());
    }

    @Test
    void readsTheVersionOneFixture() throws IOException {
        assertEquals(awkwardState(), NcsState.fromJson(resource("ncs-state-v1.json")));
    }

    @Test
    void absentSpareNormalIsWrittenAsNull() {
        NcsState state = Scripted.state(0, 0.1, new double[] {0}, 1,
                new SearchProcess(new double[] {0}, new double[] {1}, 1, 0),
                new SearchProcess(new double[] {1}, new double[] {1}, 2, 0));
        assertTrue(state.toJson().contains("\"spareNormal\": null"));
        assertEquals(state, NcsState.fromJson(state.toJson()));
    }

    @Test
    void rejectsOtherFormatsAndVersions() {
        String json = awkwardState().toJson();
        IllegalArgumentException format = assertThrows(IllegalArgumentException.class,
                () -> NcsState.fromJson(json.replace("olmp-ncs-state", "something-else")));
        assertEquals("\"format\" must be \"olmp-ncs-state\", but was \"something-else\"", format.getMessage());
        IllegalArgumentException version = assertThrows(IllegalArgumentException.class,
                () -> NcsState.fromJson(json.replace("\"version\": 1", "\"version\": 2")));
        assertEquals("\"version\" must be 1 (the only version this reader knows), but was 2", version.getMessage());
    }

    @Test
    void rejectsMalformedOrIncompleteDocumentsNamingTheProblem() {
        String json = awkwardState().toJson();
        IllegalArgumentException truncated = assertThrows(IllegalArgumentException.class,
                () -> NcsState.fromJson(json.substring(0, json.length() / 2)));
        assertTrue(truncated.getMessage().startsWith("Malformed JSON at offset"), truncated.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> NcsState.fromJson(json.replace("\"evaluations\": 130,", "")));
        assertEquals("\"evaluations\" must be an integer, but was missing", missing.getMessage());
        IllegalArgumentException badWord = assertThrows(IllegalArgumentException.class,
                () -> NcsState.fromJson(json.replace("9e3779b97f4a7c15", "9e3779b97f4a7c1x")));
        assertTrue(badWord.getMessage().startsWith("random.s[0] must be a string of 16 hex digits"));
        IllegalArgumentException badNumber = assertThrows(IllegalArgumentException.class,
                () -> NcsState.fromJson(json.replace("\"lambdaSigma\": 0.0925", "\"lambdaSigma\": \"lots\"")));
        assertTrue(badNumber.getMessage().startsWith("lambdaSigma must be a number"), badNumber.getMessage());
    }

    @Test
    void jsonReaderHandlesEscapesAndRejectsTrailingText() {
        Object parsed = Json.parse(" {\"a\\n\\u0041\": [1, -2.5e-3, true, null, \"x\\\"y\"]} ");
        assertEquals("{a\nA=[JsonNumber[text=1], JsonNumber[text=-2.5e-3], true, null, x\"y]}", parsed.toString());
        assertThrows(IllegalArgumentException.class, () -> Json.parse("{} x"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("[01]"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\": 1, \"a\": 2}"));
    }

    static String resource(String name) throws IOException {
        try (InputStream in = NcsStateJsonTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("test resource missing: io/olmp/search/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
