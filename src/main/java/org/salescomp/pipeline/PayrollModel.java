package org.salescomp.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.salescomp.common.EmploymentBounds;
import org.salescomp.common.Stages;
import org.salescomp.domain.Coaching;
import org.salescomp.domain.RunScope;
import org.salescomp.engine.CompEngine;
import org.salescomp.engine.PlanTable;
import org.salescomp.engine.RepMonthPlans;
import org.salescomp.intermediate.CreditedDeals;
import org.salescomp.staging.FxDailyRates;
import org.salescomp.intermediate.PeriodQuotas;
import org.salescomp.intermediate.RepMonths;
import org.salescomp.intermediate.RepQuotas;
import org.salescomp.intermediate.RosterMonths;
import org.salescomp.io.SourceTable;
import org.salescomp.marts.CoachingFlags;
import org.salescomp.staging.SourceData;
import org.salescomp.staging.StagedDeals;

/**
 * The whole computation from accepted inputs to marts, as pure Dataset transformations: the same
 * function serves the nightly run (one scenario) and simulations (plan and award tables with many).
 * Stage boundaries ({@link Stages}) decide where shared results are materialised; nothing here reads
 * or writes storage.
 */
public record PayrollModel(
    Dataset<Row> creditedDeals,
    Dataset<Row> rosterMonths,
    Dataset<Row> repMonths,
    Dataset<Row> repMonthPlans,
    KpiModel kpis,
    CompEngine.Result pay,
    Dataset<Row> coachingFlags) {

  /** The rules that are not plans: awards (per scenario, as data), coaching and training. */
  public record Rules(Dataset<Row> planTable, Dataset<Row> awardRules, Coaching coaching,
      List<String> requiredCourses, int lookbackMonths, String reportingCurrency) {}

  /**
   * @param inputs accepted input rows, one Dataset per source
   * @param rules plan and award tables of every scenario to evaluate, and the run's other rules
   */
  public static PayrollModel build(SourceData inputs, Rules rules, RunScope scope) {
    return build(inputs, rules, scope, Stages.inline());
  }

  /** @param stages where the model's shared intermediate results are materialised */
  public static PayrollModel build(SourceData inputs, Rules rules, RunScope scope, Stages stages) {
    return build(inputs, rules, scope, stages, CompEngine.Detail.LINES);
  }

  /** @param detail every pay line (a run) or what payouts need (a simulation), see {@link CompEngine.Detail} */
  public static PayrollModel build(SourceData inputs, Rules rules, RunScope scope, Stages stages,
      CompEngine.Detail detail) {
    return build(inputs, rules, scope, stages, detail, CompEngine.Corrections.NONE);
  }

  /** @param corrections step 12, the pay ledger's corrections of closed months ({@link CompEngine.Corrections}) */
  public static PayrollModel build(SourceData inputs, Rules rules, RunScope scope, Stages stages,
      CompEngine.Detail detail, CompEngine.Corrections corrections) {
    inputs = employed(inputs);
    Dataset<Row> roster = inputs.get(SourceTable.REPS);
    Dataset<Row> deals = StagedDeals.build(inputs.get(SourceTable.DEALS), scope.logicalDate());
    Dataset<Row> credited = stages.stage("credited_deals", CreditedDeals.build(deals,
        inputs.get(SourceTable.DEAL_CREDITS), FxDailyRates.build(inputs.get(SourceTable.FX_RATES)), roster,
        rules.reportingCurrency()));
    Dataset<Row> rosterMonths = stages.stage("roster_months", RosterMonths.build(roster,
        scope.computeFrom(rules.lookbackMonths()), scope.lastMonthStart()));
    Dataset<Row> repMonths = RepMonths.build(rosterMonths);
    Dataset<Row> quotas = RepQuotas.monthly(inputs.get(SourceTable.TARGETS));
    Dataset<Row> repMonthPlans = RepMonthPlans.withPlans(
        stages.stage("rep_month_versions", RepMonthPlans.versions(repMonths, rules.planTable())), rules.planTable());

    KpiModel kpis = staged(KpiModel.build(inputs, credited, repMonths, quotas, repMonthPlans,
        rules.requiredCourses(), scope), stages);
    Dataset<Row> idleMonthPlans = RepMonthPlans.build(RepMonths.afterLastActive(repMonths, scope.lastMonthStart()),
        rules.planTable());
    CompEngine.Result pay = CompEngine.run(new CompEngine.Inputs(credited, deals, rosterMonths, repMonthPlans,
        idleMonthPlans, rules.planTable(), quotas, PeriodQuotas.reps(quotas, inputs.get(SourceTable.TARGETS)),
        inputs.get(SourceTable.CUSTOMER_RETENTION), inputs.get(SourceTable.ADJUSTMENTS),
        inputs.get(SourceTable.TEAMS), terminations(roster), kpis.repPeriods(),
        kpis.teamPeriods(), kpis.scorecardScores(), rules.awardRules()), stages, detail, corrections);
    Dataset<Row> baselinePlans = repMonthPlans.where(col(PlanTable.SCENARIO).equalTo(lit(PlanTable.BASELINE)));
    Dataset<Row> coaching = CoachingFlags.build(kpis.repPeriods(), baselinePlans, rules.coaching());
    return new PayrollModel(credited, rosterMonths, repMonths, repMonthPlans, kpis, pay, coaching);
  }

  /**
   * The inputs with the roster cut to active days (employment bounds): from here on, every question of
   * which roster row holds on a date (proration, team and plan, award and mentor membership) asks about
   * active days.
   */
  public static SourceData employed(SourceData inputs) {
    return inputs.with(SourceTable.REPS, EmploymentBounds.activeRows(inputs.get(SourceTable.REPS)));
  }

  /** One row per rep: the termination date (null while employed). */
  private static Dataset<Row> terminations(Dataset<Row> roster) {
    return roster.groupBy(col("rep_id")).agg(max(col("termination_date")).as("termination_date"));
  }

  /** The KPI tables as stages; their shared parts are cached while the stages are computed. */
  private static KpiModel staged(KpiModel kpis, Stages stages) {
    kpis.persist();
    try {
      return new KpiModel(stages.stage("kpi_rep_period", kpis.repPeriods()),
          stages.stage("kpi_team_period", kpis.teamPeriods()),
          stages.stage("kpi_region_period", kpis.regionPeriods()),
          stages.stage("unattributed", kpis.unattributed()),
          stages.stage("scorecard_scores", kpis.scorecardScores()), List.of());
    } finally {
      kpis.unpersist();
    }
  }
}
