package org.salescomp.publish;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.salescomp.engine.PayMix;

/**
 * A rep's pay statement for one month: every line of pay with its explanation, the KPIs that drove
 * them, and the total, which reconciles with the rep-month's {@code payouts.total}.
 *
 * @param repId the rep; every line and KPI of the statement is this rep's
 * @param month first day of the month
 * @param lines the month's {@code commission_lines} of the rep, in the model's order
 * @param payoutTotal {@code payouts.total} of the rep and month
 * @param monthKpis the rep's {@code kpi_rep_period} month row: measure name to value, in column order
 * @param quarterKpis the quarter row in a quarter's last month (awards and bonuses are paid then), else empty
 * @param closedOn the day the month was closed: its lines are what went to payroll; null while it is open
 */
public record Statement(
    String repId,
    LocalDate month,
    List<StatementLine> lines,
    BigDecimal payoutTotal,
    Map<String, Object> monthKpis,
    Map<String, Object> quarterKpis,
    LocalDate closedOn) {

  public Statement {
    Objects.requireNonNull(repId, "repId");
    Objects.requireNonNull(month, "month");
    Objects.requireNonNull(payoutTotal, "payoutTotal");
    lines = List.copyOf(lines);
  }

  /** The statement of an open month. */
  public Statement(String repId, LocalDate month, List<StatementLine> lines, BigDecimal payoutTotal,
      Map<String, Object> monthKpis, Map<String, Object> quarterKpis) {
    this(repId, month, lines, payoutTotal, monthKpis, quarterKpis, null);
  }

  /** The lines that correct closed months ({@code prior_period_adjustment}), in the model's order. */
  public List<StatementLine> corrections() {
    return lines.stream().filter(l -> l.forMonth() != null).toList();
  }

  /** The sum of the lines, to the cent. */
  public BigDecimal total() {
    BigDecimal total = BigDecimal.ZERO.setScale(2);
    for (StatementLine line : lines) {
      total = total.add(line.amount());
    }
    return total;
  }

  /** The lines summed by pay mix group ({@link PayMix}), every group, in the dashboard's order. */
  public Map<String, BigDecimal> payMix() {
    Map<String, BigDecimal> mix = new LinkedHashMap<>();
    PayMix.GROUPS.keySet().forEach(group -> mix.put(group, BigDecimal.ZERO.setScale(2)));
    for (StatementLine line : lines) {
      mix.merge(PayMix.groupOf(line.lineType()), line.amount(), BigDecimal::add);
    }
    return mix;
  }

  public boolean reconciles() {
    return total().compareTo(payoutTotal) == 0;
  }

  /** The first day of the quarter the month belongs to. */
  public LocalDate quarter() {
    return month.withMonth((month.getMonthValue() - 1) / 3 * 3 + 1);
  }
}
