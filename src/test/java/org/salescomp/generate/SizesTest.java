package org.salescomp.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.YearMonth;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** How much a scale generates, and how it is split into partitions. */
@Tag("fast")
class SizesTest {

  @Test
  void scaleOneOverTwoYearsIsTwoHundredRepsAndOneHundredThousandDeals() {
    Sizes sizes = Sizes.of(1, 24);
    assertThat(sizes.reps()).isEqualTo(200);
    assertThat(sizes.teams()).isEqualTo(20);
    assertThat(sizes.deals()).isEqualTo(100_000);
  }

  @Test
  void dealsFollowTheScaleAndRepsOnlyAboveOne() {
    assertThat(Sizes.of(0.05, 24).deals()).isEqualTo(5_000);
    assertThat(Sizes.of(0.05, 24).reps()).isEqualTo(200);
    assertThat(Sizes.of(10, 24).deals()).isEqualTo(1_000_000);
    assertThat(Sizes.of(10, 24).reps()).isEqualTo(2_000);
    assertThat(Sizes.of(10, 24).teams()).isEqualTo(200);
    // a shorter period has proportionally fewer deals: the same deal rate per rep-month
    assertThat(Sizes.of(1, 6).deals()).isEqualTo(25_000);
  }

  @Test
  void partitionsDependOnTheRowCountOnly() {
    assertThat(Distributed.partitions(1, 100_000)).isEqualTo(1);
    assertThat(Distributed.partitions(100_000, 100_000)).isEqualTo(1);
    assertThat(Distributed.partitions(100_001, 100_000)).isEqualTo(2);
    assertThat(Distributed.partitions(10_000_000, 100_000)).isEqualTo(100);
  }

  @Test
  void optionsRejectNonsense() {
    Path out = Path.of("unused");
    YearMonth start = YearMonth.of(2025, 1);
    assertThatThrownBy(() -> new GeneratorOptions(out, 42, 0, start, 24, OutputFormat.CSV))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scale");
    assertThatThrownBy(() -> new GeneratorOptions(out, 42, 1, start, 0, OutputFormat.CSV))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("months");
  }
}
