package org.salescomp.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.salescomp.testing.Frames.row;

import io.delta.tables.DeltaTable;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salescomp.common.Money;
import org.salescomp.domain.RunScope;
import org.salescomp.testing.Frames;
import org.salescomp.testing.SharedSpark;

/**
 * A published table is created from its declaration: NOT NULL keys, column comments, its description, and
 * its CHECK constraints, which refuse a bad row on a later write; a release that adds a column to the
 * declaration merges it into the existing table (old rows read null) instead of failing.
 */
@Tag("slow")
class PublishedTableConstraintsTest {
  private static final RunScope MARCH = RunScope.backfill(YearMonth.of(2025, 3), YearMonth.of(2025, 3));
  @TempDir Path dir;

  /** A payouts-like table: key (rep_id, month), total = a + b. */
  private static PublishedTable declared(boolean withTeam) {
    PublishedTable.Columns columns = PublishedTable.columnsOf()
        .add("rep_id", DataTypes.StringType, "the rep")
        .add("month", DataTypes.DateType, "first day of the month");
    if (withTeam) {
      columns.add("team_id", DataTypes.StringType, "the rep's team");
    }
    return new PublishedTable("pay", "one row per rep and month", columns
        .add("a", Money.MONEY, "part a").add("b", Money.MONEY, "part b").add("total", Money.MONEY, "a + b")
        .withRunId(), List.of(), List.of("rep_id", "month"), List.of("month", "rep_id"),
        PublishedTable.OwnedRows.months("month"), true)
        .withCheck("total_is_sum_of_parts", "total = a + b");
  }

  @Test
  void aLakehouseGivenAsARelativeFolderGetsItsTables() {
    // conf/local.conf's lakehouse is the relative folder lakehouse/: Delta must get it as a path
    String relative = Path.of("").toAbsolutePath().relativize(dir.toAbsolutePath()).resolve("relative").toString();
    DeltaPublisher publisher = new DeltaPublisher(SharedSpark.session(), relative, "r1");
    publisher.publish(declared(false), Frames.of(
        "rep_id STRING, month DATE, a DECIMAL(18,2), b DECIMAL(18,2), total DECIMAL(18,2)",
        row("r1", "2025-03-01", "1.00", "2.00", "3.00")), MARCH);
    assertThat(SharedSpark.session().read().format("delta").load(dir.resolve("relative").resolve("pay").toString())
        .count()).isOne();
  }

  @Test
  void theTableCarriesItsKeysCommentsAndChecksAndRefusesARowThatBreaksThem() {
    SparkSession spark = SharedSpark.session();
    DeltaPublisher publisher = new DeltaPublisher(spark, dir.toString(), "r1");
    PublishedTable pay = declared(false);
    // 100.00 + 20.50 = 120.50
    publisher.publish(pay, Frames.of("rep_id STRING, month DATE, a DECIMAL(18,2), b DECIMAL(18,2), total DECIMAL(18,2)",
        row("r1", "2025-03-01", "100.00", "20.50", "120.50")), MARCH);

    String path = dir.resolve("pay").toString();
    DeltaTable delta = DeltaTable.forPath(spark, path);
    Map<String, StructField> fields = Map.of("rep_id", field(delta, "rep_id"), "total", field(delta, "total"));
    assertThat(fields.get("rep_id").nullable()).isFalse();
    assertThat(fields.get("total").nullable()).isTrue();
    assertThat(fields.get("total").getComment().get()).isEqualTo("a + b");
    Row detail = delta.detail().select("description", "properties").first();
    assertThat(detail.getString(0)).isEqualTo("one row per rep and month");
    assertThat(detail.<String, String>getJavaMap(1)).containsEntry("delta.constraints.total_is_sum_of_parts",
        "total = a + b");

    // 100.00 + 20.50 is not 120.51
    assertThatThrownBy(() -> publisher.publish(pay, Frames.of(
        "rep_id STRING, month DATE, a DECIMAL(18,2), b DECIMAL(18,2), total DECIMAL(18,2)",
        row("r1", "2025-03-01", "100.00", "20.50", "120.51")), MARCH))
        .hasStackTraceContaining("total_is_sum_of_parts");
    assertThatThrownBy(() -> publisher.publish(pay, Frames.of(
        "rep_id STRING, month DATE, a DECIMAL(18,2), b DECIMAL(18,2), total DECIMAL(18,2)",
        row(null, "2025-03-01", "1.00", "2.00", "3.00")), MARCH))
        .hasStackTraceContaining("rep_id");
    assertThat(spark.read().format("delta").load(path).count()).isOne();
  }

  @Test
  void aColumnAddedToTheDeclarationIsMergedIntoTheExistingTable() {
    SparkSession spark = SharedSpark.session();
    DeltaPublisher publisher = new DeltaPublisher(spark, dir.toString(), "r1");
    publisher.publish(declared(false), Frames.of(
        "rep_id STRING, month DATE, a DECIMAL(18,2), b DECIMAL(18,2), total DECIMAL(18,2)",
        row("r1", "2025-02-01", "1.00", "2.00", "3.00")), RunScope.backfill(YearMonth.of(2025, 2), YearMonth.of(2025, 2)));

    // the next release declares team_id after month; March is written with it, February (closed) keeps its row
    new DeltaPublisher(spark, dir.toString(), "r2").publish(declared(true), Frames.of(
        "rep_id STRING, month DATE, team_id STRING, a DECIMAL(18,2), b DECIMAL(18,2), total DECIMAL(18,2)",
        row("r1", "2025-03-01", "t1", "4.00", "5.00", "9.00")), MARCH);

    Dataset<Row> table = spark.read().format("delta").load(dir.resolve("pay").toString());
    assertThat(table.columns()).contains("team_id");
    assertThat(table.orderBy("month").selectExpr("cast(month as string)", "team_id", "cast(total as string)", "run_id")
        .collectAsList().toString()).isEqualTo("[[2025-02-01,null,3.00,r1], [2025-03-01,t1,9.00,r2]]");
  }

  @Test
  void aTableFromAnOlderReleaseGainsADeclaredCheckOnceWhateverTheCaseOfItsName() {
    SparkSession spark = SharedSpark.session();
    String schema = "rep_id STRING, month DATE, a DECIMAL(18,2), b DECIMAL(18,2), total DECIMAL(18,2)";
    PublishedTable unchecked = new PublishedTable("pay", "one row per rep and month", PublishedTable.columnsOf()
        .add("rep_id", DataTypes.StringType, "the rep").add("month", DataTypes.DateType, "first day of the month")
        .add("a", Money.MONEY, "part a").add("b", Money.MONEY, "part b").add("total", Money.MONEY, "a + b")
        .withRunId(), List.of(), List.of("rep_id", "month"), List.of("month", "rep_id"),
        PublishedTable.OwnedRows.months("month"), true);
    new DeltaPublisher(spark, dir.toString(), "r1").publish(unchecked, Frames.of(schema,
        row("r1", "2025-03-01", "1.00", "2.00", "3.00")), MARCH);

    // Delta keeps the name in lower case: the next runs find the check added by the first and add nothing
    PublishedTable checked = unchecked.withCheck("Total_Is_Sum", "total = a + b");
    for (String runId : List.of("r2", "r3")) {
      new DeltaPublisher(spark, dir.toString(), runId).publish(checked, Frames.of(schema,
          row("r1", "2025-03-01", "1.00", "2.00", "3.00")), MARCH);
    }

    Row detail = DeltaTable.forPath(spark, dir.resolve("pay").toString()).detail().select("properties").first();
    assertThat(detail.<String, String>getJavaMap(0)).containsEntry("delta.constraints.total_is_sum", "total = a + b");
  }

  private static StructField field(DeltaTable table, String name) {
    return table.toDF().schema().apply(name);
  }
}
