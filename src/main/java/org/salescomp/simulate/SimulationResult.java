package org.salescomp.simulate;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.salescomp.domain.RunScope;

/**
 * What a simulation published: its id, where the report is, rows written per table, and one line per
 * scenario of its overall figures (for the console).
 */
public record SimulationResult(String simulationId, RunScope scope, String comparedWith, List<Line> lines,
    String report, Map<String, Long> rowsWritten, long elapsedMillis) {

  /** A scenario's overall figures: cost, change against the scenario compared with, reps by change. */
  public record Line(String scenario, BigDecimal totalCost, BigDecimal change, BigDecimal changeShare,
      BigDecimal costToRevenue, long better, long worse, long unchanged, BigDecimal medianChange) {}

  static List<Line> lines(ReportData data) {
    return data.scenarios().stream().filter(s -> s.overall() != null).map(s -> {
      ReportData.Overall o = s.overall();
      return new Line(s.name(), o.totalCost(), o.change(), o.changeShare(), o.costToRevenue(), o.better(),
          o.worse(), o.unchanged(), o.changePercentiles().get(2));
    }).toList();
  }
}
