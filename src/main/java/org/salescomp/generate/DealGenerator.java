package org.salescomp.generate;

import static org.salescomp.generate.Draws.between;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.salescomp.generate.CustomerVoice.Subject;
import org.salescomp.generate.CustomerVoice.Voice;
import org.salescomp.generate.Draws.Stream;

/**
 * Generates deal {@code index} and what hangs off it: its credit split, its survey and its
 * complaint. The deal closes in the month its index falls in, on a day its owner is employed
 * (weekdays and quarter-end rushes likelier), for a customer that exists and is active then. About 3%
 * are later cancelled or refunded, 1 to 150 days after the close.
 */
final class DealGenerator {
  /** Weights of won, cancelled, refunded. */
  private static final double[] STATUS_WEIGHTS = {970, 18, 12};
  private static final int MAX_DAY_DRAWS = 200;

  private DealGenerator() {}

  /** One row of {@link DealEnvelopes#SCHEMA}. */
  static Row envelope(World world, long index) {
    SplittableRandom rng = Draws.rng(world.seed(), Stream.DEAL, index);
    Ids ids = world.ids();
    Customers customers = world.customers();
    int month = world.activity().monthOfDeal(index);
    int ownerIndex = world.activity().drawRep(month, rng.nextDouble());
    Rep owner = world.roster().rep(ownerIndex);
    int day = closeDay(rng, world.period(), owner, month);
    RosterRow row = owner.rowOn(day);
    int region = Vocabulary.regionIndex(world.roster().team(row.team()).region());
    int customer = customers.pickFor(rng, ownerIndex, region, day, month);
    int category = DealMix.category(rng, customers.segment[customer]);
    int channel = DealMix.channel(rng, owner.role());
    int currency = customers.currency[customer];
    double usd = DealMix.usd(rng, owner, customers.segment[customer], category, channel);
    int status = Draws.weighted(rng, STATUS_WEIGHTS);
    LocalDate statusDate = switch (status) {
      case 1 -> Period.date(day + between(rng, 1, 60));
      case 2 -> Period.date(day + between(rng, 14, 150));
      default -> null;
    };
    String dealId = ids.deal(index);
    Row deal = RowFactory.create(dealId, ids.customer(customer), ids.rep(ownerIndex),
        Vocabulary.PRODUCT_CATEGORIES[category], Vocabulary.CHANNELS[channel],
        Decimals.money(Math.max(1.0, usd / world.fx().toUsd(currency, day))),
        Vocabulary.CURRENCIES[currency], Period.date(day), Vocabulary.STATUSES[status], statusDate);
    List<Row> credits = CreditSplit.credits(rng, world, dealId, ownerIndex, row.team(), day);
    Voice voice = CustomerVoice.of(rng, ids, new Subject(index, dealId, ids.customer(customer),
        ids.rep(ownerIndex), owner, day, category, status != 0));
    return DealEnvelopes.envelope(deal, credits, voice.surveys(), voice.complaints());
  }

  /** A day of the month on which the rep is employed, drawn by {@link Period#dayWeight}. */
  private static int closeDay(SplittableRandom rng, Period period, Rep rep, int month) {
    int from = Math.max(period.monthStart(month), rep.hireDay());
    int to = rep.lastActiveDay(period.monthStart(month), period.monthEnd(month));
    int day = between(rng, from, to);
    for (int draw = 1; draw < MAX_DAY_DRAWS; draw++) {
      if (rng.nextDouble() * Period.MAX_DAY_WEIGHT < Period.dayWeight(day)) {
        break;
      }
      day = between(rng, from, to);
    }
    return day;
  }
}
