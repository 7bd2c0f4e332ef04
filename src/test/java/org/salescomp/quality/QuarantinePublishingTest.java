package org.salescomp.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salescomp.domain.RunScope;
import org.salescomp.io.DeltaPublisher;
import org.salescomp.testing.SharedSpark;

/**
 * How the quarantine is published: each run replaces its own rows ({@link Quarantine#TABLE}), so a
 * rerun with the same run id leaves one copy and other runs' rows stay. Delta IO is the point here.
 */
@Tag("slow")
class QuarantinePublishingTest {
  @TempDir Path lakehouse;

  @Test
  void aRunReplacesItsOwnRowsOnly() {
    publish("run-1", row("run-1", "deal_id=D1"), row("run-1", "deal_id=D2"));
    publish("run-2", row("run-2", "deal_id=D3"));
    // run-1 again, after its input was fixed: one bad row left
    publish("run-1", row("run-1", "deal_id=D2"));
    // a run's quote in its id does not break the predicate
    publish("manual__o'clock", row("manual__o'clock", "deal_id=D4"));

    Dataset<Row> table = SharedSpark.session().read().format("delta").load(lakehouse.resolve(Quarantine.TABLE.name()).toString());
    assertThat(table.selectExpr("concat(run_id, ' ', row_key)").as(Encoders.STRING()).collectAsList())
        .containsExactlyInAnyOrder("run-1 deal_id=D2", "run-2 deal_id=D3", "manual__o'clock deal_id=D4");
  }

  @Test
  void aCleanRunLeavesNoRowsOfItsOwn() {
    publish("run-1", row("run-1", "deal_id=D1"));
    publish("run-1");

    assertThat(SharedSpark.session().read().format("delta").load(lakehouse.resolve(Quarantine.TABLE.name()).toString())
        .count()).isZero();
  }

  private void publish(String runId, Row... rows) {
    Dataset<Row> quarantine = SharedSpark.session().createDataFrame(List.of(rows), Quarantine.SCHEMA);
    new DeltaPublisher(SharedSpark.session(), lakehouse.toString(), runId)
        .publish(Quarantine.TABLE, quarantine, RunScope.backfill(YearMonth.of(2025, 1), YearMonth.of(2025, 1)));
  }

  private static Row row(String runId, String key) {
    return RowFactory.create(runId, "deals", "NEGATIVE_AMOUNT", key, "{}", "amount -1.00 is not positive");
  }
}
