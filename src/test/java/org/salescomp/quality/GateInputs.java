package org.salescomp.quality;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.salescomp.io.SourceTable;
import org.salescomp.staging.SourceData;
import org.salescomp.testing.Frames;

/**
 * Hand-built gate inputs: a tiny company every test starts from, and the rows a test adds. Rows give
 * every column of the contract in the contract's order; {@link #text} tables hold text as CSV does.
 *
 * <p>The company: teams T1 and T2; reps R1 and R2 on T1 from 2025-01-01 (open), R3 on T2 from
 * 2025-01-01 to 2025-04-01; customers C1 (owned by R1) and C2 (no owner); a EUR rate on 2025-03-03;
 * deal D1 (C1, R1, 1,000.00 USD, won on 2025-03-10).
 */
final class GateInputs {
  static final String LOGICAL_DATE = "2025-03-31";

  private final Map<SourceTable, List<Object[]>> rows = new EnumMap<>(SourceTable.class);
  private final Map<SourceTable, Dataset<Row>> frames = new EnumMap<>(SourceTable.class);
  private boolean asText;

  static GateInputs company() {
    GateInputs in = new GateInputs();
    in.add(SourceTable.TEAMS, row("T1", "Team one", "north", "R1"), row("T2", "Team two", "south", null));
    in.add(SourceTable.REPS,
        row("R1", "Ann", "manager", "T1", null, null, "2020-01-01", null, "8000.00", "p", "2025-01-01", null),
        row("R2", "Bob", "account-executive", "T1", "R1", null, "2024-06-01", null, "6000.00", "p", "2025-01-01", null),
        row("R3", "Cem", "account-executive", "T2", null, null, "2024-06-01", "2025-04-01", "6000.00", "p",
            "2025-01-01", "2025-04-01"));
    in.add(SourceTable.CUSTOMERS, row("C1", "Acme", "smb", "north", "R1", "2024-01-01"),
        row("C2", "Bolt", "smb", "south", null, "2024-01-01"));
    in.add(SourceTable.FX_RATES, row("EUR", "2025-03-03", "1.100000"));
    in.add(SourceTable.DEALS, deal("D1", "C1", "R1", "1000.00", "USD", "2025-03-10", "won", null));
    return in;
  }

  static Object[] row(Object... values) {
    return values;
  }

  static Object[] deal(String id, String customer, String owner, String amount, String currency, String closeDate,
      String status, String statusDate) {
    return row(id, customer, owner, "software", "direct", amount, currency, closeDate, status, statusDate);
  }

  /** Adds rows (every contract column, in order) to a table held in the contract's types. */
  GateInputs add(SourceTable table, Object[]... added) {
    rows.computeIfAbsent(table, t -> new ArrayList<>()).addAll(Arrays.asList(added));
    return this;
  }

  /** Every table as text, the way CSV is read: values as {@code String.valueOf}. */
  GateInputs asText() {
    asText = true;
    return this;
  }

  /** Replaces a table by a Dataset of any schema (text columns, missing columns, odd types). */
  GateInputs replace(SourceTable table, Dataset<Row> frame) {
    rows.remove(table);
    frames.put(table, frame);
    return this;
  }

  SourceData data() {
    Map<SourceTable, Dataset<Row>> tables = new EnumMap<>(SourceTable.class);
    for (SourceTable table : SourceTable.values()) {
      Object[][] values = rows.getOrDefault(table, List.of()).toArray(Object[][]::new);
      tables.put(table, frames.getOrDefault(table, asText ? text(table, values) : Frames.of(ddl(table, false), values)));
    }
    return new SourceData(tables);
  }

  /** A table of text columns, as CSV is read. */
  static Dataset<Row> text(SourceTable table, Object[]... rows) {
    Object[][] texts = Arrays.stream(rows)
        .map(r -> Arrays.stream(r).map(v -> v == null ? null : String.valueOf(v)).toArray())
        .toArray(Object[][]::new);
    return Frames.of(ddl(table, true), texts);
  }

  /** The contract's columns, all nullable (a test must be able to give a null key). */
  static String ddl(SourceTable table, boolean asText) {
    return Arrays.stream(table.schema().fields())
        .map(f -> f.name() + " " + (asText ? "string" : typeName(f)))
        .collect(Collectors.joining(", "));
  }

  private static String typeName(StructField f) {
    return f.dataType().simpleString();
  }
}
