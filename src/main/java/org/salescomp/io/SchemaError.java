package org.salescomp.io;

import java.util.List;

/**
 * An input table cannot be read as the contract says: a required column is missing, or a column has
 * a type that cannot hold the contract's (a struct where a date belongs). The run stops before
 * anything is written; the message names the table, the column and the expected type. A data
 * problem, not a configuration one: exit code 3, like a failed quality threshold.
 */
public final class SchemaError extends RuntimeException {
  public SchemaError(String table, String column, String expectedType, String location, List<String> found) {
    super("source " + table + " (" + location + "): required column " + column + " of type "
        + expectedType + " is missing; columns found: " + String.join(", ", found));
  }

  private SchemaError(String message) {
    super(message);
  }

  /** The source has no header line (an empty file, or a folder without data files). */
  public static SchemaError empty(String table, String location) {
    return new SchemaError("source " + table + " (" + location + "): empty, no header line and no rows");
  }

  /** As {@link #empty(String, String)}, where only the location is known. */
  public static SchemaError empty(String location) {
    return new SchemaError("source " + location + ": empty, no header line and no rows");
  }

  /** A CSV header names a column twice: which one holds the value is anybody's guess. */
  public static SchemaError repeated(String location, String column) {
    return new SchemaError("source " + location + ": the header names column " + column + " more than once");
  }

  /** A column is present with a type the contract's type cannot be read from. */
  public static SchemaError wrongType(String table, String column, String expectedType, String actualType,
      String location) {
    return new SchemaError("source " + table + " (" + location + "): column " + column + " is "
        + actualType + ", expected " + expectedType);
  }
}
