package org.salescomp.generate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * About one deal in ten is shared between its owner and one or two teammates (not the manager) who
 * are on the team on the close date. The shares add up to exactly 1 and the owner holds the largest. A deal that is not
 * shared gets no credit rows at all.
 */
final class CreditSplit {
  static final double SPLIT_SHARE = 0.105;
  private static final String[][] TWO_WAY = {{"0.5", "0.5"}, {"0.6", "0.4"}, {"0.7", "0.3"}};
  private static final String[][] THREE_WAY = {{"0.34", "0.33", "0.33"}, {"0.4", "0.3", "0.3"},
      {"0.5", "0.25", "0.25"}};

  private CreditSplit() {}

  static List<Row> credits(SplittableRandom rng, World world, String dealId, int owner, int team,
      int day) {
    if (!Draws.chance(rng, SPLIT_SHARE)) {
      return List.of();
    }
    List<Integer> teammates = teammatesOn(world.roster(), owner, team, day);
    int others = Math.min(teammates.size(), Draws.chance(rng, 0.75) ? 1 : 2);
    if (others == 0) {
      return List.of();
    }
    String[] shares = Draws.pick(rng, others == 1 ? TWO_WAY : THREE_WAY);
    List<Row> rows = new ArrayList<>();
    rows.add(credit(world, dealId, owner, shares[0]));
    for (int i = 1; i <= others; i++) {
      int mate = teammates.remove(rng.nextInt(teammates.size()));
      rows.add(credit(world, dealId, mate, shares[i]));
    }
    return rows;
  }

  private static List<Integer> teammatesOn(Roster roster, int owner, int team, int day) {
    List<Integer> mates = new ArrayList<>();
    for (int rep : roster.membersEver(team)) {
      RosterRow row = roster.rep(rep).rowOn(day);
      if (rep != owner && row != null && row.team() == team
          && !Vocabulary.MANAGER.equals(row.role())) {
        mates.add(rep);
      }
    }
    return mates;
  }

  private static Row credit(World world, String dealId, int rep, String share) {
    return RowFactory.create(dealId, world.ids().rep(rep), new BigDecimal(share).setScale(6));
  }
}
