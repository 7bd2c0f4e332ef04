package org.salescomp.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.salescomp.testing.SharedSpark;

@Tag("fast")
class QueryEvaluationTest {
  private final SparkSession spark = SharedSpark.session();

  @Test
  void inputsUnderEightMebibytesRunInterpreted() {
    // Spark estimates a range of n longs at 8n bytes: 8 MiB less 8 bytes
    assertThat(QueryEvaluation.settingsFor(List.of(spark.range(500_000).toDF(), spark.range(548_575).toDF())))
        .isEqualTo(Map.of("spark.sql.codegen.wholeStage", "false", "spark.sql.codegen.factoryMode", "NO_CODEGEN"));
  }

  @Test
  void inputsOfEightMebibytesAndMoreRunGeneratedCode() {
    assertThat(QueryEvaluation.settingsFor(List.of(spark.range(500_000).toDF(), spark.range(548_576).toDF())))
        .isEqualTo(Map.of("spark.sql.codegen.wholeStage", "true", "spark.sql.codegen.factoryMode", "FALLBACK"));
  }

  @Test
  void eitherSettingGivenAtStartupWins() {
    assertThat(QueryEvaluation.configured(new SparkConf(false))).isFalse();
    assertThat(QueryEvaluation.configured(new SparkConf(false).set("spark.sql.codegen.wholeStage", "true"))).isTrue();
    assertThat(QueryEvaluation.configured(new SparkConf(false).set("spark.sql.codegen.factoryMode", "NO_CODEGEN")))
        .isTrue();
    // the tests' session is started with both: a run inside the tests keeps them
    QueryEvaluation.chooseFor(spark, List.of(spark.range(10).toDF()));
    assertThat(spark.conf().get("spark.sql.codegen.factoryMode")).isEqualTo("FALLBACK");
    assertThat(spark.conf().get("spark.sql.codegen.wholeStage")).isEqualTo("true");
  }
}
