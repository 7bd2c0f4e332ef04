package org.salescomp.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.salescomp.common.Stages;
import org.salescomp.config.Settings;
import org.salescomp.domain.RunScope;
import org.salescomp.io.QueryEvaluation;
import org.salescomp.io.SourceReader;
import org.salescomp.io.SourceTable;
import org.salescomp.quality.GateResult;
import org.salescomp.quality.InputGate;
import org.salescomp.staging.SourceData;
import org.salescomp.testing.GeneratedSample;
import org.salescomp.testing.SharedSpark;
import org.salescomp.testing.SortedRows;

/**
 * Runs on small inputs evaluate their queries interpreted ({@link org.salescomp.io.QueryEvaluation}): the
 * pay and the KPIs of generated data are the same rows, with the same types, as with Spark's generated code.
 */
@Tag("slow")
class CodegenModesTest {
  private static final RunScope SCOPE = RunScope.backfill(GeneratedSample.START,
      GeneratedSample.START.plusMonths(GeneratedSample.MONTHS - 1L));
  /** Generated code without falling back to interpreted where it does not compile. */
  private static final Map<String, String> GENERATED_CODE = Map.of(
      "spark.sql.codegen.wholeStage", "true", "spark.sql.codegen.factoryMode", "CODEGEN_ONLY");
  private static SparkSession spark;
  private static Settings settings;
  private static GateResult gate;
  private static PayrollModel.Rules rules;

  @BeforeAll
  static void gate() {
    spark = SharedSpark.session();
    Path data = GeneratedSample.folder();
    settings = Settings.load(List.of(Path.of("conf/local.conf"), data.resolve("sources.conf")));
    Map<SourceTable, Dataset<Row>> raw = new EnumMap<>(SourceTable.class);
    for (SourceTable table : SourceTable.values()) {
      raw.put(table, SourceReader.readRaw(spark, table, settings.source(table)));
    }
    gate = InputGate.check(new SourceData(raw), SCOPE.logicalDate(), settings.reportingCurrency());
    rules = NightlyJob.rules(spark, settings);
  }

  @AfterAll
  static void release() {
    gate.unpersist();
  }

  @Test
  void payAndKpisAreTheSameRowsAndTypesWithGeneratedCode() {
    List<Dataset<Row>> interpreted = with(QueryEvaluation.INTERPRETED, CodegenModesTest::tables);
    List<Dataset<Row>> generated = with(GENERATED_CODE, CodegenModesTest::tables);
    List<List<Row>> interpretedRows = with(QueryEvaluation.INTERPRETED,
        () -> interpreted.stream().map(SortedRows::of).toList());
    List<List<Row>> generatedRows = with(GENERATED_CODE, () -> generated.stream().map(SortedRows::of).toList());
    assertThat(interpretedRows.get(0)).hasSizeGreaterThan(1000);
    for (int i = 0; i < interpreted.size(); i++) {
      assertThat(generated.get(i).schema()).as("table %d", i).isEqualTo(interpreted.get(i).schema());
      assertThat(generatedRows.get(i)).as("table %d", i).containsExactlyElementsOf(interpretedRows.get(i));
    }
  }

  @Test
  void theSettingsTakeEffectPerQuery() {
    // "*(n)" marks an operator compiled into the generated code of whole-stage n
    assertThat(with(GENERATED_CODE, () -> plan(spark.range(10).selectExpr("id + 1 as n")))).contains("*(1) Project");
    assertThat(with(QueryEvaluation.INTERPRETED, () -> plan(spark.range(10).selectExpr("id + 1 as n")))).doesNotContain("*(");
  }

  private static String plan(Dataset<Row> rows) {
    rows.collect();
    return rows.queryExecution().executedPlan().treeString();
  }

  /** Pay lines, payouts, balances, the KPI tables and coaching flags of the baseline. */
  private static List<Dataset<Row>> tables() {
    PayrollModel model = PayrollModel.build(gate.accepted(), rules, SCOPE, Stages.checkpointed());
    return List.of(model.pay().lines(), model.pay().payouts(), model.pay().balances(), model.kpis().repPeriods(),
        model.kpis().teamPeriods(), model.kpis().regionPeriods(), model.coachingFlags());
  }

  private static <T> T with(Map<String, String> settings, Supplier<T> work) {
    Map<String, String> before = Map.of(
        "spark.sql.codegen.wholeStage", spark.conf().get("spark.sql.codegen.wholeStage"),
        "spark.sql.codegen.factoryMode", spark.conf().get("spark.sql.codegen.factoryMode"));
    settings.forEach(spark.conf()::set);
    try {
      return work.get();
    } finally {
      before.forEach(spark.conf()::set);
    }
  }
}
