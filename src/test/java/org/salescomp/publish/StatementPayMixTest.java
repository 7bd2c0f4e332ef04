package org.salescomp.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.salescomp.common.LocaleFormat;
import org.salescomp.common.Messages;
import org.salescomp.common.UiLocale;

@Tag("fast")
class StatementPayMixTest {
  private static StatementLine line(String type, String amount) {
    return new StatementLine(type, null, null, null, null, BigDecimal.ONE, new BigDecimal(amount), "", null, Map.of(),
        "p1");
  }

  @Test
  void theLinesAreSummedInTheDashboardsGroupsAndAddUpToTheTotal() {
    Statement s = new Statement("R1", LocalDate.of(2026, 3, 1), List.of(
        line("base_salary", "5000.00"), line("commission", "1200.00"), line("commission", "310.55"),
        line("clawback", "-200.00"), line("guarantee_topup", "89.45"), line("override", "60.00"),
        line("mentor_bonus", "300.00"), line("spiff", "100.00"), line("team_award", "150.00"),
        line("special_award", "50.00")), new BigDecimal("7060.00"), Map.of(), Map.of());

    // commission = 1200.00 + 310.55 - 200.00 + 89.45 + override 60.00 = 1460.00; bonus = mentor 300.00 +
    // spiff 100.00 = 400.00; awards = 150.00 + 50.00 = 200.00; 5000.00 + 1460.00 + 400.00 + 200.00 + 0.00 = 7060.00
    assertThat(s.payMix()).containsExactly(
        Map.entry("base", new BigDecimal("5000.00")), Map.entry("commission", new BigDecimal("1460.00")),
        Map.entry("bonus", new BigDecimal("400.00")), Map.entry("awards", new BigDecimal("200.00")),
        Map.entry("adjustments", new BigDecimal("0.00")));
    assertThat(s.payMix().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualTo(s.total());
    assertThat(StatementHtml.render(s, Messages.of(UiLocale.EN), LocaleFormat.of(UiLocale.EN, "USD")))
        .contains("id=\"mix-commission\" data-value=\"1460.00\"");
  }
}
