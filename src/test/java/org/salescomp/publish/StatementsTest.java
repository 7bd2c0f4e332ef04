package org.salescomp.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.salescomp.testing.CliProcess;

/** Statements on the generated lakehouse: totals reconcile with payouts, and a statement holds one rep's data. */
@Tag("slow")
class StatementsTest {
  private static final Pattern REP_ID = Pattern.compile("R-\\d{4}");
  private static final Pattern DEAL_ID = Pattern.compile("D-\\d{7}");

  static PublishedLakehouse lakehouse;

  @BeforeAll
  static void lakehouse() {
    lakehouse = PublishedDemo.get().lakehouse();
  }

  @Test
  void everyRepMonthsStatementTotalEqualsItsPayout() {
    Map<String, BigDecimal> payouts = new HashMap<>();
    for (Row r : lakehouse.table("payouts").select("rep_id", "month", "total").collectAsList()) {
      payouts.put(r.getString(0) + " " + r.get(1), r.getDecimal(2));
    }
    int statements = 0;
    for (YearMonth month = PublishedDemo.FIRST; !month.isAfter(PublishedDemo.LAST); month = month.plusMonths(1)) {
      for (Statement s : Statements.forMonth(lakehouse, month, null)) {
        BigDecimal payout = payouts.get(s.repId() + " " + s.month());
        assertThat(s.total()).as("statement of %s for %s", s.repId(), month).isEqualTo(payout);
        // the rendered CSV says the same: its total row carries the sum and payouts.total
        String total = totalRow(StatementCsv.render(s, PublishedDemo.get().settings.messages(),
            PublishedDemo.get().settings.localeFormat()));
        assertThat(total).isEqualTo("total," + payout.toPlainString() + "," + payout.toPlainString());
        statements++;
      }
    }
    // one statement per published rep-month, none missing
    assertThat(statements).isEqualTo(payouts.size()).isGreaterThan(500);
  }

  @Test
  void aStatementHoldsThatRepsDataOnly() throws IOException {
    // the rep of the quarter's last month with the most kinds of lines: awards, bonus, commission ...
    String rep = lakehouse.table("commission_lines").where("month = '2025-03-01'").groupBy("rep_id")
        .agg(org.apache.spark.sql.functions.countDistinct("line_type").as("kinds"))
        .orderBy(org.apache.spark.sql.functions.desc("kinds"), org.apache.spark.sql.functions.col("rep_id"))
        .first().getString(0);
    List<Statement> statements = Statements.forMonth(lakehouse, PublishedDemo.QUARTER_END, rep);
    assertThat(statements).singleElement().extracting(Statement::repId).isEqualTo(rep);
    Path dir = PublishedDemo.ARTIFACTS.resolve("statements");
    List<Path> files = StatementFiles.write(statements, dir, PublishedDemo.get().settings.messages(),
        PublishedDemo.get().settings.localeFormat());
    assertThat(files).extracting(f -> f.getFileName().toString())
        .containsExactly("statement-" + rep + "-2025-03.html", "statement-" + rep + "-2025-03.csv");

    List<Row> ownLines = lakehouse.table("commission_lines")
        .where("month = '2025-03-01' and rep_id = '" + rep + "'").select("deal_id", "explanation").collectAsList();
    String csv = Files.readString(files.get(1));
    List<String> records = csv.lines().skip(1).toList();
    // every record is the rep's: the lines, the total, the KPI rows of the month and of the quarter
    assertThat(records).allMatch(r -> r.startsWith(rep + ",2025-03-01,"));
    assertThat(records.stream().filter(r -> r.startsWith(rep + ",2025-03-01,line,"))).hasSize(ownLines.size());
    assertThat(records).anyMatch(r -> r.startsWith(rep + ",2025-03-01,kpi_month,attainment,"))
        .anyMatch(r -> r.startsWith(rep + ",2025-03-01,kpi_quarter,attainment,"));

    // ids in the page: the rep's own deals, and other reps only where the rep's own lines name them
    // (a mentor bonus names the mentee, an adjustment its approver)
    Set<String> ownDeals = new HashSet<>();
    StringBuilder ownText = new StringBuilder();
    for (Row line : ownLines) {
      if (!line.isNullAt(0)) {
        ownDeals.add(line.getString(0));
      }
      ownText.append(line.getString(1)).append('\n');
    }
    String html = Files.readString(files.get(0));
    assertThat(ids(DEAL_ID, html)).isSubsetOf(ownDeals);
    Set<String> mentioned = ids(REP_ID, ownText.toString());
    mentioned.add(rep);
    assertThat(ids(REP_ID, html)).isSubsetOf(mentioned);
    assertThat(html).contains("id=\"reconciles\" data-value=\"yes\">yes<");
  }

  @Test
  void quarterKpisAppearInTheQuartersLastMonthOnly() {
    Statement march = Statements.forMonth(lakehouse, PublishedDemo.QUARTER_END, null).get(0);
    Statement april = Statements.forMonth(lakehouse, YearMonth.of(2025, 4), march.repId()).get(0);
    assertThat(march.monthKpis()).containsKeys("revenue", "quota", "attainment", "csat_avg");
    assertThat(march.quarterKpis()).containsKey("scorecard_score");
    assertThat(april.quarterKpis()).isEmpty();
  }

  @Test
  void aRepWithoutPayIsAUsageErrorNotAnEmptyStatement() {
    assertThatThrownBy(() -> Statements.forMonth(lakehouse, PublishedDemo.QUARTER_END, "R-9999"))
        .isInstanceOf(NothingPublishedException.class).hasMessageContaining("R-9999").hasMessageContaining("2025-03");
  }

  @Test
  void theCommandWritesEveryRepsStatementOfAMonthAndRefusesAnUnknownRep() throws Exception {
    Path dir = PublishedDemo.ARTIFACTS.resolve("statements-2025-04");
    List<String> all = new ArrayList<>(List.of("statement", "--all", "--month", "2025-04", "--out", dir.toString()));
    all.addAll(PublishedDemo.get().confArgs());
    CliProcess written = CliProcess.run(all);
    assertThat(written.exitCode()).as(written.toString()).isZero();
    long reps = lakehouse.table("payouts").where("month = '2025-04-01'").count();
    try (var files = Files.list(dir)) {
      assertThat(files.filter(f -> f.toString().endsWith(".csv")).count()).isEqualTo(reps);
    }
    assertThat(written.out()).contains("wrote " + reps + " statements for April 2025");

    List<String> unknown = new ArrayList<>(List.of("statement", "--rep", "R-9999", "--month", "2025-04"));
    unknown.addAll(PublishedDemo.get().confArgs());
    CliProcess refused = CliProcess.run(unknown);
    // a usage error: exit 2, one line naming the rep and the month, nothing written
    assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
    assertThat(refused.err().lines().filter(l -> l.startsWith("salescomp statement:")))
        .singleElement().asString().contains("R-9999").contains("2025-04");
  }

  private static String totalRow(String csv) {
    // rep_id,month,section,name,deal_id,credited_amount,tier,rate,multiplier,amount,value,...
    String row = csv.lines().filter(l -> l.contains(",total,total,")).findFirst().orElseThrow();
    String[] f = row.split(",", -1);
    return f[3] + "," + f[9] + "," + f[10];
  }

  private static Set<String> ids(Pattern pattern, String text) {
    Set<String> ids = new HashSet<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      ids.add(m.group());
    }
    return ids;
  }
}
