package io.olmp.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchPrunedRangeTest {

    private final BenchCommand.PrunedRange.Converter converter = new BenchCommand.PrunedRange.Converter();

    @Test
    void readsLowDashHigh() {
        assertThat(converter.convert("40-60")).isEqualTo(new BenchCommand.PrunedRange(40, 60));
        assertThat(converter.convert("0-30").toString()).isEqualTo("0-30");
    }

    @Test
    void rejectsRangesThatAreNotPercentagesInOrder() {
        assertThatThrownBy(() -> converter.convert("99-80")).isInstanceOf(CommandLine.TypeConversionException.class)
                .hasMessageContaining("0 <= LOW <= HIGH < 100");
        assertThatThrownBy(() -> converter.convert("50-100")).hasMessageContaining("0 <= LOW <= HIGH < 100");
        assertThatThrownBy(() -> converter.convert("80")).hasMessageContaining("expected LOW-HIGH such as 80-99");
        assertThatThrownBy(() -> converter.convert("a-b")).hasMessageContaining("not a number in 'a-b'");
    }
}
