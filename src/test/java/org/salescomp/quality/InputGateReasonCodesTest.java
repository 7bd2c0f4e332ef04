package org.salescomp.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.salescomp.quality.GateInputs.deal;
import static org.salescomp.quality.GateInputs.row;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.salescomp.config.QualityRules;
import org.salescomp.io.SourceTable;

/**
 * One test per reason code: a hand-built bad row lands in quarantine with exactly that code, and the
 * good rows beside it are accepted. Each test adds its rows (ids of its own) to the company of
 * {@link GateInputs#company}, every table as text the way CSV is read, and the gate runs once over
 * all of them (it runs about twenty Spark jobs, whatever the size). Every row is accounted for:
 * read = accepted + quarantined + deferred per source, checked against a separate count of the input.
 */
@Tag("fast")
class InputGateReasonCodesTest {
  private static final List<Consumer<GateInputs>> CASES = List.of(
      InputGateReasonCodesTest::unparseableRows, InputGateReasonCodesTest::nullKeyRows,
      InputGateReasonCodesTest::duplicateRows, InputGateReasonCodesTest::missingValueRows,
      InputGateReasonCodesTest::negativeAmountRows, InputGateReasonCodesTest::unknownStatusRows,
      InputGateReasonCodesTest::unknownCodeRows, InputGateReasonCodesTest::scoreRows,
      InputGateReasonCodesTest::periodStartRows, InputGateReasonCodesTest::dateOrderRows,
      InputGateReasonCodesTest::overlapRows, InputGateReasonCodesTest::unknownTeamRows,
      InputGateReasonCodesTest::unknownDealRows, InputGateReasonCodesTest::unknownCustomerRows,
      InputGateReasonCodesTest::unknownRepRows, InputGateReasonCodesTest::creditedRepRows,
      InputGateReasonCodesTest::terminatedRepRows,
      InputGateReasonCodesTest::fxRows, InputGateReasonCodesTest::creditRows,
      InputGateReasonCodesTest::personalDataRows, InputGateReasonCodesTest::deferredRows);

  private static GateResult gate;
  private static Outcomes outcomes;

  @BeforeAll
  static void runTheGateOnceOverEveryCase() {
    GateInputs inputs = GateInputs.company().asText();
    CASES.forEach(c -> c.accept(inputs));
    gate = InputGate.check(inputs.data(), LocalDate.parse(GateInputs.LOGICAL_DATE), "USD");
    outcomes = new Outcomes(gate);
  }

  @AfterAll
  static void release() {
    gate.unpersist();
  }

  @Test
  void everyRowIsAccountedFor() {
    // the company's own rows are all good
    assertThat(outcomes.one(SourceTable.DEALS, "deal_id=D1")).isEqualTo("accepted");
    for (SourceTally tally : gate.tally()) {
      assertThat(tally.read()).as(tally.table().tableName())
          .isEqualTo(tally.accepted() + tally.quarantined() + tally.deferred());
    }
    SourceTally deals = gate.tally().get(SourceTable.DEALS.ordinal());
    assertThat(deals.read()).isEqualTo(outcomes.keys(SourceTable.DEALS).stream()
        .mapToLong(k -> outcomes.of(SourceTable.DEALS, k).size()).sum());
    assertThat(gate.tally()).extracting(c -> c.table().tableName()).containsExactly(
        "deals", "deal_credits", "customers", "customer_retention", "complaints", "csat_surveys", "reps", "teams",
        "targets", "training_results", "fx_rates", "adjustments");
  }

  @Test
  void aboveTheThresholdTheGateRaisesNamingSourceCountAndTopReasons() {
    // a third of these hand-built deals are bad on purpose; 100% may be bad
    assertThatCode(() -> gate.requireWithinThreshold(QualityRules.uniform(BigDecimal.ONE))).doesNotThrowAnyException();
    assertThatThrownBy(() -> gate.requireWithinThreshold(QualityRules.uniform(new BigDecimal("0.05"))))
        .isInstanceOf(DataQualityException.class)
        .hasMessageStartingWith("input data failed the quality threshold (nothing was written): deals: ")
        .hasMessageContaining("UNPARSEABLE 5 (e.g. deal_id=UP-2)");
  }

  static void unparseableRows(GateInputs in) {
    in.add(SourceTable.DEALS,
        deal("UP-1", "C1", "R1", " 250.500 ", "USD", "2025-03-10", "won", null),   // padded, trailing zero: exact
        deal("UP-2", "C1", "R1", "12O.00", "USD", "2025-03-10", "won", null),      // letter O
        deal("UP-3", "C1", "R1", "1,000.00", "USD", "2025-03-10", "won", null),    // thousands separator
        deal("UP-4", "C1", "R1", "10.005", "USD", "2025-03-10", "won", null),      // a third decimal: rounding
        deal("UP-5", "C1", "R1", "10.00", "USD", "2025-02-30", "won", null),       // no such day
        deal("UP-6", "C1", "R1", "10.00", "USD", "03/10/2025", "won", null));      // not ISO
    in.add(SourceTable.TRAINING_RESULTS, row("R1", "UP-101", "2025-03-01", "80", "TRUE"),
        row("R1", "UP-102", "2025-03-01", "80.5", "true"),   // a score is a whole number
        row("R1", "UP-103", "2025-03-01", "80", "yes"));     // true or false only
  }

  @Test
  void unparseable() {
    assertThat(outcomes.one(SourceTable.DEALS, "deal_id=UP-1")).isEqualTo("accepted");
    for (int i = 2; i <= 6; i++) {
      assertThat(outcomes.one(SourceTable.DEALS, "deal_id=UP-" + i)).isEqualTo("UNPARSEABLE");
    }
    assertThat(outcomes.details(SourceTable.DEALS, "deal_id=UP-2"))
        .containsExactly("amount: '12O.00' is not a decimal(18,2) (plain digits, at most 2 decimals)");
    assertThat(outcomes.details(SourceTable.DEALS, "deal_id=UP-5"))
        .containsExactly("close_date: '2025-02-30' is not a date yyyy-MM-dd");
    assertThat(outcomes.one(SourceTable.TRAINING_RESULTS, "rep_id=R1, course_id=UP-101, completed_date=2025-03-01"))
        .isEqualTo("accepted");
    assertThat(outcomes.one(SourceTable.TRAINING_RESULTS, "rep_id=R1, course_id=UP-102, completed_date=2025-03-01"))
        .isEqualTo("UNPARSEABLE");
    assertThat(outcomes.one(SourceTable.TRAINING_RESULTS, "rep_id=R1, course_id=UP-103, completed_date=2025-03-01"))
        .isEqualTo("UNPARSEABLE");
  }

  static void nullKeyRows(GateInputs in) {
    in.add(SourceTable.DEALS, deal(null, "C1", "R1", "10.00", "USD", "2025-03-10", "won", null));
    in.add(SourceTable.REPS, row("NK-R4", "Dan", "account-executive", "T1", null, null, "2025-01-01", null, "6000.00",
        "p", null, null));
  }

  @Test
  void nullKey() {
    assertThat(outcomes.one(SourceTable.DEALS, "deal_id=<null>")).isEqualTo("NULL_KEY");
    assertThat(outcomes.one(SourceTable.REPS, "rep_id=NK-R4, valid_from=<null>")).isEqualTo("NULL_KEY");
  }

  static void duplicateRows(GateInputs in) {
    in.add(SourceTable.DEALS,
        deal("DK-2", "C1", "R1", "10.00", "USD", "2025-03-10", "won", null),
        deal("DK-2", "C1", "R1", "11.00", "USD", "2025-03-10", "won", null),   // differs in amount
        deal("DK-3", "C1", "R1", "10.0", "USD", "2025-03-10", "won", null),
        deal("DK-3", "C1", "R1", "10.00", "USD", "2025-03-10", "won", null),   // the same amount: identical
        deal("DK-3", "C1", "R1", "10", "USD", "2025-03-10", "won", null));
  }

  @Test
  void duplicateKeysKeepNoneWhenTheyDifferAndOneWhenIdentical() {
    assertThat(outcomes.of(SourceTable.DEALS, "deal_id=DK-2")).containsExactly("DUPLICATE_KEY", "DUPLICATE_KEY");
    // one copy goes on; the extra copies are quarantined so that every row read is counted
    assertThat(outcomes.of(SourceTable.DEALS, "deal_id=DK-3")).containsExactly("DUPLICATE_KEY", "DUPLICATE_KEY", "accepted");
    assertThat(outcomes.details(SourceTable.DEALS, "deal_id=DK-3"))
        .containsOnly("an identical copy: one of the 3 copies goes on");
  }

  static void missingValueRows(GateInputs in) {
    in.add(SourceTable.DEALS, deal("MV-2", "C1", "R1", null, "USD", "2025-03-10", null, null));
  }

  @Test
  void missingValue() {
    assertThat(outcomes.one(SourceTable.DEALS, "deal_id=MV-2")).isEqualTo("MISSING_VALUE");
    assertThat(outcomes.details(SourceTable.DEALS, "deal_id=MV-2"))
        .containsExactly("required column without a value: amount, status");
  }

  static void negativeAmountRows(GateInputs in) {
    in.add(SourceTable.DEALS, deal("NA-2", "C1", "R1", "0.00", "USD", "2025-03-10", "won", null),
        deal("NA-3", "C1", "R1", "-1.00", "USD", "2025-03-10", "won", null));
    in.add(SourceTable.FX_RATES, row("NOK", "2025-03-03", "0.000000"));
    // adjustments are signed: a negative one is fine
    in.add(SourceTable.ADJUSTMENTS, row("NA-A1", "R1", "2025-03-01", "-100.00", "overpayment", "R1"));
  }

  @Test
  void negativeAmount() {
    assertThat(outcomes.one(SourceTable.DEALS, "deal_id=NA-2")).isEqualTo("NEGATIVE_AMOUNT");
    assertThat(outcomes.one(SourceTable.DEALS, "deal_id=NA-3")).isEqualTo("NEGATIVE_AMOUNT");
    assertThat(outcomes.one(SourceTable.FX_RATES, "currency=NOK, rate_date=2025-03-03")).isEqualTo("NEGATIVE_AMOUNT");
    assertThat(outcomes.one(SourceTable.FX_RATES, "currency=EUR, rate_date=2025-03-03")).isEqualTo("accepted");
    assertThat(outcomes.one(SourceTable.ADJUSTMENTS, "adjustment_id=NA-A1")).isEqualTo("accepted");
  }

  static void unknownStatusRows(GateInputs in) {
    in.add(SourceTable.DEALS,
        deal("US-2", "C1", "R1", "10.00", "USD", "2025-03-10", "lost", null),
        deal("US-3", "C1", "R1", "10.00", "USD", "2025-03-10", "Won", null),              // codes are lower-case
        deal("US-4", "C1", "R1", "10.00", "USD", "2025-03-10", "won", "2025-03-12"),      // won, yet a status change
        deal("US-5", "C1", "R1", "10.00", "USD", "2025-03-10", "cancelled", null),        // cancelled, but when?
        deal("US-6", "C1", "R1", "10.00", "USD", "2025-03-10", "refunded", "2025-03-20"));
  }

  @Test
  void unknownStatus() {
    for (int i = 2; i <= 5; i++) {
      assertThat(outcomes.one(SourceTable.DEALS, "deal_id=US-" + i)).isEqualTo("UNKNOWN_STATUS");
    }
    assertThat(outcomes.one(SourceTable.DEALS, "deal_id=US-6")).isEqualTo("accepted");
  }

  static void unknownCodeRows(GateInputs in) {
    in.add(SourceTable.COMPLAINTS, row("UC-K1", "C1", null, null, "2025-03-12", "high", "billing", null),
        row("UC-K2", "C1", null, null, "2025-03-12", "urgent", "billing", null));
    in.add(SourceTable.TARGETS, row("rep", "R1", "month", "2025-03-01", "uc", "1000.000000"),
        row("rep", "R1", "week", "2025-03-03", "uc", "250.000000"),
        row("region", "north", "month", "2025-03-01", "uc", "1000.000000"));
  }

  @Test
  void unknownCode() {
    assertThat(outcomes.one(SourceTable.COMPLAINTS, "complaint_id=UC-K1")).isEqualTo("accepted");
    assertThat(outcomes.one(SourceTable.COMPLAINTS, "complaint_id=UC-K2")).isEqualTo("UNKNOWN_CODE");
    assertThat(outcomes.one(SourceTable.TARGETS,
        "scope=rep, scope_id=R1, period_type=month, period_start=2025-03-01, metric=uc")).isEqualTo("accepted");
    assertThat(outcomes.one(SourceTable.TARGETS,
        "scope=rep, scope_id=R1, period_type=week, period_start=2025-03-03, metric=uc")).isEqualTo("UNKNOWN_CODE");
    assertThat(outcomes.one(SourceTable.TARGETS,
        "scope=region, scope_id=north, period_type=month, period_start=2025-03-01, metric=uc")).isEqualTo("UNKNOWN_CODE");
  }

  static void scoreRows(GateInputs in) {
    in.add(SourceTable.CSAT_SURVEYS, row("SR-1", "C1", null, null, "2025-03-12", 1, "online"),
        row("SR-5", "C1", null, null, "2025-03-12", 5, "online"),
        row("SR-0", "C1", null, null, "2025-03-12", 0, "online"),
        row("SR-6", "C1", null, null, "2025-03-12", 6, "online"));
    in.add(SourceTable.TRAINING_RESULTS, row("R1", "SR-100", "2025-03-01", 100, true),
        row("R1", "SR-101", "2025-03-01", 101, true));
  }

  @Test
  void scoreOutOfRange() {
    assertThat(outcomes.one(SourceTable.CSAT_SURVEYS, "survey_id=SR-1")).isEqualTo("accepted");
    assertThat(outcomes.one(SourceTable.CSAT_SURVEYS, "survey_id=SR-5")).isEqualTo("accepted");
    assertThat(outcomes.one(SourceTable.CSAT_SURVEYS, "survey_id=SR-0")).isEqualTo("SCORE_OUT_OF_RANGE");
    assertThat(outcomes.one(SourceTable.CSAT_SURVEYS, "survey_id=SR-6")).isEqualTo("SCORE_OUT_OF_RANGE");
    assertThat(outcomes.one(SourceTable.TRAINING_RESULTS, "rep_id=R1, course_id=SR-100, completed_date=2025-03-01"))
        .isEqualTo("accepted");
    assertThat(outcomes.one(SourceTable.TRAINING_RESULTS, "rep_id=R1, course_id=SR-101, completed_date=2025-03-01"))
        .isEqualTo("SCORE_OUT_OF_RANGE");
  }

  static void periodStartRows(GateInputs in) {
    in.add(SourceTable.CUSTOMER_RETENTION, row("C2", "2025-03-01", true, null), row("C2", "2025-02-15", true, null));
    in.add(SourceTable.TARGETS, row("rep", "R1", "quarter", "2025-01-01", "bp", "3000.000000"),
        row("rep", "R1", "quarter", "2025-02-01", "bp", "3000.000000"),   // quarters start in Jan, Apr, Jul, Oct
        row("rep", "R1", "year", "2025-03-01", "bp", "9000.000000"));
    in.add(SourceTable.ADJUSTMENTS, row("BP-A1", "R1", "2025-03-02", "100.00", "spiff", "R1"));
  }

  @Test
  void badPeriodStart() {
    assertThat(outcomes.one(SourceTable.CUSTOMER_RETENTION, "customer_id=C2, month=2025-03-01")).isEqualTo("accepted");
    assertThat(outcomes.one(SourceTable.CUSTOMER_RETENTION, "customer_id=C2, month=2025-02-15"))
        .isEqualTo("BAD_PERIOD_START");
    assertThat(outcomes.one(SourceTable.TARGETS,
        "scope=rep, scope_id=R1, period_type=quarter, period_start=2025-01-01, metric=bp")).isEqualTo("accepted");
    assertThat(outcomes.one(SourceTable.TARGETS,
        "scope=rep, scope_id=R1, period_type=quarter, period_start=2025-02-01, metric=bp")).isEqualTo("BAD_PERIOD_START");
    assertThat(outcomes.one(SourceTable.TARGETS,
        "scope=rep, scope_id=R1, period_type=year, period_start=2025-03-01, metric=bp")).isEqualTo("BAD_PERIOD_START");
    assertThat(outcomes.one(SourceTable.ADJUSTMENTS, "adjustment_id=BP-A1")).isEqualTo("BAD_PERIOD_START");
  }

  static void dateOrderRows(GateInputs in) {
    in.add(SourceTable.DEALS, deal("DO-2", "C1", "R1", "10.00", "USD", "2025-03-10", "cancelled", "2025-03-09"),
        deal("DO-3", "C1", "R1", "10.00", "USD", "2025-03-10", "cancelled", "2025-03-10"));   // same day is fine
    in.add(SourceTable.REPS,
        rep("DO-R4", "2025-02-01", "2025-02-01"),   // holds on no day
        row("DO-R5", "Eve", "account-executive", "T1", null, null, "2025-02-01", "2025-01-31", "6000.00", "p",
            "2025-02-01", null));                   // left before joining
    in.add(SourceTable.COMPLAINTS, row("DO-K1", "C1", null, null, "2025-03-12", "low", "billing", "2025-03-11"),
        row("DO-K2", "C1", null, null, "2025-03-12", "low", "billing", "2025-03-12"));
  }

  @Test
  void dateOrder() {
    assertThat(outcomes.one(SourceTable.DEALS, "deal_id=DO-2")).isEqualTo("DATE_ORDER");
    assertThat(outcomes.one(SourceTable.DEALS, "deal_id=DO-3")).isEqualTo("accepted");
    assertThat(outcomes.one(SourceTable.REPS, "rep_id=DO-R4, valid_from=2025-02-01")).isEqualTo("DATE_ORDER");
    assertThat(outcomes.one(SourceTable.REPS, "rep_id=DO-R5, valid_from=2025-02-01")).isEqualTo("DATE_ORDER");
    assertThat(outcomes.one(SourceTable.COMPLAINTS, "complaint_id=DO-K1")).isEqualTo("DATE_ORDER");
    assertThat(outcomes.one(SourceTable.COMPLAINTS, "complaint_id=DO-K2")).isEqualTo("accepted");
  }

  static void overlapRows(GateInputs in) {
    in.add(SourceTable.REPS,
        rep("OR-R4", "2025-01-01", "2025-03-01"), rep("OR-R4", "2025-02-01", null),     // February held twice
        rep("OR-R5", "2025-01-01", "2025-02-01"), rep("OR-R5", "2025-02-01", null),     // contiguous: fine
        rep("OR-R6", "2025-01-01", null), rep("OR-R6", "2025-02-01", "2025-03-01"),     // inside an open row
        rep("OR-R6", "2025-03-01", "2025-04-01"));                                       // ... and this one too
  }

  @Test
  void overlappingRosterRowsAreAllQuarantined() {
    assertThat(outcomes.one(SourceTable.REPS, "rep_id=OR-R4, valid_from=2025-01-01")).isEqualTo("OVERLAPPING_ROSTER");
    assertThat(outcomes.one(SourceTable.REPS, "rep_id=OR-R4, valid_from=2025-02-01")).isEqualTo("OVERLAPPING_ROSTER");
    assertThat(outcomes.one(SourceTable.REPS, "rep_id=OR-R5, valid_from=2025-01-01")).isEqualTo("accepted");
    assertThat(outcomes.one(SourceTable.REPS, "rep_id=OR-R5, valid_from=2025-02-01")).isEqualTo("accepted");
    for (String from : List.of("2025-01-01", "2025-02-01", "2025-03-01")) {
      assertThat(outcomes.one(SourceTable.REPS, "rep_id=OR-R6, valid_from=" + from)).isEqualTo("OVERLAPPING_ROSTER");
    }
  }

  static void unknownTeamRows(GateInputs in) {
    in.add(SourceTable.REPS, row("UT-R4", "Dan", "account-executive", "T9", null, null, "2025-01-01", null,
        "6000.00", "p", "2025-01-01", null));
    in.add(SourceTable.TARGETS, row("team", "T1", "quarter", "2025-01-01", "ut", "9000.000000"),
        row("team", "T9", "quarter", "2025-01-01", "ut", "9000.000000"));
  }

  @Test
  void unknownTeam() {
    assertThat(outcomes.one(SourceTable.REPS, "rep_id=UT-R4, valid_from=2025-01-01")).isEqualTo("UNKNOWN_TEAM");
    assertThat(outcomes.one(SourceTable.TARGETS,
        "scope=team, scope_id=T1, period_type=quarter, period_start=2025-01-01, metric=ut")).isEqualTo("accepted");
    assertThat(outcomes.one(SourceTable.TARGETS,
        "scope=team, scope_id=T9, period_type=quarter, period_start=2025-01-01, metric=ut")).isEqualTo("UNKNOWN_TEAM");
  }

  static void unknownDealRows(GateInputs in) {
    in.add(SourceTable.DEALS, deal("UD-2", "C1", "R1", "-10.00", "USD", "2025-03-10", "won", null));
    in.add(SourceTable.DEAL_CREDITS, row("UD-9", "R1", "1.000000"));
    in.add(SourceTable.CSAT_SURVEYS, row("UD-S1", "C1", "D1", null, "2025-03-12", 4, "online"),
        row("UD-S2", "C1", "UD-9", null, "2025-03-12", 4, "online"));
    in.add(SourceTable.COMPLAINTS, row("UD-K1", "C1", "UD-2", null, "2025-03-12", "low", "billing", null));
  }

  @Test
  void unknownDealIncludingAQuarantinedOne() {
    assertThat(outcomes.one(SourceTable.DEAL_CREDITS, "deal_id=UD-9, rep_id=R1")).isEqualTo("UNKNOWN_DEAL");
    assertThat(outcomes.one(SourceTable.CSAT_SURVEYS, "survey_id=UD-S1")).isEqualTo("accepted");
    assertThat(outcomes.one(SourceTable.CSAT_SURVEYS, "survey_id=UD-S2")).isEqualTo("UNKNOWN_DEAL");
    // a complaint about a quarantined deal waits in quarantine with it rather than being misattributed
    assertThat(outcomes.one(SourceTable.COMPLAINTS, "complaint_id=UD-K1")).isEqualTo("UNKNOWN_DEAL");
  }

  static void unknownCustomerRows(GateInputs in) {
    in.add(SourceTable.CUSTOMERS, row("UCU-C3", "Cora", "smb", "north", "R9", "2024-01-01"));   // unknown owner
    in.add(SourceTable.DEALS, deal("UCU-2", "UCU-C9", "R1", "10.00", "USD", "2025-03-10", "won", null),
        deal("UCU-3", "UCU-C3", "R1", "10.00", "USD", "2025-03-10", "won", null));
    in.add(SourceTable.CUSTOMER_RETENTION, row("C1", "2025-03-01", true, null),
        row("UCU-C9", "2025-03-01", true, null));
    in.add(SourceTable.CSAT_SURVEYS, row("UCU-S1", "UCU-C9", null, null, "2025-03-12", 4, "online"));
  }

  @Test
  void unknownCustomerAlsoWhenTheCustomerIsQuarantined() {
    assertThat(outcomes.one(SourceTable.CUSTOMERS, "customer_id=UCU-C3")).isEqualTo("UNKNOWN_REP");
    assertThat(outcomes.one(SourceTable.DEALS, "deal_id=UCU-2")).isEqualTo("UNKNOWN_CUSTOMER");
    assertThat(outcomes.one(SourceTable.DEALS, "deal_id=UCU-3")).isEqualTo("UNKNOWN_CUSTOMER");
    assertThat(outcomes.one(SourceTable.CUSTOMER_RETENTION, "customer_id=C1, month=2025-03-01")).isEqualTo("accepted");
    assertThat(outcomes.one(SourceTable.CUSTOMER_RETENTION, "customer_id=UCU-C9, month=2025-03-01"))
        .isEqualTo("UNKNOWN_CUSTOMER");
    assertThat(outcomes.one(SourceTable.CSAT_SURVEYS, "survey_id=UCU-S1")).isEqualTo("UNKNOWN_CUSTOMER");
  }

  static void unknownRepRows(GateInputs in) {
    in.add(SourceTable.DEALS, deal("UR-2", "C1", "R9", "10.00", "USD", "2025-03-10", "won", null),
        deal("UR-3", "C1", "R3", "10.00", "USD", "2024-12-15", "won", null));    // R3's roster starts 2025-01-01
    in.add(SourceTable.ADJUSTMENTS, row("UR-A1", "R3", "2025-03-01", "100.00", "spiff", "R1"),
        row("UR-A2", "R3", "2024-12-01", "100.00", "spiff", "R1"));              // no roster row in December
    in.add(SourceTable.TRAINING_RESULTS, row("R9", "UR-101", "2025-03-01", 80, true));
    in.add(SourceTable.CSAT_SURVEYS, row("UR-S1", "C1", null, "R9", "2025-03-12", 4, "online"));
    in.add(SourceTable.TARGETS, row("rep", "R9", "month", "2025-03-01", "ur", "1000.000000"));
  }

  @Test
  void unknownRepIncludingOneWithoutARosterRowOnTheDay() {
    assertThat(outcomes.one(SourceTable.DEALS, "deal_id=UR-2")).isEqualTo("UNKNOWN_REP");
    assertThat(outcomes.one(SourceTable.DEALS, "deal_id=UR-3")).isEqualTo("UNKNOWN_REP");
    assertThat(outcomes.details(SourceTable.DEALS, "deal_id=UR-3"))
        .containsExactly("owner_rep_id R3 is not active (roster row within hire..termination) on 2024-12-15");
    assertThat(outcomes.one(SourceTable.ADJUSTMENTS, "adjustment_id=UR-A1")).isEqualTo("accepted");
    assertThat(outcomes.one(SourceTable.ADJUSTMENTS, "adjustment_id=UR-A2")).isEqualTo("UNKNOWN_REP");
    assertThat(outcomes.one(SourceTable.TRAINING_RESULTS, "rep_id=R9, course_id=UR-101, completed_date=2025-03-01"))
        .isEqualTo("UNKNOWN_REP");
    assertThat(outcomes.one(SourceTable.CSAT_SURVEYS, "survey_id=UR-S1")).isEqualTo("UNKNOWN_REP");
    assertThat(outcomes.one(SourceTable.TARGETS,
        "scope=rep, scope_id=R9, period_type=month, period_start=2025-03-01, metric=ur")).isEqualTo("UNKNOWN_REP");
  }

  static void creditedRepRows(GateInputs in) {
    in.add(SourceTable.DEALS, deal("CR-2", "C1", "R1", "10.00", "USD", "2025-03-10", "won", null));
    in.add(SourceTable.DEAL_CREDITS, row("CR-2", "R1", "0.500000"), row("CR-2", "R9", "0.500000"));
  }

  @Test
  void aCreditedRepWithoutARosterRowFailsTheWholeDeal() {
    assertThat(outcomes.one(SourceTable.DEAL_CREDITS, "deal_id=CR-2, rep_id=R9")).isEqualTo("UNKNOWN_REP");
    // paying R1 half of the deal, or all of it, would both be wrong
    assertThat(outcomes.one(SourceTable.DEAL_CREDITS, "deal_id=CR-2, rep_id=R1")).isEqualTo("CREDITS_NOT_100");
    assertThat(outcomes.one(SourceTable.DEALS, "deal_id=CR-2")).isEqualTo("CREDITS_NOT_100");
    assertThat(outcomes.details(SourceTable.DEALS, "deal_id=CR-2"))
        .containsExactly("credit row deal_id=CR-2, rep_id=R9 (UNKNOWN_REP) of this deal is quarantined");
  }

  static void terminatedRepRows(GateInputs in) {
    // TR-R4 terminated 2025-02-14, HR left the roster row open: active days end on the 14th
    in.add(SourceTable.REPS, row("TR-R4", "Dan", "account-executive", "T1", null, null, "2025-01-01", "2025-02-14",
        "6000.00", "p", "2025-01-01", null));
    in.add(SourceTable.DEALS, deal("TR-1", "C1", "TR-R4", "10.00", "USD", "2025-02-14", "won", null),
        deal("TR-2", "C1", "TR-R4", "10.00", "USD", "2025-02-15", "won", null),
        deal("TR-3", "C1", "R1", "10.00", "USD", "2025-02-15", "won", null));
    in.add(SourceTable.DEAL_CREDITS, row("TR-3", "R1", "0.500000"), row("TR-3", "TR-R4", "0.500000"));
  }

  @Test
  void aDealAfterTheTerminationIsOfAnUnknownRepThoughTheRosterRowIsOpen() {
    assertThat(outcomes.one(SourceTable.DEALS, "deal_id=TR-1")).isEqualTo("accepted"); // the termination day is active
    assertThat(outcomes.one(SourceTable.DEALS, "deal_id=TR-2")).isEqualTo("UNKNOWN_REP");
    assertThat(outcomes.details(SourceTable.DEALS, "deal_id=TR-2"))
        .containsExactly("owner_rep_id TR-R4 is not active (roster row within hire..termination) on 2025-02-15");
    assertThat(outcomes.one(SourceTable.DEAL_CREDITS, "deal_id=TR-3, rep_id=TR-R4")).isEqualTo("UNKNOWN_REP");
  }

  static void fxRows(GateInputs in) {
    in.add(SourceTable.DEALS,
        deal("FX-2", "C1", "R1", "10.00", "EUR", "2025-03-10", "won", null),    // rate of 2025-03-03, 7 days old
        deal("FX-3", "C1", "R1", "10.00", "EUR", "2025-03-11", "won", null),    // 8 days old: too old
        deal("FX-4", "C1", "R1", "10.00", "EUR", "2025-03-02", "won", null),    // no earlier rate
        deal("FX-5", "C1", "R1", "10.00", "GBP", "2025-03-10", "won", null));
  }

  @Test
  void fxMissingWithTheSevenDayFallback() {
    assertThat(outcomes.one(SourceTable.DEALS, "deal_id=FX-2")).isEqualTo("accepted");
    assertThat(outcomes.one(SourceTable.DEALS, "deal_id=FX-3")).isEqualTo("FX_MISSING");
    assertThat(outcomes.one(SourceTable.DEALS, "deal_id=FX-4")).isEqualTo("FX_MISSING");
    assertThat(outcomes.one(SourceTable.DEALS, "deal_id=FX-5")).isEqualTo("FX_MISSING");
  }

  static void creditRows(GateInputs in) {
    in.add(SourceTable.DEALS, deal("CN-2", "C1", "R1", "10.00", "USD", "2025-03-10", "won", null),
        deal("CN-3", "C1", "R1", "10.00", "USD", "2025-03-10", "won", null),
        deal("CN-4", "C1", "R1", "10.00", "USD", "2025-03-10", "won", null));
    in.add(SourceTable.DEAL_CREDITS, row("CN-2", "R1", "0.500000"), row("CN-2", "R2", "0.400000"),
        row("CN-3", "R1", "0.500000"), row("CN-3", "R2", "0.500000"),
        // 0.99999: within the tolerance of 0.0001
        row("CN-4", "R1", "0.333330"), row("CN-4", "R2", "0.333330"), row("CN-4", "R3", "0.333330"));
  }

  @Test
  void creditsNot100QuarantineTheDealAndAllItsCredits() {
    assertThat(outcomes.one(SourceTable.DEALS, "deal_id=CN-2")).isEqualTo("CREDITS_NOT_100");
    assertThat(outcomes.details(SourceTable.DEALS, "deal_id=CN-2")).containsExactly("the deal's credits sum to 0.900000, not 1");
    assertThat(outcomes.one(SourceTable.DEAL_CREDITS, "deal_id=CN-2, rep_id=R1")).isEqualTo("CREDITS_NOT_100");
    assertThat(outcomes.one(SourceTable.DEAL_CREDITS, "deal_id=CN-2, rep_id=R2")).isEqualTo("CREDITS_NOT_100");
    assertThat(outcomes.one(SourceTable.DEALS, "deal_id=CN-3")).isEqualTo("accepted");
    assertThat(outcomes.one(SourceTable.DEAL_CREDITS, "deal_id=CN-3, rep_id=R2")).isEqualTo("accepted");
    assertThat(outcomes.one(SourceTable.DEALS, "deal_id=CN-4")).isEqualTo("accepted");
    assertThat(outcomes.one(SourceTable.DEAL_CREDITS, "deal_id=CN-4, rep_id=R3")).isEqualTo("accepted");
  }

  static void personalDataRows(GateInputs in) {
    in.add(SourceTable.CUSTOMERS, row("PD-C3", "Cora Secret", "smb", "north", "R9", "2024-01-01"));
  }

  @Test
  void quarantineRowsCarryTheOriginalValuesWithoutPersonalData() {
    List<Row> rows = gate.quarantine("run-1").where("row_key = 'customer_id=PD-C3'").collectAsList();
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).toString()).isEqualTo("[run-1,customers,UNKNOWN_REP,customer_id=PD-C3,"
        + "{\"customer_id\":\"PD-C3\",\"segment\":\"smb\",\"region\":\"north\",\"owner_rep_id\":\"R9\","
        + "\"created_date\":\"2024-01-01\"},owner_rep_id R9 has no accepted roster row]");
    assertThat(gate.quarantine("run-1").schema()).isEqualTo(Quarantine.SCHEMA);
  }

  static void deferredRows(GateInputs in) {
    in.add(SourceTable.DEALS, deal("DF-1", "C1", "R1", "10.00", "USD", "2025-04-02", "won", null),
        // a cancellation after the logical date is not known yet: the deal counts as won, not as bad
        deal("DF-2", "C1", "R1", "10.00", "USD", "2025-03-20", "cancelled", "2025-04-05"),
        // deferred, so not judged yet, not even on its amount
        deal("DF-3", "C1", "R1", "-10.00", "USD", "2025-04-02", "won", null));
    in.add(SourceTable.DEAL_CREDITS, row("DF-1", "R1", "0.500000"), row("DF-1", "R2", "0.500000"));
    in.add(SourceTable.CSAT_SURVEYS, row("DF-S1", "C1", "DF-1", null, "2025-03-20", 4, "online"),
        row("DF-S2", "C1", null, null, "2025-04-01", 4, "online"));
    in.add(SourceTable.CUSTOMER_RETENTION, row("C1", "2025-04-01", true, null));
    in.add(SourceTable.FX_RATES, row("EUR", "2025-04-01", "1.200000"));
    in.add(SourceTable.TARGETS, row("rep", "R1", "month", "2025-04-01", "df", "1000.000000"));
  }

  @Test
  void rowsDatedAfterTheLogicalDateAreDeferredWithWhatHangsOffThem() {
    assertThat(outcomes.one(SourceTable.DEALS, "deal_id=DF-1")).isEqualTo("deferred");
    assertThat(outcomes.one(SourceTable.DEALS, "deal_id=DF-2")).isEqualTo("accepted");
    assertThat(outcomes.one(SourceTable.DEALS, "deal_id=DF-3")).isEqualTo("deferred");
    assertThat(outcomes.of(SourceTable.DEAL_CREDITS, "deal_id=DF-1, rep_id=R1")).containsExactly("deferred");
    assertThat(outcomes.one(SourceTable.CSAT_SURVEYS, "survey_id=DF-S1")).isEqualTo("deferred");
    assertThat(outcomes.one(SourceTable.CSAT_SURVEYS, "survey_id=DF-S2")).isEqualTo("deferred");
    assertThat(outcomes.one(SourceTable.CUSTOMER_RETENTION, "customer_id=C1, month=2025-04-01")).isEqualTo("deferred");
    assertThat(outcomes.one(SourceTable.FX_RATES, "currency=EUR, rate_date=2025-04-01")).isEqualTo("deferred");
    assertThat(outcomes.one(SourceTable.TARGETS,
        "scope=rep, scope_id=R1, period_type=month, period_start=2025-04-01, metric=df")).isEqualTo("deferred");
  }

  private static Object[] rep(String id, String from, String to) {
    return row(id, "Name", "account-executive", "T1", null, null, "2024-01-01", null, "6000.00", "p", from, to);
  }
}
