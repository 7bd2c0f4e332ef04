package org.salescomp.publish;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.salescomp.common.AppVersion;
import org.salescomp.common.LocaleFormat;
import org.salescomp.common.Messages;
import org.salescomp.engine.Payouts;

/**
 * The executive dashboard of a month: one self-contained HTML file. The data are aggregates of the
 * published tables, embedded as JSON; the charts are drawn in the browser by the bundled Apache ECharts
 * (inlined, so the page needs no network when it is viewed).
 */
public final class DashboardPage {
  static final String ECHARTS = "echarts/echarts.common.min.js";

  private DashboardPage() {}

  /** The data the page shows, as plain Java values (what is embedded as JSON). */
  public static Map<String, Object> data(PublishedLakehouse lakehouse, YearMonth month) {
    LocalDate first = month.atDay(1);
    if (lakehouse.table(Payouts.TABLE).where(col("month").equalTo(lit(first))).isEmpty()) {
      throw new NothingPublishedException(
          "no payouts published for " + month + " in the lakehouse " + lakehouse.root());
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("month", month.toString());
    data.put("appVersion", AppVersion.get());
    data.put("trends", MonthlyTrends.build(lakehouse, first));
    data.put("snapshot", MonthSnapshot.build(lakehouse, first));
    return data;
  }

  /** The page in the language of {@code messages}, figures formatted by {@code format}. */
  public static String render(Map<String, Object> data, Messages messages, LocaleFormat format) {
    String echarts = Html.resource(ECHARTS);
    if (echarts.contains("</script")) {
      throw new IllegalStateException(ECHARTS + " cannot be inlined: it contains </script");
    }
    String template = Html.resource("dashboard.html");
    YearMonth month = YearMonth.parse(String.valueOf(data.get("month")));
    Map<String, String> values = new HashMap<>(DashboardText.templateTexts(template, messages, month, format));
    values.put("lang", messages.locale().tag());
    values.put("month", Html.escape(month.toString()));
    values.put("monthText", Html.escape(format.month(month)));
    values.put("style", Html.resource("dashboard.css"));
    values.put("data", Json.write(DashboardText.localised(data, messages, format)));
    values.put("echarts", echarts);
    values.put("script", Html.resource("dashboard.js"));
    return Html.fill(template, values);
  }

  /** Writes the month's dashboard to {@code file} (its folder created when missing). */
  public static Path write(PublishedLakehouse lakehouse, YearMonth month, Path file, Messages messages,
      LocaleFormat format) {
    String html = render(data(lakehouse, month), messages, format);
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      return Files.writeString(file, html, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the dashboard to " + file, e);
    }
  }
}
