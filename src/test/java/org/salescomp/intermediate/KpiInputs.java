package org.salescomp.intermediate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.salescomp.domain.RunScope;
import org.salescomp.domain.TierMode;
import org.salescomp.engine.RepMonthPlans;
import org.salescomp.io.SourceTable;
import org.salescomp.pipeline.KpiModel;
import org.salescomp.staging.FxDailyRates;
import org.salescomp.staging.SourceData;
import org.salescomp.staging.StagedDeals;
import org.salescomp.testing.Frames;
import org.salescomp.testing.TestPlans;

/**
 * Hand-built inputs of the KPI model: every source empty unless rows are added, rows written with only
 * the columns a KPI reads (the others get fixed values). Reps are on plan {@code p}, the compensation
 * model's scorecard (revenue 0.5, new_customers 0.2, csat 0.15, complaint_rate 0.1 lower is better,
 * retention_rate 0.05; kpi-score-cap 1.5). The reporting currency is USD.
 */
public final class KpiInputs {
  private final Map<SourceTable, List<Object[]>> rows = new EnumMap<>(SourceTable.class);

  public KpiInputs rep(String repId, String teamId, String validFrom, String validTo) {
    return add(SourceTable.REPS, repId, "Rep " + repId, "account-executive", teamId, null, null, "2020-01-01", null,
        "5000.00", "p", validFrom, validTo);
  }

  public KpiInputs team(String teamId, String region) {
    return add(SourceTable.TEAMS, teamId, "Team " + teamId, region, null);
  }

  public KpiInputs customer(String customerId, String ownerRepId) {
    return add(SourceTable.CUSTOMERS, customerId, "Customer " + customerId, "smb", "north", ownerRepId, "2020-01-01");
  }

  /** A deal in USD credited 100% to its owner unless {@link #credit} rows say otherwise. */
  public KpiInputs deal(String dealId, String customerId, String ownerRepId, String amount, String closeDate,
      String status, String statusDate) {
    return add(SourceTable.DEALS, dealId, customerId, ownerRepId, "software", "direct", amount, "USD", closeDate,
        status, statusDate);
  }

  public KpiInputs won(String dealId, String customerId, String ownerRepId, String amount, String closeDate) {
    return deal(dealId, customerId, ownerRepId, amount, closeDate, "won", null);
  }

  public KpiInputs credit(String dealId, String repId, String creditPct) {
    return add(SourceTable.DEAL_CREDITS, dealId, repId, creditPct);
  }

  public KpiInputs survey(String surveyId, String customerId, String dealId, String repId, String date, int score) {
    return add(SourceTable.CSAT_SURVEYS, surveyId, customerId, dealId, repId, date, score, "online");
  }

  public KpiInputs complaint(String complaintId, String customerId, String dealId, String repId, String date) {
    return add(SourceTable.COMPLAINTS, complaintId, customerId, dealId, repId, date, "low", "billing", null);
  }

  public KpiInputs snapshot(String customerId, String month, boolean active) {
    return add(SourceTable.CUSTOMER_RETENTION, customerId, month, active, null);
  }

  public KpiInputs target(String scope, String scopeId, String periodType, String periodStart, String metric,
      String target) {
    return add(SourceTable.TARGETS, scope, scopeId, periodType, periodStart, metric, target);
  }

  public KpiInputs training(String repId, String courseId, String date, boolean passed) {
    return add(SourceTable.TRAINING_RESULTS, repId, courseId, date, passed ? 90 : 40, passed);
  }

  public SourceData data() {
    Map<SourceTable, Dataset<Row>> tables = new EnumMap<>(SourceTable.class);
    for (SourceTable table : SourceTable.values()) {
      tables.put(table, Frames.of(table.schema().toDDL(),
          rows.getOrDefault(table, List.of()).toArray(Object[][]::new)));
    }
    return new SourceData(tables);
  }

  /** {@link CreditedDeals} of these inputs as the run of the scope knows them. */
  public Dataset<Row> creditedDeals(RunScope scope) {
    return creditedDeals(data(), scope);
  }

  /** The KPI model of these inputs for the scope, as the pipeline builds it. */
  public KpiModel model(RunScope scope, List<String> requiredCourses) {
    return model(scope, requiredCourses, TestPlans.version(TestPlans.workedExample(TierMode.MARGINAL)));
  }

  /** The KPI model with every rep on one plan {@code p} of this version. */
  public KpiModel model(RunScope scope, List<String> requiredCourses, org.salescomp.domain.PlanVersion version) {
    SourceData inputs = data();
    Dataset<Row> roster = inputs.get(SourceTable.REPS);
    Dataset<Row> credited = creditedDeals(inputs, scope);
    Dataset<Row> repMonths = RepMonths.build(RosterMonths.build(roster, scope.lastMonthStart()));
    Dataset<Row> plans = RepMonthPlans.build(repMonths, TestPlans.planTable(version));
    return KpiModel.build(inputs, credited, repMonths, RepQuotas.monthly(inputs.get(SourceTable.TARGETS)), plans,
        requiredCourses, scope);
  }

  public KpiModel model(RunScope scope) {
    return model(scope, List.of());
  }

  private static Dataset<Row> creditedDeals(SourceData inputs, RunScope scope) {
    return CreditedDeals.build(StagedDeals.build(inputs.get(SourceTable.DEALS), scope.logicalDate()),
        inputs.get(SourceTable.DEAL_CREDITS), FxDailyRates.build(inputs.get(SourceTable.FX_RATES)),
        inputs.get(SourceTable.REPS), "USD");
  }

  private KpiInputs add(SourceTable table, Object... values) {
    rows.computeIfAbsent(table, t -> new ArrayList<>()).add(Arrays.copyOf(values, values.length));
    return this;
  }
}
