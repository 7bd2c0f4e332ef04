package org.salescomp.generate;

import java.util.List;
import java.util.function.Function;
import org.salescomp.io.SourceTable;
import org.salescomp.quality.ReasonCode;

/**
 * How one reason code is produced (the rows come from {@link DirtyRowMaker}). A recipe copies good
 * rows and breaks one thing, so that the gate quarantines exactly the rows it returns, each with
 * exactly the reason given, and nothing else: new keys (no clean row is touched, nothing hangs off a
 * new row), valid references except the one broken, dates on or before the last generated day. Two
 * kinds touch more than one row, and list every row they touch: an identical copy of a clean row (the
 * copy is quarantined, the clean row stays accepted), and a deal whose credits fail (the deal and its
 * credit rows).
 *
 * @param host the table whose share of bad rows the recipe counts against
 * @param essential injected at least once whatever the fraction: together the essential recipes
 *     produce every reason code of {@link ReasonCode} (UNPARSEABLE only in CSV output)
 */
record DirtyRecipe(SourceTable host, ReasonCode reason, boolean essential,
    Function<DirtyRowMaker, List<DirtyRow>> make) {

  /** Only CSV can hold a value that does not parse. */
  boolean csvOnly() {
    return reason == ReasonCode.UNPARSEABLE;
  }

  /** Every recipe, the essential ones first; the order is part of the output (determinism). */
  static List<DirtyRecipe> all() {
    return List.of(
        essential(SourceTable.DEALS, ReasonCode.NULL_KEY, m -> m.brokenDeal(ReasonCode.NULL_KEY,
            d -> d.set("deal_id", null))),
        essential(SourceTable.DEALS, ReasonCode.DUPLICATE_KEY, DirtyRowMaker::differingDeals),
        essential(SourceTable.DEALS, ReasonCode.UNPARSEABLE, m -> m.brokenDeal(ReasonCode.UNPARSEABLE,
            d -> d.set("amount", new DirtyRow.Text("12O.00")))),
        essential(SourceTable.DEALS, ReasonCode.UNPARSEABLE, DirtyRowMaker::malformedDealLine),
        essential(SourceTable.DEALS, ReasonCode.MISSING_VALUE, m -> m.brokenDeal(ReasonCode.MISSING_VALUE,
            d -> d.set("channel", null))),
        essential(SourceTable.DEALS, ReasonCode.NEGATIVE_AMOUNT, m -> m.brokenDeal(ReasonCode.NEGATIVE_AMOUNT,
            d -> d.set("amount", new java.math.BigDecimal("-250.00")))),
        essential(SourceTable.DEALS, ReasonCode.UNKNOWN_STATUS, m -> m.brokenDeal(ReasonCode.UNKNOWN_STATUS,
            d -> d.set("status", "pending"))),
        essential(SourceTable.DEALS, ReasonCode.DATE_ORDER, DirtyRowMaker::cancelledBeforeClosing),
        essential(SourceTable.DEALS, ReasonCode.UNKNOWN_CUSTOMER, m -> m.brokenDeal(ReasonCode.UNKNOWN_CUSTOMER,
            d -> d.set("customer_id", DirtyRowMaker.UNKNOWN_CUSTOMER))),
        essential(SourceTable.DEALS, ReasonCode.UNKNOWN_REP, m -> m.brokenDeal(ReasonCode.UNKNOWN_REP,
            d -> d.set("owner_rep_id", DirtyRowMaker.UNKNOWN_REP))),
        essential(SourceTable.DEALS, ReasonCode.FX_MISSING, m -> m.brokenDeal(ReasonCode.FX_MISSING,
            d -> d.set("currency", "JPY"))),
        essential(SourceTable.DEAL_CREDITS, ReasonCode.CREDITS_NOT_100, DirtyRowMaker::creditsNot100),
        essential(SourceTable.DEAL_CREDITS, ReasonCode.UNKNOWN_DEAL, DirtyRowMaker::creditOfUnknownDeal),
        essential(SourceTable.REPS, ReasonCode.OVERLAPPING_ROSTER, DirtyRowMaker::overlappingRoster),
        essential(SourceTable.TARGETS, ReasonCode.UNKNOWN_TEAM, DirtyRowMaker::targetOfUnknownTeam),
        essential(SourceTable.TARGETS, ReasonCode.BAD_PERIOD_START, DirtyRowMaker::targetMidMonth),
        essential(SourceTable.COMPLAINTS, ReasonCode.UNKNOWN_CODE, m -> m.brokenComplaint(ReasonCode.UNKNOWN_CODE,
            c -> c.set("severity", "urgent"))),
        essential(SourceTable.CSAT_SURVEYS, ReasonCode.SCORE_OUT_OF_RANGE, m -> m.brokenSurvey(
            ReasonCode.SCORE_OUT_OF_RANGE, s -> s.set("score", 6))),
        // more, as each table's share of the fraction allows
        further(SourceTable.DEALS, ReasonCode.DUPLICATE_KEY, DirtyRowMaker::identicalDeal),
        further(SourceTable.DEAL_CREDITS, ReasonCode.UNKNOWN_REP, DirtyRowMaker::creditOfUnknownRep),
        further(SourceTable.CSAT_SURVEYS, ReasonCode.UNKNOWN_CUSTOMER, m -> m.brokenSurvey(ReasonCode.UNKNOWN_CUSTOMER,
            s -> s.set("customer_id", DirtyRowMaker.UNKNOWN_CUSTOMER))),
        further(SourceTable.CSAT_SURVEYS, ReasonCode.UNPARSEABLE, m -> m.brokenSurvey(ReasonCode.UNPARSEABLE,
            s -> s.set("score", new DirtyRow.Text("five")))),
        further(SourceTable.COMPLAINTS, ReasonCode.DATE_ORDER, DirtyRowMaker::resolvedBeforeOpened),
        further(SourceTable.REPS, ReasonCode.DATE_ORDER, DirtyRowMaker::emptyRosterRow),
        further(SourceTable.CUSTOMERS, ReasonCode.DUPLICATE_KEY, DirtyRowMaker::identicalCustomer),
        further(SourceTable.CUSTOMERS, ReasonCode.NULL_KEY, DirtyRowMaker::customerWithoutId),
        further(SourceTable.CUSTOMER_RETENTION, ReasonCode.UNKNOWN_CUSTOMER, DirtyRowMaker::retentionOfUnknownCustomer),
        further(SourceTable.TARGETS, ReasonCode.UNKNOWN_CODE, DirtyRowMaker::weeklyTarget),
        further(SourceTable.TRAINING_RESULTS, ReasonCode.SCORE_OUT_OF_RANGE, DirtyRowMaker::trainingOver100),
        further(SourceTable.FX_RATES, ReasonCode.NEGATIVE_AMOUNT, DirtyRowMaker::negativeRate),
        further(SourceTable.ADJUSTMENTS, ReasonCode.UNKNOWN_REP, DirtyRowMaker::adjustmentOfUnknownRep));
  }

  private static DirtyRecipe essential(SourceTable host, ReasonCode reason,
      Function<DirtyRowMaker, List<DirtyRow>> make) {
    return new DirtyRecipe(host, reason, true, make);
  }

  private static DirtyRecipe further(SourceTable host, ReasonCode reason,
      Function<DirtyRowMaker, List<DirtyRow>> make) {
    return new DirtyRecipe(host, reason, false, make);
  }
}
