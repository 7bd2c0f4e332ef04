package org.salescomp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class TextTableTest {
  @Test
  void columnsTakeTheWidthOfTheirLongestCellAndAtLeastThree() {
    String table = TextTable.render(List.of("m", "total"), List.of(List.of("2025-01", "12.50"), List.of("x", "7")));

    assertThat(table.lines()).containsExactly(
        "+-------+-----+",
        "|m      |total|",
        "+-------+-----+",
        "|2025-01|12.50|",
        "|x      |7    |",
        "+-------+-----+");
  }

  @Test
  void aResultWithoutRowsStillShowsItsHeader() {
    assertThat(TextTable.render(List.of("a"), List.of()).lines()).containsExactly("+---+", "|a  |", "+---+", "+---+");
  }
}
