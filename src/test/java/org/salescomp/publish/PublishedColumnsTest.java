package org.salescomp.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.salescomp.io.LakehousePaths;
import org.salescomp.io.PublishedTable;
import org.salescomp.marts.PublishedCatalog;
import org.salescomp.testing.SharedSpark;

/**
 * What a BI user finds about the written Delta tables: every column of every published table (and of the
 * grain views over them), as Spark reads it, is in docs/published-tables.md under its table and carries the
 * declared comment in the Delta schema; key columns are NOT NULL and payouts has its CHECK constraint.
 */
@Tag("slow")
class PublishedColumnsTest {
  static PublishedDemo demo;
  static String docs;

  @BeforeAll
  static void lakehouse() throws IOException {
    demo = PublishedDemo.get();
    docs = Files.readString(Path.of("docs/published-tables.md"));
  }

  @Test
  void everyColumnOfEveryWrittenTableIsDocumentedAndCommented() {
    SparkSession spark = SharedSpark.session();
    String root = demo.settings.lakehouseRoot();
    List<String> written = LakehousePaths.tables(spark, root);
    // every table a run writes (period_close is written by close)
    assertThat(written).containsAll(PublishedCatalog.TABLES.stream().map(PublishedTable::name)
        .filter(n -> !n.equals("period_close")).toList());
    // and readers see each of them, one a run left empty (special_awards here) included
    assertThat(PublishedLakehouse.open(spark, root).tables()).containsAll(written);
    List<String> checked = new ArrayList<>();
    for (String name : written) {
      PublishedTable declared = PublishedCatalog.find(name).orElseThrow();
      StructType schema = DeltaTable.forPath(spark, LakehousePaths.table(root, name)).toDF().schema();
      String section = section(name);
      for (StructField f : schema.fields()) {
        assertThat(section).as("docs of %s.%s", name, f.name()).contains("| `" + f.name() + "` |");
        assertThat(f.getComment().isDefined()).as("Delta comment of %s.%s", name, f.name()).isTrue();
        assertThat(f.getComment().get()).as("Delta comment of %s.%s", name, f.name())
            .isEqualTo(declared.comment(f.name()));
        checked.add(name + "." + f.name());
      }
      for (String key : declared.keyColumns()) {
        assertThat(schema.apply(key).nullable()).as("%s.%s NOT NULL", name, key)
            .isEqualTo(declared.schema().apply(key).nullable());
      }
      for (PublishedTable.GrainView view : declared.views()) {
        // the view's columns, read from Spark, are documented with the table they come from
        for (String column : demo.sql("select * from " + view.name()).columns()) {
          assertThat(section).as("docs of %s.%s", view.name(), column).contains("| `" + column + "` |");
        }
        assertThat(section).contains("`" + view.name() + "`");
      }
    }
    assertThat(checked).contains("payouts.team_id", "payouts.region", "payouts.plan_id", "dim_rep.is_current",
        "dim_month.fiscal_year", "dim_plan_version.parameters", "dim_team.region");
    assertThat(checked).doesNotContain("dim_rep.name");
  }

  @Test
  void keysAreNotNullAndAPayoutsTotalIsCheckedAgainstItsParts() {
    SparkSession spark = SharedSpark.session();
    DeltaTable payouts = DeltaTable.forPath(spark, LakehousePaths.table(demo.settings.lakehouseRoot(), "payouts"));
    StructType schema = payouts.toDF().schema();
    assertThat(schema.apply("rep_id").nullable()).isFalse();
    assertThat(schema.apply("month").nullable()).isFalse();
    Map<String, String> properties = payouts.detail().select("properties").first().getJavaMap(0);
    assertThat(properties.get("delta.constraints.total_is_sum_of_parts")).startsWith("total = base_salary + ");
    // the demo's payouts meet it, and a BI tool summing the grain views never double counts: the year's
    // revenue in kpi_rep_year equals the sum of its months in kpi_rep_month
    assertThat(demo.sql("select count(*) from payouts where total <> " + String.join(" + ",
        org.salescomp.engine.Payouts.COLUMNS_BY_LINE_TYPE.keySet())).first().getLong(0)).isZero();
    assertThat(demo.sql("select sum(revenue) from kpi_rep_year").first().getDecimal(0))
        .isEqualTo(demo.sql("select sum(revenue) from kpi_rep_month").first().getDecimal(0));
  }

  /** The docs' section of one table: from its heading to the next. */
  private static String section(String table) {
    int start = docs.indexOf("\n## `" + table + "`\n");
    assertThat(start).as("section of %s in docs/published-tables.md", table).isPositive();
    int end = docs.indexOf("\n## ", start + 1);
    return docs.substring(start, end < 0 ? docs.length() : end);
  }
}
