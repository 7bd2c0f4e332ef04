package org.salescomp.marts;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.salescomp.common.Messages;
import org.salescomp.engine.Explanations;
import org.salescomp.engine.PayLines;
import org.salescomp.engine.Payouts;
import org.salescomp.engine.PlanTable;

/** Shapes the engine's baseline output as the published tables {@code commission_lines} and {@code payouts}. */
public final class CommissionLines {
  public static final String RUN_ID = "run_id";

  private CommissionLines() {}

  /**
   * {@code commission_lines}: one row per line of pay of the baseline scenario, with its explanation's
   * key and arguments and, for BI tools, its text in the configured language.
   */
  public static Dataset<Row> published(Dataset<Row> payLines, String runId, Messages messages) {
    List<Column> columns = new ArrayList<>();
    for (String c : PayLines.COLUMNS) {
      if (c.equals(PayLines.EXPLANATION_KEY)) {
        columns.add(Explanations.text(messages).as(PayLines.EXPLANATION));
      }
      if (!c.equals(PayLines.SCENARIO)) {
        columns.add(col(c));
      }
    }
    columns.add(col(PayLines.FOR_MONTH));
    columns.add(col(PayLines.FOR_LINE_TYPE));
    columns.add(lit(runId).as(RUN_ID));
    return baseline(payLines).select(columns.toArray(Column[]::new));
  }

  /** {@code payouts}: one row per rep and month of the baseline scenario. */
  public static Dataset<Row> publishedPayouts(Dataset<Row> payouts, String runId) {
    List<Column> columns = new ArrayList<>(List.of(col(Payouts.REP_ID), col(Payouts.MONTH)));
    Payouts.amountColumns().forEach(c -> columns.add(col(c)));
    columns.add(lit(runId).as(RUN_ID));
    return baseline(payouts).select(columns.toArray(Column[]::new));
  }

  private static Dataset<Row> baseline(Dataset<Row> rows) {
    return rows.where(col(PlanTable.SCENARIO).equalTo(lit(PlanTable.BASELINE)));
  }
}
