package org.salescomp.generate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.salescomp.generate.Draws.Stream;

/**
 * The {@code adjustments} table: about one manual line per 100 rep-months, mostly positive (a SPIFF,
 * a missed split), some negative (an overpayment recovered), approved by the rep's team manager, or
 * for a manager by a peer manager. Numbered in month order, then rep order.
 */
final class Adjustments {
  static final double SHARE_OF_REP_MONTHS = 0.01;
  private static final String[] CREDITS = {"SPIFF: quarter-end product push",
      "correction: missing split credit", "retroactive quota relief", "customer reference bonus"};
  private static final String[] DEBITS = {"overpayment recovery",
      "correction: duplicate commission", "draw recovery"};

  private Adjustments() {}

  static List<Row> rows(World world) {
    Period period = world.period();
    Roster roster = world.roster();
    List<Row> rows = new ArrayList<>();
    for (int m = 0; m < period.months(); m++) {
      for (Rep rep : roster.reps()) {
        int last = rep.lastActiveDay(period.monthStart(m), period.monthEnd(m));
        SplittableRandom rng = Draws.rng(world.seed(), Stream.ADJUSTMENT,
            (long) rep.index() * period.months() + m);
        if (last >= 0 && Draws.chance(rng, SHARE_OF_REP_MONTHS)) {
          rows.add(adjustment(world, rows.size(), rep, rep.rowOn(last), m, rng));
        }
      }
    }
    return rows;
  }

  private static Row adjustment(World world, int number, Rep rep, RosterRow row, int month,
      SplittableRandom rng) {
    boolean credit = Draws.chance(rng, 0.7);
    BigDecimal amount = credit ? Decimals.money(100 + 2400 * rng.nextDouble())
        : Decimals.money(-(100 + 1400 * rng.nextDouble()));
    String reason = Draws.pick(rng, credit ? CREDITS : DEBITS);
    int approver = row.manager() >= 0 && row.manager() != rep.index() ? row.manager()
        : world.roster().peerManager(row.team());
    return RowFactory.create(Ids.adjustment(number), world.ids().rep(rep.index()),
        world.period().month(month).atDay(1), amount, reason, world.ids().rep(approver));
  }
}
