package org.salescomp.generate;

import java.util.Arrays;
import org.salescomp.io.SourceTable;
import org.salescomp.quality.ReasonCode;

/** The values of one row of a table, by column name, while a dirty-data recipe changes them. */
final class DirtyValues {
  private final SourceTable table;
  private final Object[] values;

  DirtyValues(SourceTable table, Object[] values) {
    if (values.length != table.schema().fields().length) {
      throw new IllegalArgumentException(table.tableName() + " has " + table.schema().fields().length
          + " columns, got " + values.length + " values");
    }
    this.table = table;
    this.values = values.clone();
  }

  Object get(String column) {
    return values[index(column)];
  }

  DirtyValues set(String column, Object value) {
    values[index(column)] = value;
    return this;
  }

  DirtyValues copy() {
    return new DirtyValues(table, values);
  }

  /** The row the gate must quarantine with {@code reason}. */
  DirtyRow as(ReasonCode reason) {
    return new DirtyRow(table, values.clone(), reason.name());
  }

  private int index(String column) {
    int i = Arrays.asList(table.schema().fieldNames()).indexOf(column);
    if (i < 0) {
      throw new IllegalArgumentException(table.tableName() + " has no column " + column);
    }
    return i;
  }
}
