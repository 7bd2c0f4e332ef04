package org.salescomp.engine;


import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.salescomp.common.Stages;

/**
 * Every pay line of every rep-month, for every scenario of the plan table, in the model's order
 * ("Pay lines of a rep-month", steps 1-13), and the payouts that sum them. Pure: the nightly run and
 * simulations call the same function with one or many scenarios; a simulation asks for less detail
 * ({@link Detail#PAYOUTS}), and every step after a month's commission total is the same code.
 */
public final class CompEngine {

  /**
   * What the engine reads, all already accepted and staged. {@code idleMonthPlans}: months after a rep's
   * last active month ({@link org.salescomp.intermediate.RepMonths#afterLastActive}) with their plans,
   * where clawbacks and adjustments still land. {@code terminations}: rep_id, termination_date, one row per rep.
   * {@code quotas}: the monthly quotas ({@link org.salescomp.intermediate.RepQuotas#monthly}); {@code periodQuotas}:
   * those of quarters and years ({@link org.salescomp.intermediate.PeriodQuotas#reps}), for plans whose
   * attainment period is longer than a month.
   */
  public record Inputs(
      Dataset<Row> creditedDeals,
      Dataset<Row> stagedDeals,
      Dataset<Row> rosterMonths,
      Dataset<Row> repMonthPlans,
      Dataset<Row> idleMonthPlans,
      Dataset<Row> planTable,
      Dataset<Row> quotas,
      Dataset<Row> periodQuotas,
      Dataset<Row> retention,
      Dataset<Row> adjustments,
      Dataset<Row> teams,
      Dataset<Row> terminations,
      Dataset<Row> kpiRepPeriods,
      Dataset<Row> kpiTeamPeriods,
      Dataset<Row> scorecardScores,
      Dataset<Row> awardRules) {

    /** Every month a rep may have pay lines in: the rep-months and the idle months after them. */
    Dataset<Row> payMonthPlans() {
      return repMonthPlans.unionByName(idleMonthPlans);
    }
  }

  /** Lines, payouts and the award tables, each with the scenario key. */
  public record Result(Dataset<Row> lines, Dataset<Row> payouts, Dataset<Row> teamAwards, Dataset<Row> specialAwards,
      Dataset<Row> balances) {}

  /** How much of the deal-level detail a run keeps; the payouts are the same to the cent either way. */
  public enum Detail {
    /** Every pay line, one commission line per deal and scenario: what the nightly run publishes. */
    LINES,
    /**
     * Commission as one line per scenario and rep-month ({@link DealCommissionLines#monthTotals}), deal lines
     * only for the deals a clawback may reach: what a simulation of many scenarios needs for payouts,
     * without a row per deal and scenario.
     */
    PAYOUTS
  }

  /**
   * Step 12: lines the engine adds after steps 1-11, computed from them: the ledger's corrections of
   * closed months ({@link PriorPeriodAdjustments}), in {@link PayLines#COLUMNS} with {@link PayLines#FOR_MONTH}
   * and {@link PayLines#FOR_LINE_TYPE}. The steps after it, and the payouts, read them with the other lines.
   */
  @FunctionalInterface
  public interface Corrections {
    /** No closed month to correct, every month folded from a zero balance (a model without a ledger). */
    Corrections NONE = stepLines -> null;

    /** @return the correction lines, or null for none */
    Dataset<Row> from(Dataset<Row> stepLines);

    /**
     * Where the balance step's fold starts and the balances owed before that month (a run or a
     * simulation: its first written month, from the balances published for the month before); none folds
     * every month from zero.
     */
    default BalanceLines.Opening openingBalances() {
      return BalanceLines.Opening.NONE;
    }

    /** No closed month to correct, and the fold starting at {@code opening} (a simulation). */
    static Corrections openingWith(BalanceLines.Opening opening) {
      return new Corrections() {
        @Override
        public Dataset<Row> from(Dataset<Row> stepLines) {
          return null;
        }

        @Override
        public BalanceLines.Opening openingBalances() {
          return opening;
        }
      };
    }
  }

  private CompEngine() {}

  public static Result run(Inputs in, Stages stages) {
    return run(in, stages, Detail.LINES);
  }

  public static Result run(Inputs in, Stages stages, Detail detail) {
    return run(in, stages, detail, Corrections.NONE);
  }

  public static Result run(Inputs in, Stages stages, Detail detail, Corrections corrections) {
    Periods periods = Periods.of(in);
    if (detail == Detail.LINES) {
      Dataset<Row> events = DealEvents.build(in.stagedDeals(), in.retention());
      return payFrom(in, everyLine(in, periods, stages), events, stages, detail, corrections);
    }
    // read twice, by the choice of clawable deals and by the clawbacks: kept once
    Dataset<Row> events = stages.stage("deal_events", DealEvents.build(in.stagedDeals(), in.retention()));
    return payFrom(in, monthTotals(in, periods, events, stages), events, stages, detail, corrections);
  }

  /** Step 2 as the engine goes on with it: lines to sum per month, and the lines clawbacks read. */
  private record Commission(Dataset<Row> lines, Dataset<Row> clawable) {}

  /**
   * What the plans' attainment periods ask of step 2: the periods longer than a month deals are placed in,
   * the quotas of quarters and years (none read while every plan is monthly), whether some plan trues up.
   */
  private record Periods(List<String> longer, Dataset<Row> quotas, boolean trueUps) {
    static Periods of(Inputs in) {
      List<String> longer = AttainmentPeriods.longerPeriods(in.planTable());
      if (longer.isEmpty()) {
        return new Periods(longer, DealCommissionLines.noPeriodQuotas(in.quotas()), false);
      }
      return new Periods(longer, in.periodQuotas(), CommissionTrueUpLines.anyIn(in.planTable()));
    }
  }

  private static Commission everyLine(Inputs in, Periods periods, Stages stages) {
    Dataset<Row> positioned = DealCommissionLines.positioned(in.creditedDeals(), in.quotas(), periods.longer());
    if (periods.trueUps()) {
      // read twice, by the deal lines and by the true-ups: kept once
      positioned = stages.stage("positioned_deals", positioned);
    }
    Dataset<Row> lines = stages.stage("commission_lines", DealCommissionLines.priced(positioned, in.repMonthPlans(),
        in.quotas(), periods.quotas()));
    return new Commission(withTrueUps(in, periods, lines, positioned, stages), lines);
  }

  private static Commission monthTotals(Inputs in, Periods periods, Dataset<Row> events, Stages stages) {
    Dataset<Row> positioned = stages.stage("positioned_deals",
        DealCommissionLines.positioned(in.creditedDeals(), in.quotas(), periods.longer()));
    Dataset<Row> totals = stages.stage("commission_totals", DealCommissionLines.monthTotals(positioned,
        in.repMonthPlans(), in.planTable(), in.quotas(), periods.quotas()));
    Dataset<Row> clawableDeals = positioned.join(ClawbackLines.candidateDeals(events, in.payMonthPlans()),
        PayLines.DEAL_ID, "left_semi");
    Dataset<Row> clawable = stages.stage("clawable_lines", DealCommissionLines.amountLines(clawableDeals,
        in.repMonthPlans(), in.planTable(), in.quotas(), periods.quotas()));
    return new Commission(withTrueUps(in, periods, totals, positioned, stages), clawable);
  }

  /**
   * The month's commission lines with the period's {@code commission_true_up} lines: those count in the
   * month's commission total C like the deal lines (cx modifier, cap, guarantee, mentor bonus read C).
   */
  private static Dataset<Row> withTrueUps(Inputs in, Periods periods, Dataset<Row> commission,
      Dataset<Row> positioned, Stages stages) {
    if (!periods.trueUps()) {
      return commission;
    }
    Dataset<Row> repriced = DealCommissionLines.repricedPeriods(positioned, in.repMonthPlans(), in.planTable(),
        in.quotas(), periods.quotas());
    return commission.unionByName(stages.stage("commission_true_ups",
        CommissionTrueUpLines.build(repriced, in.payMonthPlans())));
  }

  private static Result payFrom(Inputs in, Commission commission, Dataset<Row> events, Stages stages,
      Detail detail, Corrections corrections) {
    Dataset<Row> months = stages.stage("commission_months",
        CommissionMonths.build(commission.lines(), in.repMonthPlans(), in.kpiRepPeriods()));
    Dataset<Row> members = QuarterMembers.build(in.rosterMonths());
    TeamAwards.Result team = TeamAwards.build(in.kpiTeamPeriods(), in.kpiRepPeriods(), in.creditedDeals(), members,
        in.awardRules(), in.repMonthPlans());
    SpecialAwards.Result special = SpecialAwards.build(in.kpiRepPeriods(), members, in.awardRules(),
        in.repMonthPlans());

    // read twice by the balance step (variable pay, and the lines it adds to): the other steps' lines are
    // kept beside the commission lines, which their own stage keeps already, not copied with them into one
    // more stage (at scale, most lines are commission lines)
    Dataset<Row> otherLines = stages.stage("other_lines", BaseSalaryLines.build(in.rosterMonths(), in.repMonthPlans())
        .unionByName(CxAdjustmentLines.build(months))
        .unionByName(CapAdjustmentLines.build(months))
        .unionByName(ClawbackLines.build(commission.clawable(), events, in.payMonthPlans()))
        .unionByName(GuaranteeTopupLines.build(months))
        .unionByName(MentorBonusLines.build(months, in.repMonthPlans()))
        .unionByName(AdjustmentLines.build(in.adjustments(), in.payMonthPlans()))
        .unionByName(ScorecardBonusLines.build(in.scorecardScores(), in.repMonthPlans()))
        .unionByName(team.lines())
        .unionByName(special.lines())
        .unionByName(SpiffLines.build(in.creditedDeals(), in.repMonthPlans()))
        .unionByName(OverrideLines.build(in.creditedDeals(), in.teams(), in.repMonthPlans())));
    Dataset<Row> stepLines = otherLines.unionByName(commission.lines());
    // step 12: the corrections of closed months, computed from steps 1-11; step 13 reads them as variable pay
    Dataset<Row> variable = PayLines.withoutCorrectedPeriod(stepLines);
    Dataset<Row> posted = corrections.from(stepLines);
    if (posted != null) {
      variable = variable.unionByName(stages.stage("prior_period_adjustments", posted));
    }
    BalanceLines.Result balance = BalanceLines.build(variable, in.payMonthPlans(), in.terminations(),
        corrections.openingBalances(), stages);
    Dataset<Row> balanceLines = PayLines.withoutCorrectedPeriod(balance.lines());
    // a run keeps the balance lines, which every reader of its pay lines reads; a simulation's lines feed
    // only the payouts: no stage of their own
    Dataset<Row> kept = variable.unionByName(detail == Detail.LINES ? stages.stage("balance_lines", balanceLines)
        : balanceLines);
    return new Result(kept, Payouts.build(kept), team.awards(), special.awards(), balance.balances());
  }
}
