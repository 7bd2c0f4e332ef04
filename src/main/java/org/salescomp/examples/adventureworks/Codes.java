package org.salescomp.examples.adventureworks;

import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.trim;

import org.apache.spark.sql.Column;

/** The contract's codes are lower-case: {@code "Specialty Bike Shop"} becomes {@code specialty-bike-shop}. */
final class Codes {
  private Codes() {}

  static Column of(Column name) {
    return lower(regexp_replace(trim(name), "[^A-Za-z0-9]+", "-"));
  }
}
