package org.salescomp.generate;

import java.io.Serializable;

/**
 * Everything the row generators share, built once in the driver and broadcast to the executors:
 * the period, the roster, the customers, the FX rates and how the deals spread.
 */
record World(long seed, Period period, Sizes sizes, Ids ids, Roster roster,
    SalesActivity activity, Customers customers, FxRates fx) implements Serializable {

  static World create(GeneratorOptions options) {
    Period period = new Period(options.start(), options.months());
    Sizes sizes = Sizes.of(options.scale(), options.months());
    Roster roster = RosterBuilder.build(options.seed(), sizes, period);
    SalesActivity activity = SalesActivity.of(roster, period, sizes.deals());
    Customers customers =
        CustomersBuilder.build(options.seed(), sizes.customers(), roster, activity);
    FxRates fx = FxRates.generate(options.seed(), period);
    return new World(options.seed(), period, sizes, Ids.of(sizes), roster, activity, customers, fx);
  }

  /** A short form: the roster and customers are far too long to print. */
  @Override
  public String toString() {
    return "World[seed=" + seed + ", " + period + ", " + sizes + "]";
  }
}
