package org.salescomp.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.salescomp.io.PublishedTable;

/**
 * A table to copy into PostgreSQL: its rows, its declaration when it is a published table of the catalog
 * (keys, comments, slice columns, views) and the Delta version the rows were read at.
 *
 * @param version the Delta version of {@code rows}, or -1 when unknown (then it is always copied whole)
 */
record PgTable(String name, Dataset<Row> rows, Optional<PublishedTable> declared, long version) {

  /** The primary key: the declared key when none of its columns may be null, else none. */
  List<String> primaryKey() {
    return declared.filter(t -> !t.keyColumns().isEmpty()
        && t.keyColumns().stream().noneMatch(k -> t.schema().apply(k).nullable()))
        .map(PublishedTable::keyColumns).orElse(List.of());
  }

  /**
   * Indexes besides the primary key: the slice columns (what an incremental publish deletes by), the
   * declared key when it cannot be a primary key, and the columns BI tools join dimensions by.
   */
  List<List<String>> indexes(List<PgColumn> columns) {
    List<List<String>> indexes = new ArrayList<>();
    List<String> pk = primaryKey();
    List<String> slice = sliceColumns();
    if (!slice.isEmpty() && !startsWith(pk, slice)) {
      indexes.add(slice);
    }
    declared.filter(t -> pk.isEmpty() && !t.keyColumns().isEmpty()).ifPresent(t -> indexes.add(t.keyColumns()));
    for (String join : List.of("rep_id", "team_id", "region", "plan_id", "month", "period_start")) {
      boolean present = columns.stream().anyMatch(c -> c.name().equals(join));
      boolean covered = indexes.stream().anyMatch(i -> i.get(0).equals(join)) || (!pk.isEmpty() && pk.get(0).equals(join));
      if (present && !covered) {
        indexes.add(List.of(join));
      }
    }
    return indexes;
  }

  /** The columns a run's rows are told apart by ({@link PublishedTable.OwnedRows#columns()}); empty: copy whole. */
  List<String> sliceColumns() {
    return declared.map(t -> t.ownedRows().columns()).orElse(List.of());
  }

  private static boolean startsWith(List<String> list, List<String> prefix) {
    return list.size() >= prefix.size() && list.subList(0, prefix.size()).equals(prefix);
  }
}
