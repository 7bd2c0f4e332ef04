package org.salescomp.engine;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;

/**
 * The pay mix, the one grouping of pay that the dashboard, the pay statements and the simulation report
 * show: the {@code payouts} columns in five groups that add up to {@code total}. Commission is net of what
 * adjusts it (clawbacks, cx modifier, cap, guarantee top-up, draws, their recovery and negative months
 * carried) and includes a manager's override on the team's revenue; bonus is the scorecard bonus, the
 * mentor bonus and SPIFFs.
 */
public final class PayMix {
  /** Group name -> the payouts columns it sums, in the order charts stack them. */
  public static final Map<String, List<String>> GROUPS = groups();

  private PayMix() {}

  private static Map<String, List<String>> groups() {
    Map<String, List<String>> groups = new LinkedHashMap<>();
    groups.put("base", List.of("base_salary"));
    groups.put("commission", List.of("commission", "clawback", "cx_adjustment", "cap_adjustment", "guarantee_topup",
        "override", "draw_topup", "draw_recovery", "negative_carry"));
    groups.put("bonus", List.of("bonus", "mentor_bonus", "spiff"));
    groups.put("awards", List.of("awards"));
    // corrections of closed months are manual adjustments' kin: money paid outside the month's own rules
    groups.put("adjustments", List.of("adjustments", "prior_period_adjustments"));
    // a payouts column outside every group would make the mix miss money: fail at class load
    Set<String> grouped = new HashSet<>();
    groups.values().forEach(grouped::addAll);
    if (!grouped.equals(Payouts.COLUMNS_BY_LINE_TYPE.keySet())) {
      throw new IllegalStateException("pay mix groups " + grouped + " differ from the payouts columns "
          + Payouts.COLUMNS_BY_LINE_TYPE.keySet());
    }
    return groups;
  }

  /** The group a pay line of {@code lineType} ({@link PayLines}) counts in. */
  public static String groupOf(String lineType) {
    for (Map.Entry<String, List<String>> group : GROUPS.entrySet()) {
      for (String column : group.getValue()) {
        if (Payouts.COLUMNS_BY_LINE_TYPE.get(column).contains(lineType)) {
          return group.getKey();
        }
      }
    }
    throw new IllegalArgumentException("no pay mix group sums line type " + lineType);
  }

  /** Over payouts rows: one sum per group, named after it, and the sum of {@code total}. */
  public static Column[] sums() {
    Column[] sums = new Column[GROUPS.size() + 1];
    int i = 0;
    for (Map.Entry<String, List<String>> group : GROUPS.entrySet()) {
      Column amount = null;
      for (String c : group.getValue()) {
        amount = amount == null ? col(c) : amount.plus(col(c));
      }
      sums[i++] = sum(amount).as(group.getKey());
    }
    sums[i] = sum(col(Payouts.TOTAL)).as(Payouts.TOTAL);
    return sums;
  }
}
