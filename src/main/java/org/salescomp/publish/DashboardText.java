package org.salescomp.publish;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.salescomp.common.LocaleFormat;
import org.salescomp.common.Messages;

/**
 * The dashboard in the configured language: the page's texts from the bundle ({@code dashboard.*} keys in
 * the template, {@code dashboard.js.*} handed to the script), and every figure the page shows as text
 * formatted here, exactly, from the decimals of the data (the script formats chart axes only).
 */
final class DashboardText {
  private static final String SCRIPT_PREFIX = "dashboard.js.";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(dashboard\\.[a-z0-9.-]+)}}");
  private static final Set<String> MONEY_TILES = Set.of("revenue", "quota", "compensation");
  private static final Set<String> PERCENT_TILES = Set.of("attainment", "costOfSales");

  private DashboardText() {}

  /** The text of each {@code {{dashboard.*}}} placeholder of the template, escaped for HTML. */
  static Map<String, String> templateTexts(String template, Messages m, YearMonth month, LocaleFormat f) {
    Map<String, String> texts = new LinkedHashMap<>();
    Matcher matcher = PLACEHOLDER.matcher(template);
    while (matcher.find()) {
      texts.put(matcher.group(1), Html.escape(m.text(matcher.group(1), "month", f.month(month))));
    }
    return texts;
  }

  /** A copy of the page's data with the script's texts, month labels and figures as text added. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> localised(Map<String, Object> data, Messages m, LocaleFormat f) {
    Map<String, Object> page = new LinkedHashMap<>(data);
    page.put("lang", m.locale().tag());
    Map<String, String> texts = new LinkedHashMap<>();
    for (String key : m.keys()) {
      if (key.startsWith(SCRIPT_PREFIX)) {
        texts.put(key.substring(SCRIPT_PREFIX.length()), m.text(key));
      }
    }
    page.put("texts", texts);

    Map<String, String> monthLabels = new LinkedHashMap<>();
    Map<String, Object> trends = (Map<String, Object>) data.get("trends");
    for (Object day : (List<Object>) trends.get("months")) {
      monthLabels.put(day.toString(), f.month(YearMonth.parse(day.toString().substring(0, 7))));
    }
    page.put("monthLabels", monthLabels);

    Map<String, Object> snapshot = new LinkedHashMap<>((Map<String, Object>) data.get("snapshot"));
    Map<String, Object> tiles = new LinkedHashMap<>();
    ((Map<String, Map<String, Object>>) snapshot.get("tiles")).forEach((name, tile) -> {
      Map<String, Object> copy = new LinkedHashMap<>(tile);
      Object value = tile.get("value");
      copy.put("text", value == null ? "–" : figure(name, new BigDecimal(value.toString()), f));
      tiles.put(name, copy);
    });
    snapshot.put("tiles", tiles);

    Map<String, Object> leaderboard = new LinkedHashMap<>((Map<String, Object>) snapshot.get("leaderboard"));
    leaderboard.put("awardsQuarterText", m.text("dashboard.awards-quarter",
        "quarter", f.quarter(LocalDate.parse(leaderboard.get("awardsQuarter").toString()))));
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Map<String, Object> row : (List<Map<String, Object>>) leaderboard.get("rows")) {
      Map<String, Object> copy = new LinkedHashMap<>(row);
      copy.put("revenueText", text(f::money, row.get("revenue")));
      copy.put("quotaText", text(f::money, row.get("quota")));
      copy.put("attainmentText", text(f::percent1, row.get("attainment")));
      copy.put("teamAwardsText", text(f::money, row.get("teamAwards")));
      copy.put("specialAwardsText", text(f::money, row.get("specialAwards")));
      rows.add(copy);
    }
    leaderboard.put("rows", rows);
    snapshot.put("leaderboard", leaderboard);
    page.put("snapshot", snapshot);
    return page;
  }

  private static String figure(String tile, BigDecimal value, LocaleFormat f) {
    if (MONEY_TILES.contains(tile)) {
      return f.money(value);
    }
    return PERCENT_TILES.contains(tile) ? f.percent1(value) : f.number(value);
  }

  private static String text(java.util.function.Function<BigDecimal, String> format, Object value) {
    return value == null ? "–" : format.apply((BigDecimal) value);
  }
}
