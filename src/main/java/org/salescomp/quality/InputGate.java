package org.salescomp.quality;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.salescomp.staging.FxDailyRates;
import org.salescomp.io.SourceTable;
import org.salescomp.quality.Verdicts.Check;
import org.salescomp.staging.SourceData;

/**
 * The data-quality gate of the data contract ("Bad input"): every input row is accepted,
 * quarantined with exactly one {@link ReasonCode}, or deferred. Pure: Datasets in, Datasets out, no
 * IO; it computes each source once and keeps the result ({@link PlanCuts}), so the run's later
 * plans start from the checked rows. How to use it, and the decisions behind the rules: the package
 * documentation ({@code org.salescomp.quality}).
 *
 * <p>Each source goes through the same steps, and a step only judges the rows still open:
 * <ol>
 *   <li>convert to the contract's types ({@link ReasonCode#UNPARSEABLE}), keys present
 *       ({@link ReasonCode#NULL_KEY});
 *   <li>defer rows dated after the logical date (see {@link #deferredBy}), and the credits, surveys
 *       and complaints of a deferred deal: a later run takes them;
 *   <li>duplicate keys ({@link Duplicates}), then the row's own values ({@link ValueRules}), then
 *       overlapping roster rows ({@link RosterOverlaps});
 *   <li>references to the <em>accepted</em> rows of other sources, parents first: teams, the roster,
 *       customers, FX rates, deals, credits (whose failure also fails their deal, {@link CreditTotals}),
 *       then everything that names a deal, customer, rep or team. A row whose parent is quarantined is
 *       quarantined too, with the reference's code ({@code UNKNOWN_DEAL}, ...) and a detail, so the
 *       accepted tables are referentially whole and nothing disappears later in a join.
 * </ol>
 */
public final class InputGate {
  private static final String TEAM = "_team_";
  private static final String REP = "_rep_";
  private static final String CUSTOMER = "_customer_";
  private static final String DEAL = "_deal_";
  private static final String CREDITS = "_credits_";
  private static final String FX = "_fx_";
  private static final String LATE = "_late_";

  private final SourceData raw;
  private final LocalDate logicalDate;
  private final String reportingCurrency;
  private final LateRows late;
  private final Map<SourceTable, Dataset<Row>> checked = new EnumMap<>(SourceTable.class);
  private final PlanCuts cuts = new PlanCuts();

  private InputGate(SourceData raw, LocalDate logicalDate, String reportingCurrency, LateRows late) {
    this.raw = raw;
    this.logicalDate = logicalDate;
    this.reportingCurrency = reportingCurrency;
    this.late = late;
  }

  /**
   * Runs the gate: about twenty small Spark jobs, one or two per source, whose results are kept
   * ({@link PlanCuts}) for the rest of the run.
   *
   * @param raw every source as read ({@link org.salescomp.io.SourceReader#readRaw}): the contract's
   *     columns, stored types (text for CSV)
   * @param logicalDate rows dated after it are deferred
   * @param reportingCurrency deals in it need no FX rate
   */
  public static GateResult check(SourceData raw, LocalDate logicalDate, String reportingCurrency) {
    return check(raw, logicalDate, reportingCurrency, LateRows.NONE);
  }

  /** @param late what closed months older than the restate window paid: rows dated there they did not pay are late */
  public static GateResult check(SourceData raw, LocalDate logicalDate, String reportingCurrency, LateRows late) {
    return new InputGate(raw, logicalDate, reportingCurrency, late).run();
  }

  private GateResult run() {
    Dataset<Row> teams = done(SourceTable.TEAMS, own(SourceTable.TEAMS));
    ParentIndex teamIndex = ParentIndex.keys(teams, "team_id", true);

    Dataset<Row> roster = done(SourceTable.REPS, refer(RosterOverlaps.apply(own(SourceTable.REPS)), teamIndex,
        col("team_id"), TEAM, List.of(unknownTeam("team_id", not(ParentIndex.found(TEAM))))));
    ParentIndex repIndex = ParentIndex.reps(roster);

    Dataset<Row> customers = done(SourceTable.CUSTOMERS, refer(own(SourceTable.CUSTOMERS), repIndex,
        col("owner_rep_id"), REP, List.of(unknownRep("owner_rep_id",
            col("owner_rep_id").isNotNull().and(not(ParentIndex.knownRep(REP))), lit(" has no accepted roster row")))));
    ParentIndex customerIndex = ParentIndex.keys(customers, "customer_id", false);

    Dataset<Row> fx = done(SourceTable.FX_RATES, own(SourceTable.FX_RATES));

    // deals before their credits are judged: the credits read these, and then fail their deal or not
    Dataset<Row> deals = referToCustomer(lateDeals(own(SourceTable.DEALS)), customerIndex);
    deals = refer(deals, repIndex, col("owner_rep_id"), REP, List.of(unknownRep("owner_rep_id",
        not(ParentIndex.repActiveOn(REP, col("close_date"))), concat(lit(" is not active (roster row within hire..termination) on "),
            text("close_date")))));
    deals = cuts.of(fxMissing(deals, accepted(fx, SourceTable.FX_RATES)));

    Dataset<Row> credits = withDeal(parsed(SourceTable.DEAL_CREDITS), ParentIndex.deals(deals));
    credits = ownAfterDeferral(SourceTable.DEAL_CREDITS, Verdicts.defer(credits, ParentIndex.dealDeferred(DEAL)));
    credits = Verdicts.apply(lateCredits(credits, deals), List.of(unknownDeal(lit(true))));
    credits = cuts.of(refer(credits, repIndex, col("rep_id"), REP, List.of(unknownRep("rep_id",
        not(ParentIndex.repActiveOn(REP, col(DEAL + ParentIndex.CLOSE_DATE))),
        concat(lit(" is not active (roster row within hire..termination) on the deal's close date "), text(DEAL + ParentIndex.CLOSE_DATE))))));
    ParentIndex creditTotals = ParentIndex.of(CreditTotals.perDeal(credits), CreditTotals.DEAL_ID, false);
    done(SourceTable.DEAL_CREDITS, refer(credits, creditTotals, col("deal_id"), CREDITS, CreditTotals.check(CREDITS)));
    deals = done(SourceTable.DEALS, refer(deals, creditTotals, col("deal_id"), CREDITS, CreditTotals.check(CREDITS)));
    ParentIndex dealIndex = ParentIndex.deals(deals);

    done(SourceTable.CUSTOMER_RETENTION, referToCustomer(own(SourceTable.CUSTOMER_RETENTION), customerIndex));
    for (SourceTable voice : List.of(SourceTable.CSAT_SURVEYS, SourceTable.COMPLAINTS)) {
      done(voice, customerVoice(voice, dealIndex, customerIndex, repIndex));
    }

    Column forTeam = col("scope").equalTo(lit("team"));
    Column forRep = col("scope").equalTo(lit("rep"));
    Dataset<Row> targets = refer(own(SourceTable.TARGETS), teamIndex, col("scope_id"), TEAM,
        List.of(unknownTeam("scope_id", forTeam.and(not(ParentIndex.found(TEAM))))));
    done(SourceTable.TARGETS, refer(targets, repIndex, col("scope_id"), REP, List.of(unknownRep("scope_id",
        forRep.and(not(ParentIndex.knownRep(REP))), lit(" has no accepted roster row")))));

    done(SourceTable.TRAINING_RESULTS, refer(own(SourceTable.TRAINING_RESULTS), repIndex, col("rep_id"), REP,
        List.of(unknownRep("rep_id", not(ParentIndex.knownRep(REP)), lit(" has no accepted roster row")))));
    done(SourceTable.ADJUSTMENTS, refer(lateAdjustments(own(SourceTable.ADJUSTMENTS)), repIndex, col("rep_id"), REP,
        List.of(unknownRep("rep_id", not(ParentIndex.repHoldsIn(REP, col("month"))),
            concat(lit(" holds no accepted roster row in the month "), text("month"))))));
    return new GateResult(raw, checked, cuts);
  }

  /** Rows of the table dated after the logical date ({@link SourceTable#deferralDate}); none for the others. */
  static Column deferredBy(SourceTable table, LocalDate logicalDate) {
    return table.deferralDate().map(date -> col(date).gt(lit(logicalDate))).orElse(lit(false));
  }


  /** The contract's columns of the accepted rows. */
  static Dataset<Row> accepted(Dataset<Row> checked, SourceTable table) {
    return checked.where(Verdicts.isOpen()).select(contractColumns(table));
  }

  private Dataset<Row> parsed(SourceTable table) {
    return ParsedSource.of(table, raw.get(table));
  }

  /** Conversion and keys, deferral by the row's own date, then duplicates and the row's own values. */
  private Dataset<Row> own(SourceTable table) {
    return ownAfterDeferral(table, Verdicts.defer(parsed(table), deferredBy(table, logicalDate)));
  }

  /** The checked rows of a source, final: cached, kept for the result, and read by its children. */
  private Dataset<Row> done(SourceTable table, Dataset<Row> rows) {
    Dataset<Row> finished = cuts.of(finish(table, rows));
    checked.put(table, finished);
    return finished;
  }

  private static Dataset<Row> ownAfterDeferral(SourceTable table, Dataset<Row> rows) {
    return Verdicts.apply(Duplicates.apply(rows, table), ValueRules.of(table));
  }

  /** Surveys and complaints: deferred by their own date or their deal's; deal, customer, rep referenced. */
  private Dataset<Row> customerVoice(SourceTable table, ParentIndex dealIndex, ParentIndex customerIndex,
      ParentIndex repIndex) {
    Dataset<Row> rows = withDeal(parsed(table), dealIndex);
    rows = ownAfterDeferral(table, Verdicts.defer(rows,
        deferredBy(table, logicalDate).or(ParentIndex.dealDeferred(DEAL))));
    rows = Verdicts.apply(rows, List.of(unknownDeal(col("deal_id").isNotNull())));
    rows = referToCustomer(rows, customerIndex);
    return refer(rows, repIndex, col("rep_id"), REP, List.of(unknownRep("rep_id",
        col("rep_id").isNotNull().and(not(ParentIndex.knownRep(REP))), lit(" has no accepted roster row"))));
  }

  private static Dataset<Row> withDeal(Dataset<Row> rows, ParentIndex dealIndex) {
    return dealIndex.join(rows, col("deal_id"), DEAL);
  }

  private static Dataset<Row> referToCustomer(Dataset<Row> rows, ParentIndex customerIndex) {
    return refer(rows, customerIndex, col("customer_id"), CUSTOMER, List.of(new Check(ReasonCode.UNKNOWN_CUSTOMER,
        not(ParentIndex.found(CUSTOMER)), concat(lit("customer_id "), col("customer_id"),
            lit(" is not an accepted customer")))));
  }

  private Dataset<Row> fxMissing(Dataset<Row> deals, Dataset<Row> acceptedFx) {
    Dataset<Row> daily = FxDailyRates.build(acceptedFx).select(col(FxDailyRates.CURRENCY).as(FX + "currency"),
        col(FxDailyRates.DAY).as(FX + "day"), col(FxDailyRates.FX_RATE).as(FX + "rate"));
    Dataset<Row> joined = deals.join(broadcast(daily), col("currency").equalTo(col(FX + "currency"))
        .and(col("close_date").equalTo(col(FX + "day"))), "left");
    Column missing = col("currency").notEqual(lit(reportingCurrency)).and(col(FX + "rate").isNull());
    return Verdicts.apply(joined, List.of(new Check(ReasonCode.FX_MISSING, missing, concat(lit("no "),
            col("currency"), lit(" rate on "), text("close_date"), lit(" or up to "
                + FxDailyRates.MAX_RATE_AGE_DAYS + " days before")))))
        .drop(FX + "currency", FX + "day", FX + "rate");
  }

  /** A deal closed in a closed month older than the restate window that paid no commission for it. */
  private Dataset<Row> lateDeals(Dataset<Row> deals) {
    if (!late.any()) {
      return deals;
    }
    Dataset<Row> paid = late.paidCredits().select(col(LateRows.DEAL_ID).as(LATE + "deal")).distinct()
        .withColumn(LATE + "paid", lit(true));
    Dataset<Row> joined = deals.join(paid, col("deal_id").equalTo(col(LATE + "deal")), "left");
    return Verdicts.apply(joined, List.of(new Check(ReasonCode.LATE_FOR_CLOSED_PERIOD,
            inLateMonths(col("close_date")).and(col(LATE + "paid").isNull()),
            concat(lit("closed on "), text("close_date"), lit(closedMonthsText())))))
        .drop(LATE + "deal", LATE + "paid");
  }

  /** A credit of a late deal, or of a deal of those months to a rep they paid no commission for it. */
  private Dataset<Row> lateCredits(Dataset<Row> credits, Dataset<Row> deals) {
    if (!late.any()) {
      return credits;
    }
    Dataset<Row> paid = late.paidCredits().select(col(LateRows.DEAL_ID).as(LATE + "deal"),
        col(LateRows.REP_ID).as(LATE + "rep")).distinct().withColumn(LATE + "paid", lit(true));
    Dataset<Row> lateDeals = deals.where(col(Verdicts.REASON).equalTo(lit(ReasonCode.LATE_FOR_CLOSED_PERIOD.name())))
        .select(col("deal_id").as(LATE + "late_deal"));
    Dataset<Row> joined = credits
        .join(paid, col("deal_id").equalTo(col(LATE + "deal")).and(col("rep_id").equalTo(col(LATE + "rep"))), "left")
        .join(lateDeals, col("deal_id").equalTo(col(LATE + "late_deal")), "left");
    Column fails = col(LATE + "late_deal").isNotNull()
        .or(inLateMonths(col(DEAL + ParentIndex.CLOSE_DATE)).and(col(LATE + "paid").isNull()));
    return Verdicts.apply(joined, List.of(new Check(ReasonCode.LATE_FOR_CLOSED_PERIOD, fails,
            concat(lit("credit of deal "), col("deal_id"), lit(" to rep "), col("rep_id"), lit(closedMonthsText())))))
        .drop(LATE + "deal", LATE + "rep", LATE + "paid", LATE + "late_deal");
  }

  /** An adjustment of such a month that the month did not pay. */
  private Dataset<Row> lateAdjustments(Dataset<Row> adjustments) {
    if (!late.any()) {
      return adjustments;
    }
    Dataset<Row> paid = late.paidAdjustments().select(col(LateRows.ADJUSTMENT_ID).as(LATE + "adjustment"))
        .distinct().withColumn(LATE + "paid", lit(true));
    Dataset<Row> joined = adjustments.join(paid, col("adjustment_id").equalTo(col(LATE + "adjustment")), "left");
    Column fails = inLateMonths(col("month")).and(col("amount").notEqual(lit(0))).and(col(LATE + "paid").isNull());
    return Verdicts.apply(joined, List.of(new Check(ReasonCode.LATE_FOR_CLOSED_PERIOD, fails,
            concat(lit("adjustment for "), text("month"), lit(closedMonthsText())))))
        .drop(LATE + "adjustment", LATE + "paid");
  }

  private Column inLateMonths(Column date) {
    return date.between(lit(late.from()), lit(late.to()));
  }

  private String closedMonthsText() {
    return ": a month closed and paid without it, older than the restate window (" + late.from() + " .. "
        + late.to() + ")";
  }

  /** Joins a parent index, applies the checks that read it, and drops its columns again. */
  private static Dataset<Row> refer(Dataset<Row> rows, ParentIndex index, Column key, String prefix,
      List<Check> checks) {
    return Verdicts.apply(index.join(rows, key, prefix), checks).drop(index.columns(prefix));
  }

  private static Check unknownTeam(String column, Column fails) {
    return new Check(ReasonCode.UNKNOWN_TEAM, fails, concat(lit(column + " "), col(column),
        lit(" is not an accepted team")));
  }

  private static Check unknownRep(String column, Column fails, Column why) {
    return new Check(ReasonCode.UNKNOWN_REP, fails, concat(lit(column + " "), col(column), why));
  }

  /** The deal is not accepted (missing, quarantined); deferred deals deferred their children earlier. */
  private static Check unknownDeal(Column applies) {
    return new Check(ReasonCode.UNKNOWN_DEAL, applies.and(not(ParentIndex.dealAccepted(DEAL))),
        concat(lit("deal_id "), col("deal_id"), lit(" is not an accepted deal")));
  }

  private static Column text(String column) {
    return col(column).cast(DataTypes.StringType);
  }

  private static Column[] contractColumns(SourceTable table) {
    return Arrays.stream(table.schema().fieldNames()).map(c -> col(c)).toArray(Column[]::new);
  }

  /**
   * The contract's columns and the bookkeeping a {@link GateResult} reads; index columns dropped, and
   * the original values kept for quarantined rows only (the checked rows are cached).
   */
  private static Dataset<Row> finish(SourceTable table, Dataset<Row> rows) {
    List<Column> columns = new ArrayList<>(Arrays.asList(contractColumns(table)));
    columns.add(col(Verdicts.ROW_KEY));
    columns.add(when(Verdicts.isQuarantined(), col(Verdicts.ROW)).as(Verdicts.ROW));
    for (String c : List.of(Verdicts.REASON, Verdicts.DETAIL, Verdicts.DEFERRED, Verdicts.EXTRA_COPY)) {
      columns.add(col(c));
    }
    return rows.select(columns.toArray(Column[]::new));
  }
}
