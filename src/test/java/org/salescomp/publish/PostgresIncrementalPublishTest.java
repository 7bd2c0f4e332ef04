package org.salescomp.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.salescomp.common.LocalFiles;
import org.salescomp.config.PostgresTarget;
import org.salescomp.config.Settings;
import org.salescomp.domain.RunScope;
import org.salescomp.marts.PublishedCatalog;
import org.salescomp.pipeline.NightlyJob;
import org.salescomp.testing.SharedSpark;

/**
 * The PostgreSQL copy as a BI tool uses it: keys, comments, the reader's grant; a publish after a one-month
 * run copies only that month's rows (and the periods and run it touched), counted; SQL as Superset writes
 * it, facts joined to dimensions by key, gives over PostgreSQL what it gives over the Delta tables. The
 * tests run in order on a copy of the publish tests' lakehouse and a schema of their own.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("slow")
class PostgresIncrementalPublishTest {
  static final YearMonth APRIL = YearMonth.of(2025, 4);
  static Settings settings;
  static PostgresTarget target;
  static Connection reader;

  @BeforeAll
  static void setUp() throws IOException, SQLException {
    TestDatabase.assumeReachable();
    PublishedDemo demo = PublishedDemo.get();
    Path copy = PublishedDemo.DIR.resolve("incremental-lakehouse");
    LocalFiles.deleteRecursively(copy);
    try (Stream<Path> files = Files.walk(Path.of(demo.settings.lakehouseRoot()))) {
      for (Path f : files.toList()) {
        Path to = copy.resolve(Path.of(demo.settings.lakehouseRoot()).relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(to);
        } else {
          Files.copy(f, to);
        }
      }
    }
    // the tables as the command line creates them (DeltaTableDefaults): with the change data feed on
    for (String table : org.salescomp.io.LakehousePaths.tables(SharedSpark.session(), copy.toString())) {
      SharedSpark.session().sql("ALTER TABLE delta.`" + copy.resolve(table) + "` SET TBLPROPERTIES"
          + " (delta.enableChangeDataFeed = true)");
    }
    Path overlay = Files.writeString(PublishedDemo.DIR.resolve("incremental.conf"),
        "salescomp.lakehouse.root = \"" + copy + "\"\n");
    List<Path> conf = new ArrayList<>(demo.confFiles);
    conf.add(overlay);
    settings = Settings.load(conf);
    String schema = TestDatabase.freshSchema("salescomp_inc");
    target = new PostgresTarget(TestDatabase.URL, TestDatabase.USER, "TEST_PG_PASSWORD", null, schema,
        schema + "_staging", TestDatabase.READER);
    reader = TestDatabase.connect();
  }

  @AfterAll
  static void dropSchemas() throws SQLException {
    if (reader == null) {
      return;
    }
    try (Statement st = reader.createStatement()) {
      st.execute("DROP SCHEMA IF EXISTS " + PgSql.identifier(target.schema()) + " CASCADE");
      st.execute("DROP SCHEMA IF EXISTS " + PgSql.identifier(target.stagingSchema()) + " CASCADE");
    }
    reader.close();
  }

  private static PublishReport publish() throws Exception {
    PostgresPublisher publisher = new PostgresPublisher(target,
        name -> name.equals("TEST_PG_PASSWORD") ? TestDatabase.PASSWORD : null, SwapListener.NONE);
    return publisher.publish(PublishedLakehouse.open(SharedSpark.session(), settings.lakehouseRoot()));
  }

  @Test
  @Order(1)
  void aFirstPublishCopiesEveryTableWholeWithKeysCommentsViewsAndTheReadersGrant() throws Exception {
    PublishReport report = publish();

    assertThat(report.modes().values()).containsOnly(PostgresPublisher.Mode.WHOLE);
    assertCopiesEqualDelta();
    assertThat(queryString("SELECT pg_get_constraintdef(k.oid) FROM pg_constraint k JOIN pg_class c ON c.oid ="
        + " k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '" + target.schema()
        + "' AND c.relname = 'payouts' AND k.contype = 'p'")).isEqualTo("PRIMARY KEY (rep_id, month)");
    assertThat(queryString("SELECT col_description('" + target.schema() + ".payouts'::regclass, "
        + "(SELECT attnum FROM pg_attribute WHERE attrelid = '" + target.schema() + ".payouts'::regclass"
        + " AND attname = 'total'))")).isEqualTo(PublishedCatalog.find("payouts").orElseThrow().comment("total"));
    assertThat(queryString("SELECT obj_description('" + target.schema() + ".dim_rep'::regclass, 'pg_class')"))
        .isEqualTo(PublishedCatalog.find("dim_rep").orElseThrow().description());
    for (String relation : List.of("payouts", "dim_month", "kpi_rep_month", "kpi_region_year")) {
      assertThat(queryString("SELECT has_table_privilege('" + TestDatabase.READER + "', '" + target.schema() + "."
          + relation + "', 'SELECT')")).as(relation).isEqualTo("t");
    }
    // the grain views: a month's revenue summed over kpi_rep_month equals that of kpi_rep_period's month rows
    assertThat(queryString("SELECT sum(revenue) FROM " + target.schema() + ".kpi_rep_month")).isEqualTo(
        queryString("SELECT sum(revenue) FROM " + target.schema() + ".kpi_rep_period WHERE period_type = 'month'"));
  }

  @Test
  @Order(2)
  void aPublishAfterAOneMonthRunMovesOnlyThatMonthsRows() throws Exception {
    RunScope april = RunScope.backfill(APRIL, APRIL);
    NightlyJob.run(SharedSpark.session(), settings, april, "april-again");
    PublishedLakehouse lakehouse = PublishedLakehouse.open(SharedSpark.session(), settings.lakehouseRoot());

    PublishReport report = publish();

    // the rows a one-month run owns: April's pay, April's, Q2's and 2025's KPI rows, the run's quarantine
    Map<String, Long> expected = new TreeMap<>();
    expected.put("commission_lines", count(lakehouse, "commission_lines", "month = '2025-04-01'"));
    expected.put("payouts", count(lakehouse, "payouts", "month = '2025-04-01'"));
    expected.put("rep_balances", count(lakehouse, "rep_balances", "month = '2025-04-01'"));
    expected.put("coaching_flags", count(lakehouse, "coaching_flags", "month = '2025-04-01'"));
    String periods = "(period_type = 'month' and period_start = '2025-04-01') or (period_type = 'quarter'"
        + " and period_start = '2025-04-01') or (period_type = 'year' and period_start = '2025-01-01')";
    expected.put("kpi_rep_period", count(lakehouse, "kpi_rep_period", periods));
    expected.put("kpi_team_period", count(lakehouse, "kpi_team_period", periods));
    expected.put("kpi_region_period", count(lakehouse, "kpi_region_period", periods));
    expected.put("quarantine", count(lakehouse, "quarantine", "run_id = 'april-again'"));
    for (Map.Entry<String, Long> e : expected.entrySet()) {
      if (!report.modes().containsKey(e.getKey())) {
        assertThat(e.getValue()).as(e.getKey()).isZero();
      } else if (report.modes().get(e.getKey()) == PostgresPublisher.Mode.CHANGED) {
        assertThat(report.rows().get(e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
      } else {
        // a table the run wrote no rows into (no April awards) is left as it was
        assertThat(report.modes().get(e.getKey())).as(e.getKey()).isEqualTo(PostgresPublisher.Mode.UNCHANGED);
        assertThat(e.getValue()).as(e.getKey()).isZero();
      }
    }
    assertThat(report.modes()).containsEntry("payouts", PostgresPublisher.Mode.CHANGED)
        .containsEntry("commission_lines", PostgresPublisher.Mode.CHANGED)
        .containsEntry("kpi_rep_period", PostgresPublisher.Mode.CHANGED);
    // awards are paid in a quarter's last month: an April run moves none
    assertThat(report.rows().get("team_awards")).isZero();
    // April is a quarter of the 4 months of pay: fewer rows moved than the table holds
    assertThat(report.rows().get("payouts")).isPositive().isLessThan(count(lakehouse, "payouts", "true"));
    assertThat(report.rows().get("commission_lines")).isLessThan(count(lakehouse, "commission_lines", "true"));
    assertCopiesEqualDelta();

    // nothing ran since: the next publish moves no row of a pinned table
    PublishReport again = publish();
    assertThat(again.modes()).containsEntry("payouts", PostgresPublisher.Mode.UNCHANGED)
        .containsEntry("kpi_rep_period", PostgresPublisher.Mode.UNCHANGED);
    assertCopiesEqualDelta();
  }

  @Test
  @Order(3)
  void supersetStyleSqlJoinsFactsToDimensionsByKeyAsOverTheDeltaTables() throws Exception {
    // payouts by fiscal quarter, region and the rep's current role; every payout finds its month, team and rep
    String byDimension = "SELECT m.fiscal_year, m.fiscal_quarter, t.region, r.role, count(*) AS payouts,"
        + " sum(p.total) AS total FROM %1$spayouts p JOIN %1$sdim_month m ON m.month = p.month"
        + " JOIN %1$sdim_team t ON t.team_id = p.team_id"
        + " JOIN %1$sdim_rep r ON r.rep_id = p.rep_id AND r.is_current"
        + " JOIN %1$sdim_plan_version v ON v.plan_id = p.plan_id AND p.month >= v.effective_from"
        + " AND (v.effective_to IS NULL OR p.month < v.effective_to)"
        + " GROUP BY m.fiscal_year, m.fiscal_quarter, t.region, r.role"
        + " ORDER BY m.fiscal_year, m.fiscal_quarter, t.region, r.role";
    // revenue per calendar year from the month view, and from the year view
    String kpiYears = "SELECT m.year, sum(k.revenue) AS revenue, max(y.revenue) AS year_revenue FROM %1$skpi_rep_month k"
        + " JOIN %1$sdim_month m ON m.month = k.period_start JOIN %1$sdim_rep r ON r.rep_id = k.rep_id AND r.is_current"
        + " JOIN (SELECT period_start, sum(revenue) AS revenue FROM %1$skpi_rep_year GROUP BY period_start) y"
        + " ON y.period_start = make_date(m.year, 1, 1) GROUP BY m.year ORDER BY m.year";
    SparkSession views = SharedSpark.session().newSession();
    PublishedLakehouse.registerViews(views, settings.lakehouseRoot());
    String pgPrefix = target.schema() + ".";

    // compared as sets of rows: PostgreSQL's collation may order text otherwise than Spark
    List<String> overDelta = rows(views.sql(String.format(byDimension, "")).collectAsList());
    assertThat(queryRows(String.format(byDimension, pgPrefix))).containsExactlyInAnyOrderElementsOf(overDelta)
        .isNotEmpty();
    // no payout is lost by the joins: the groups hold every row and every cent
    Row all = views.sql("SELECT count(*), sum(total) FROM payouts").first();
    assertThat(queryString("SELECT count(*) || ' ' || sum(total) FROM (" + String.format(byDimension, pgPrefix)
        .replaceFirst("SELECT .* FROM ", "SELECT p.total FROM ").replaceFirst(" GROUP BY .*", "") + ") j"))
        .isEqualTo(all.getLong(0) + " " + all.getDecimal(1).toPlainString());

    List<String> yearsOverDelta = rows(views.sql(String.format(kpiYears, "")).collectAsList());
    assertThat(queryRows(String.format(kpiYears, pgPrefix))).isEqualTo(yearsOverDelta).hasSize(1);
    // the months of 2025 sum to the year row
    assertThat(yearsOverDelta.get(0).split(" ")[1]).isEqualTo(yearsOverDelta.get(0).split(" ")[2]);
  }

  /** Row count and every money sum of each pinned table equal in PostgreSQL and Delta. */
  private static void assertCopiesEqualDelta() throws SQLException {
    PublishedLakehouse lakehouse = PublishedLakehouse.open(SharedSpark.session(), settings.lakehouseRoot());
    for (String table : lakehouse.tables()) {
      List<String> money = new ArrayList<>();
      for (var f : lakehouse.table(table).schema().fields()) {
        if (f.dataType().equals(PostgresPublishTest.MONEY)) {
          money.add(f.name());
        }
      }
      StringBuilder q = new StringBuilder("SELECT count(*)");
      money.forEach(c -> q.append(", sum(").append(c).append(")"));
      Row delta = lakehouse.table(table).selectExpr(q.substring("SELECT ".length()).split(", ")).first();
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < delta.size(); i++) {
        expected.add(delta.get(i) instanceof BigDecimal d ? d.toPlainString() : String.valueOf(delta.get(i)));
      }
      assertThat(queryRows(q + " FROM " + PgSql.table(target.schema(), table))).as(table)
          .containsExactly(String.join(" ", expected));
    }
  }

  /** Rows of a published table matching {@code where}; 0 for a table no run committed (no quarantined row). */
  private static long count(PublishedLakehouse lakehouse, String table, String where) {
    return lakehouse.has(table) ? lakehouse.table(table).where(where).count() : 0;
  }

  private static List<String> rows(List<Row> rows) {
    List<String> out = new ArrayList<>();
    for (Row r : rows) {
      List<String> cells = new ArrayList<>();
      for (int i = 0; i < r.size(); i++) {
        Object v = r.get(i);
        cells.add(v instanceof BigDecimal d ? d.toPlainString() : String.valueOf(v));
      }
      out.add(String.join(" ", cells));
    }
    return out;
  }

  private static List<String> queryRows(String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement st = reader.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> cells = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          Object v = rs.getObject(i);
          cells.add(v instanceof BigDecimal d ? d.toPlainString() : String.valueOf(v));
        }
        out.add(String.join(" ", cells));
      }
    }
    return out;
  }

  private static String queryString(String sql) throws SQLException {
    try (PreparedStatement q = reader.prepareStatement(sql); ResultSet rs = q.executeQuery()) {
      rs.next();
      return rs.getString(1);
    }
  }
}
