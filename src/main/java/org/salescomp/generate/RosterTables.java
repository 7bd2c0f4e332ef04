package org.salescomp.generate;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/** The {@code reps} roster (one row per rep and roster row) and the {@code teams} table. */
final class RosterTables {
  private RosterTables() {}

  static List<Row> reps(World world) {
    Ids ids = world.ids();
    Roster roster = world.roster();
    List<Row> rows = new ArrayList<>();
    for (Rep rep : roster.reps()) {
      for (RosterRow row : rep.rows()) {
        rows.add(RowFactory.create(ids.rep(rep.index()), rep.name(), row.role(),
            ids.team(row.team()), row.manager() < 0 ? null : ids.rep(row.manager()),
            row.mentor() < 0 ? null : ids.rep(row.mentor()), Period.date(rep.hireDay()),
            // the termination date is the last day worked; the roster row ends (exclusive) the day after
            rep.terminationDay() == Period.OPEN ? null : Period.date(rep.terminationDay() - 1),
            row.baseSalary(), row.plan(), Period.date(row.validFrom()),
            leftOpen(rep, row) || row.validTo() == Period.OPEN ? null : Period.date(row.validTo())));
      }
    }
    return rows;
  }

  /**
   * As HR often does, the last roster row of every other leaver is left open after the termination:
   * the termination date alone must end the pay.
   */
  static boolean leftOpen(Rep rep, RosterRow row) {
    return rep.terminationDay() != Period.OPEN && row.validTo() == rep.terminationDay() && rep.index() % 2 == 0;
  }

  static List<Row> teams(World world) {
    Ids ids = world.ids();
    return world.roster().teams().stream()
        .map(team -> RowFactory.create(ids.team(team.index()), team.name(), team.region(),
            ids.rep(team.manager())))
        .toList();
  }
}
