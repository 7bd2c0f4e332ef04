package org.salescomp.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Date;
import java.time.YearMonth;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salescomp.engine.BalanceLines;
import org.salescomp.io.LakehousePaths;
import org.salescomp.testing.SharedSpark;

/** The balances a run or a simulation opens its first month with, read from the published {@code rep_balances}. */
@Tag("slow")
class LedgerTest {
  private static final BigDecimal NONE = new BigDecimal("0.00");
  private final SparkSession spark = SharedSpark.session();
  @TempDir Path lakehouse;

  @Test
  void theOpeningReadsTheBalancesAtTheVersionGivenNotOnesCommittedSince() {
    Ledger ledger = new Ledger(spark, lakehouse.toString());
    assertThat(ledger.balancesVersion()).isEqualTo(-1);
    assertThat(ledger.openingAt(YearMonth.of(2025, 5)).balances().count()).isZero();

    owes("r1", "2025-03-01", "40.00");
    long read = ledger.balancesVersion();
    // a run commits after the version was taken: r1 now owes 25.00 after April, and r2 owes too
    owes("r1", "2025-04-01", "25.00");
    owes("r2", "2025-04-01", "7.50");

    assertThat(read).isZero();
    assertThat(ledger.openingAt(YearMonth.of(2025, 5), read).balances().collectAsList())
        .containsExactly(RowFactory.create("r1", new BigDecimal("40.00")));
    // the latest version: each rep's latest closing up to April; May's own rows are not read
    owes("r1", "2025-05-01", "99.00");
    assertThat(ledger.openingAt(YearMonth.of(2025, 5)).balances().orderBy("rep_id").collectAsList())
        .containsExactly(RowFactory.create("r1", new BigDecimal("25.00")), RowFactory.create("r2", new BigDecimal("7.50")));
  }

  /** Appends one rep_balances row: the rep owes {@code closing} after the month, nothing moved. */
  private void owes(String rep, String month, String closing) {
    BigDecimal owed = new BigDecimal(closing);
    Row row = RowFactory.create(rep, Date.valueOf(month), owed, NONE, NONE, NONE, NONE, owed, "an earlier run");
    spark.createDataFrame(List.of(row), BalanceLines.TABLE.schema()).write().format("delta").mode("append")
        .save(LakehousePaths.table(lakehouse.toString(), BalanceLines.TABLE.name()));
  }
}
