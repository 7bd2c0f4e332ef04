package org.salescomp.intermediate;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.salescomp.common.Money;
import org.salescomp.common.Periods;

/**
 * The KPI events of credited deals ({@link KpiMonthFacts} rows), in one pass over {@link CreditedDeals}:
 * per credit row, an event in the close month ({@code revenue} = the credited amount, every status;
 * {@code won_deals} = 1, a deal being credited once per rep) and, when its status_date is known, an
 * event in the status month ({@code cancelled_amount} = the credited amount). Both count for the team
 * of the rep's roster row on the close date.
 */
public final class DealCreditFacts {
  private static final String EVENT = "event";

  private DealCreditFacts() {}

  public static Dataset<Row> build(Dataset<Row> creditedDeals) {
    Column amount = col(CreditedDeals.CREDITED_AMOUNT);
    Column closed = struct(col(CreditedDeals.MONTH).as(KpiMonthFacts.MONTH), amount.as(KpiMonthFacts.REVENUE),
        lit(1).as(KpiMonthFacts.WON_DEALS), Money.zero().as(KpiMonthFacts.CANCELLED_AMOUNT));
    Column cancelled = when(col(CreditedDeals.STATUS_DATE).isNotNull(), struct(
        Periods.monthOf(col(CreditedDeals.STATUS_DATE)).as(KpiMonthFacts.MONTH), Money.zero().as(KpiMonthFacts.REVENUE),
        lit(0).as(KpiMonthFacts.WON_DEALS), amount.as(KpiMonthFacts.CANCELLED_AMOUNT)));
    Column event = col(EVENT);
    return creditedDeals
        .select(col(CreditedDeals.REP_ID), col(CreditedDeals.TEAM_ID),
            explode(array(closed, cancelled)).as(EVENT))
        // a deal without a status date has no cancellation event (filtered here, not by a lambda per row)
        .where(col(EVENT).isNotNull())
        .select(KpiMonthFacts.eventColumns(col(CreditedDeals.REP_ID), col(CreditedDeals.TEAM_ID),
            event.getField(KpiMonthFacts.MONTH), Map.of(
                KpiMonthFacts.REVENUE, event.getField(KpiMonthFacts.REVENUE),
                KpiMonthFacts.WON_DEALS, event.getField(KpiMonthFacts.WON_DEALS),
                KpiMonthFacts.CANCELLED_AMOUNT, event.getField(KpiMonthFacts.CANCELLED_AMOUNT))));
  }
}
