package org.salescomp.common;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.salescomp.testing.Frames.row;

import java.math.BigDecimal;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.salescomp.testing.Frames;

/** {@link Money#sum}: summed in whole cents, the same as a decimal sum cast to money, to the cent. */
@Tag("fast")
class MoneySumTest {
  private static final String SCHEMA = "k string, amount decimal(18,2)";

  private static Row sums(Dataset<Row> rows) {
    return rows.agg(Money.sum(col("amount")).as("cents"), sum(col("amount")).cast(Money.MONEY).as("decimal")).first();
  }

  @Test
  void equalsTheDecimalSumWithNegativesNullsAndCents() {
    Row r = sums(Frames.of(SCHEMA, row("a", "1234567890123.45"), row("a", "-0.05"), row("a", null),
        row("a", "0.01"), row("a", "-999999.99")));
    assertThat(r.getDecimal(0)).isEqualTo(new BigDecimal("1234566890123.42"));
    assertThat(r.getDecimal(0)).isEqualTo(r.getDecimal(1));
    assertThat(r.schema().apply("cents").dataType()).isEqualTo(Money.MONEY);
  }

  @Test
  void isNullOverNoRowsAndOverOnlyNulls() {
    assertThat(sums(Frames.of(SCHEMA)).isNullAt(0)).isTrue();
    assertThat(sums(Frames.of(SCHEMA, row("a", null))).isNullAt(0)).isTrue();
  }

  @Test
  void isNullWhenTheSumNeedsMoreThanEighteenDigits() {
    Row r = sums(Frames.of(SCHEMA, row("a", "9999999999999999.99"), row("a", "0.01")));
    assertThat(r.isNullAt(0)).isTrue();
    assertThat(r.isNullAt(1)).isTrue();
  }
}
