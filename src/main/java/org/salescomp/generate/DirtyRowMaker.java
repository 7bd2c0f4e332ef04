package org.salescomp.generate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.salescomp.io.SourceTable;
import org.salescomp.quality.ReasonCode;

/** Makes the rows of {@link DirtyRecipe}s from good rows ({@link DirtySamples}), numbering new keys per table. */
final class DirtyRowMaker {
  static final String UNKNOWN_REP = "R-UNKNOWN";
  static final String UNKNOWN_CUSTOMER = "C-UNKNOWN";
  static final String UNKNOWN_TEAM = "T-UNKNOWN";
  static final String UNKNOWN_DEAL = "D-UNKNOWN";

  private final DirtySamples samples;
  private final Map<SourceTable, Integer> numbers = new EnumMap<>(SourceTable.class);

  DirtyRowMaker(DirtySamples samples) {
    this.samples = samples;
  }

  /** {@code D-DIRTY-0001}, {@code SV-DIRTY-0001}, ...: keys no clean row has. */
  private String newId(String prefix, SourceTable table) {
    int n = numbers.merge(table, 1, Integer::sum);
    return prefix + "-DIRTY-" + String.format("%04d", n);
  }

  private DirtyValues newDeal() {
    return samples.pick(SourceTable.DEALS).set("deal_id", newId("D", SourceTable.DEALS));
  }

  /** A copy of a good deal under a new id, with one thing broken. */
  List<DirtyRow> brokenDeal(ReasonCode reason, UnaryOperator<DirtyValues> breaker) {
    return List.of(breaker.apply(newDeal()).as(reason));
  }

  List<DirtyRow> brokenComplaint(ReasonCode reason, UnaryOperator<DirtyValues> breaker) {
    DirtyValues complaint = samples.pick(SourceTable.COMPLAINTS)
        .set("complaint_id", newId("CP", SourceTable.COMPLAINTS));
    return List.of(breaker.apply(complaint).as(reason));
  }

  List<DirtyRow> brokenSurvey(ReasonCode reason, UnaryOperator<DirtyValues> breaker) {
    DirtyValues survey = samples.pick(SourceTable.CSAT_SURVEYS).set("survey_id", newId("SV", SourceTable.CSAT_SURVEYS));
    return List.of(breaker.apply(survey).as(reason));
  }

  /** Two rows of one new deal id that differ in amount: neither is kept. */
  List<DirtyRow> differingDeals() {
    DirtyValues first = newDeal();
    DirtyValues second = first.copy().set("amount", ((BigDecimal) first.get("amount")).add(BigDecimal.ONE));
    return List.of(first.as(ReasonCode.DUPLICATE_KEY), second.as(ReasonCode.DUPLICATE_KEY));
  }

  /** A copy of a clean deal: the copy is quarantined, the clean deal goes on. */
  List<DirtyRow> identicalDeal() {
    return List.of(samples.pick(SourceTable.DEALS).as(ReasonCode.DUPLICATE_KEY));
  }

  /** A CSV line with one field too many; the key still reads from its first fields. */
  List<DirtyRow> malformedDealLine() {
    DirtyRow row = newDeal().as(ReasonCode.UNPARSEABLE);
    return List.of(new DirtyRow(row.table(), row.values(), row.reason(), row.csvLine() + ",extra"));
  }

  List<DirtyRow> cancelledBeforeClosing() {
    DirtyValues deal = newDeal();
    return List.of(deal.set("status", "cancelled")
        .set("status_date", ((LocalDate) deal.get("close_date")).minusDays(1)).as(ReasonCode.DATE_ORDER));
  }

  /** A copy of a split deal under a new id whose two credits sum to 0.9: the deal and both credits. */
  List<DirtyRow> creditsNot100() {
    return splitDeal("0.400000", null, ReasonCode.CREDITS_NOT_100);
  }

  /** A copy of a split deal whose second credit names no rep: that credit, the deal and its other credit. */
  List<DirtyRow> creditOfUnknownRep() {
    return splitDeal("0.500000", UNKNOWN_REP, ReasonCode.UNKNOWN_REP);
  }

  private List<DirtyRow> splitDeal(String secondShare, String secondRep, ReasonCode secondReason) {
    Object[] split = samples.pickSplitDeal();
    int width = SourceTable.DEALS.schema().fields().length;
    DirtyValues deal = new DirtyValues(SourceTable.DEALS, java.util.Arrays.copyOf(split, width))
        .set("deal_id", newId("D", SourceTable.DEALS));
    Object dealId = deal.get("deal_id");
    Object secondRepId = secondRep != null ? secondRep : split[width + 1];
    return List.of(deal.as(ReasonCode.CREDITS_NOT_100),
        credit(dealId, split[width], "0.500000").as(ReasonCode.CREDITS_NOT_100),
        credit(dealId, secondRepId, secondShare).as(secondReason));
  }

  private static DirtyValues credit(Object dealId, Object repId, String share) {
    return new DirtyValues(SourceTable.DEAL_CREDITS, new Object[] {dealId, repId, new BigDecimal(share)});
  }

  List<DirtyRow> creditOfUnknownDeal() {
    Object rep = samples.pick(SourceTable.DEALS).get("owner_rep_id");
    return List.of(credit(newId(UNKNOWN_DEAL, SourceTable.DEAL_CREDITS), rep, "1.000000").as(ReasonCode.UNKNOWN_DEAL));
  }

  /** A new rep with two roster rows that share a month: both rows. */
  List<DirtyRow> overlappingRoster() {
    LocalDate start = samples.lastDay().withDayOfMonth(1).minusMonths(2);
    DirtyValues first = newRep().set("valid_from", start).set("valid_to", start.plusMonths(2));
    DirtyValues second = first.copy().set("valid_from", start.plusMonths(1)).set("valid_to", null);
    return List.of(first.as(ReasonCode.OVERLAPPING_ROSTER), second.as(ReasonCode.OVERLAPPING_ROSTER));
  }

  /** A new rep whose only roster row ends the day it starts. */
  List<DirtyRow> emptyRosterRow() {
    LocalDate start = samples.lastDay().withDayOfMonth(1);
    return List.of(newRep().set("valid_from", start).set("valid_to", start).as(ReasonCode.DATE_ORDER));
  }

  private DirtyValues newRep() {
    return samples.pick(SourceTable.REPS).set("rep_id", newId("R", SourceTable.REPS))
        .set("manager_id", null).set("mentor_id", null).set("termination_date", null)
        .set("hire_date", samples.lastDay().withDayOfMonth(1).minusMonths(2));
  }

  List<DirtyRow> targetOfUnknownTeam() {
    return List.of(samples.pick(SourceTable.TARGETS).set("scope", "team")
        .set("scope_id", newId(UNKNOWN_TEAM, SourceTable.TARGETS)).as(ReasonCode.UNKNOWN_TEAM));
  }

  List<DirtyRow> targetMidMonth() {
    DirtyValues target = samples.pick(SourceTable.TARGETS).set("period_type", "month")
        .set("metric", newId("revenue", SourceTable.TARGETS));
    return List.of(target.set("period_start", ((LocalDate) target.get("period_start")).withDayOfMonth(15))
        .as(ReasonCode.BAD_PERIOD_START));
  }

  List<DirtyRow> weeklyTarget() {
    return List.of(samples.pick(SourceTable.TARGETS).set("metric", newId("revenue", SourceTable.TARGETS))
        .set("period_type", "week").as(ReasonCode.UNKNOWN_CODE));
  }

  List<DirtyRow> resolvedBeforeOpened() {
    return brokenComplaint(ReasonCode.DATE_ORDER,
        c -> c.set("resolved_date", ((LocalDate) c.get("opened_date")).minusDays(1)));
  }

  List<DirtyRow> identicalCustomer() {
    return List.of(samples.pick(SourceTable.CUSTOMERS).as(ReasonCode.DUPLICATE_KEY));
  }

  List<DirtyRow> customerWithoutId() {
    return List.of(samples.pick(SourceTable.CUSTOMERS).set("customer_id", null).as(ReasonCode.NULL_KEY));
  }

  List<DirtyRow> retentionOfUnknownCustomer() {
    return List.of(samples.pick(SourceTable.CUSTOMER_RETENTION)
        .set("customer_id", newId(UNKNOWN_CUSTOMER, SourceTable.CUSTOMER_RETENTION)).as(ReasonCode.UNKNOWN_CUSTOMER));
  }

  List<DirtyRow> trainingOver100() {
    return List.of(samples.pick(SourceTable.TRAINING_RESULTS).set("course_id", newId("C", SourceTable.TRAINING_RESULTS))
        .set("score", 120).as(ReasonCode.SCORE_OUT_OF_RANGE));
  }

  /** A negative rate of a currency no deal uses (ISO 4217's code for tests), on a date of its own. */
  List<DirtyRow> negativeRate() {
    DirtyValues rate = samples.pick(SourceTable.FX_RATES).set("currency", "XTS");
    int n = numbers.merge(SourceTable.FX_RATES, 1, Integer::sum);
    return List.of(rate.set("rate_date", samples.lastDay().minusDays(n))
        .set("rate_to_reporting", new BigDecimal("-1.000000")).as(ReasonCode.NEGATIVE_AMOUNT));
  }

  List<DirtyRow> adjustmentOfUnknownRep() {
    return List.of(samples.pick(SourceTable.ADJUSTMENTS).set("adjustment_id", newId("ADJ", SourceTable.ADJUSTMENTS))
        .set("rep_id", UNKNOWN_REP).as(ReasonCode.UNKNOWN_REP));
  }
}
