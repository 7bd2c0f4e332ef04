package org.salescomp.generate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.salescomp.generate.Draws.Stream;
import org.salescomp.io.SourceTable;

/**
 * The {@code customers} table and {@code customer_retention}: one row per customer and month from
 * the month it was created (or the period's first month) to the period's last, active until the
 * churn month. Subscribers carry a slowly drifting recurring revenue while active and 0 after
 * churning; other customers have none (null).
 */
final class CustomerTables {
  static final long CUSTOMERS_PER_PARTITION = 250_000;
  /** About 24 rows each: some 500,000 rows per partition over two years. */
  static final long RETENTION_CUSTOMERS_PER_PARTITION = 20_000;
  private static final String[] NAME_FIRST = {"Blue", "North", "Silver", "Cedar", "Bright",
      "Harbor", "Summit", "Granite", "Maple", "Pioneer", "Coastal", "Red", "Golden", "Prairie"};
  private static final String[] NAME_SECOND = {"River", "Peak", "Stone", "Field", "Bridge", "Oak",
      "Lake", "Ridge", "Valley", "Point", "Works", "Grove"};
  private static final String[] NAME_TRADE = {"Logistics", "Foods", "Health", "Retail", "Energy",
      "Systems", "Media", "Labs", "Builders", "Partners", "Motors", "Textiles"};
  private static final String[] NAME_FORM = {"Inc", "LLC", "Ltd", "GmbH", "Co", "Group"};

  private CustomerTables() {}

  static Dataset<Row> customers(SparkSession spark, Broadcast<World> world) {
    return Distributed.generate(spark, world.value().sizes().customers(), CUSTOMERS_PER_PARTITION,
        SourceTable.CUSTOMERS.schema(), c -> List.of(customer(world.value(), (int) c)));
  }

  static Dataset<Row> retention(SparkSession spark, Broadcast<World> world) {
    return Distributed.generate(spark, world.value().sizes().customers(),
        RETENTION_CUSTOMERS_PER_PARTITION, SourceTable.CUSTOMER_RETENTION.schema(),
        c -> retention(world.value(), (int) c));
  }

  private static Row customer(World world, int c) {
    Customers customers = world.customers();
    SplittableRandom rng = Draws.rng(world.seed(), Stream.CUSTOMER_NAME, c);
    String name = Draws.pick(rng, NAME_FIRST) + " " + Draws.pick(rng, NAME_SECOND) + " "
        + Draws.pick(rng, NAME_TRADE) + " " + Draws.pick(rng, NAME_FORM);
    int owner = customers.owner[c];
    return RowFactory.create(world.ids().customer(c), name,
        Vocabulary.SEGMENTS[customers.segment[c]], Vocabulary.REGIONS[customers.region[c]],
        owner < 0 ? null : world.ids().rep(owner), Period.date(customers.createdDay[c]));
  }

  private static List<Row> retention(World world, int c) {
    Customers customers = world.customers();
    Period period = world.period();
    SplittableRandom rng = Draws.rng(world.seed(), Stream.RETENTION, c);
    String id = world.ids().customer(c);
    double recurring = customers.recurring[c];
    List<Row> rows = new ArrayList<>();
    for (int m = Math.max(0, period.monthIndex(customers.createdDay[c])); m < period.months(); m++) {
      boolean active = customers.activeIn(c, m);
      recurring *= 1 + 0.01 * Draws.gaussian(rng) + 0.002;
      BigDecimal revenue = customers.recurring[c] == 0 ? null
          : Decimals.money(active ? recurring : 0);
      rows.add(RowFactory.create(id, Period.date(period.monthStart(m)), active, revenue));
    }
    return rows;
  }
}
