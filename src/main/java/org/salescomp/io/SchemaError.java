package org.salescomp.io;

import java.util.List;

/** An input table lacks a required column: the run stops before anything is written. */
public final class SchemaError extends RuntimeException {
  public SchemaError(String table, String column, String expectedType, String location, List<String> found) {
    super("source " + table + " (" + location + "): required column " + column + " of type "
        + expectedType + " is missing; columns found: " + String.join(", ", found));
  }
}
