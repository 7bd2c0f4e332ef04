package org.salescomp.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.salescomp.domain.RunScope;
import org.salescomp.engine.PlanTable;
import org.salescomp.engine.RepMonthPlans;
import org.salescomp.marts.ScenarioScores;
import org.salescomp.intermediate.BookRetention;
import org.salescomp.intermediate.CustomerVoiceFacts;
import org.salescomp.intermediate.DealCreditFacts;
import org.salescomp.intermediate.FirstDeals;
import org.salescomp.intermediate.KpiMonthFacts;
import org.salescomp.intermediate.PeriodQuotas;
import org.salescomp.intermediate.PrimaryCredits;
import org.salescomp.intermediate.RosterPeriods;
import org.salescomp.intermediate.TrainingCompletion;
import org.salescomp.io.SourceTable;
import org.salescomp.marts.KpiRegionPeriod;
import org.salescomp.marts.KpiRepPeriod;
import org.salescomp.marts.KpiScorecard;
import org.salescomp.marts.KpiTeamPeriod;
import org.salescomp.staging.SourceData;

/**
 * The KPI marts ("Measures (KPIs)" of the compensation model) from accepted inputs and credited deals.
 * Every event (credited deal, cancellation, first deal, survey, complaint) is aggregated once into
 * {@link KpiMonthFacts} rows (rep x team x month); months, quarters and years of the three tables are
 * rolled up from those rows, and ratios re-derived from their additive parts.
 *
 * @param repPeriods {@code kpi_rep_period}: rep x period_type x period_start
 * @param teamPeriods {@code kpi_team_period}: team x period_type x period_start, with the team's region
 * @param regionPeriods {@code kpi_region_period}: region x period_type x period_start
 * @param unattributed {@link KpiMonthFacts#unattributed}: surveys and complaints attributed to nobody, by
 *     month
 * @param scorecardScores {@link ScenarioScores}: the quarter's scorecard score of every scenario, rep
 *     and quarter (the baseline's equal {@code kpi_rep_period.scorecard_score})
 * @param shared what the tables are built from: {@link KpiMonthFacts} and the rep and team periods with
 *     their additive parts (see {@link #persist})
 */
public record KpiModel(Dataset<Row> repPeriods, Dataset<Row> teamPeriods, Dataset<Row> regionPeriods,
    Dataset<Row> unattributed, Dataset<Row> scorecardScores, List<Dataset<Row>> shared) {

  /** Without plans or required courses: scorecard_score and training_completion are null. */
  public static KpiModel build(SourceData inputs, Dataset<Row> creditedDeals, Dataset<Row> repMonths,
      Dataset<Row> quotas, RunScope scope) {
    Dataset<Row> noPlans = RepMonthPlans.build(repMonths, PlanTable.of(repMonths.sparkSession(), List.of()));
    return build(inputs, creditedDeals, repMonths, quotas, noPlans, List.of(), scope);
  }

  /**
   * @param creditedDeals {@link org.salescomp.intermediate.CreditedDeals}
   * @param repMonths {@link org.salescomp.intermediate.RepMonths}
   * @param quotas {@link org.salescomp.intermediate.RepQuotas#monthly}
   * @param repMonthPlans {@link RepMonthPlans}: the baseline scenario's plan versions give the published
   *     scorecard, every scenario's its own scores
   * @param requiredCourses {@code salescomp.comp.training.required-courses}
   */
  public static KpiModel build(SourceData inputs, Dataset<Row> creditedDeals, Dataset<Row> repMonths,
      Dataset<Row> quotas, Dataset<Row> repMonthPlans, List<String> requiredCourses, RunScope scope) {
    Dataset<Row> roster = inputs.get(SourceTable.REPS);
    Dataset<Row> customers = inputs.get(SourceTable.CUSTOMERS);
    Dataset<Row> targets = inputs.get(SourceTable.TARGETS);
    Dataset<Row> teams = inputs.get(SourceTable.TEAMS);
    List<String> courses = requiredCourses.stream().distinct().toList();

    Dataset<Row> quarterTargets = KpiScorecard.quarterTargets(targets);
    Dataset<Row> primaryCredits = PrimaryCredits.build(creditedDeals);
    Dataset<Row> facts = KpiMonthFacts.build(List.of(
        DealCreditFacts.build(creditedDeals),
        FirstDeals.events(FirstDeals.build(primaryCredits)),
        CustomerVoiceFacts.build(inputs.get(SourceTable.CSAT_SURVEYS), inputs.get(SourceTable.COMPLAINTS),
            primaryCredits, customers, roster, scope.logicalDate())));

    Dataset<Row> repParts = KpiRepPeriod.withParts(new KpiRepPeriod.Inputs(
        facts,
        RosterPeriods.build(repMonths),
        PeriodQuotas.reps(quotas, targets),
        BookRetention.build(customers, inputs.get(SourceTable.CUSTOMER_RETENTION), scope.lastMonthStart()),
        TrainingCompletion.firstPasses(inputs.get(SourceTable.TRAINING_RESULTS), courses, scope.logicalDate()),
        courses.size(),
        KpiScorecard.plans(repMonthPlans, PlanTable.BASELINE),
        quarterTargets,
        teams));
    Dataset<Row> teamParts = KpiTeamPeriod.withParts(facts, repParts, PeriodQuotas.teams(targets), teams);
    return new KpiModel(KpiRepPeriod.published(repParts), KpiTeamPeriod.published(teamParts),
        KpiRegionPeriod.build(teamParts), KpiMonthFacts.unattributed(facts),
        ScenarioScores.build(repParts, repMonthPlans, quarterTargets), List.of(facts, repParts, teamParts));
  }

  /**
   * Persists the rows the tables share (small: reps x periods at most), so that writing the three
   * tables and the unattributed counts computes the events and the rep-periods once. Call before the
   * first write, {@link #unpersist} after the last.
   */
  public KpiModel persist() {
    shared.forEach(rows -> rows.persist(StorageLevel.MEMORY_AND_DISK()));
    return this;
  }

  public void unpersist() {
    shared.forEach(Dataset::unpersist);
  }

  /**
   * Surveys and complaints of the scope's months attributed to nobody, for the run log's
   * {@code unattributed} map (keys {@value KpiMonthFacts#UNATTRIBUTED_SURVEYS} and
   * {@value KpiMonthFacts#UNATTRIBUTED_COMPLAINTS}). Runs one small Spark job.
   */
  public Map<String, Long> unattributedCounts(RunScope scope) {
    Map<String, Long> counts = new TreeMap<>(Map.of(
        KpiMonthFacts.UNATTRIBUTED_SURVEYS, 0L, KpiMonthFacts.UNATTRIBUTED_COMPLAINTS, 0L));
    unattributed
        .where(col(KpiMonthFacts.MONTH).between(lit(scope.firstDay()), lit(scope.lastMonthStart())))
        .groupBy(KpiMonthFacts.SOURCE)
        .agg(sum(col(KpiMonthFacts.UNATTRIBUTED)))
        .collectAsList()
        .forEach(r -> counts.put(r.getString(0), r.getLong(1)));
    return counts;
  }
}
