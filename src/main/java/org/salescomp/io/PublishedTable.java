package org.salescomp.io;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.salescomp.domain.RunScope;

/**
 * The one declaration of a published table: everything the writer, the readers, the PostgreSQL copy and
 * the docs need to know about it. An instance lives beside the code that computes the table; the
 * catalog lists them all.
 *
 * @param name the table's name: its folder under the lakehouse root and its view in {@code sql}
 * @param description what one row is, for people
 * @param schema every column in order, each with its type and a comment (field metadata {@code comment},
 *     which Delta keeps in the table's schema); {@code run_id} included
 * @param partitionColumns Delta partition columns (none for small tables)
 * @param keyColumns the columns that identify a row (empty when a row is a line without a natural key)
 * @param sortOrder the order of rows within a file, so the same rows give the same files
 * @param ownedRows the rows a run replaces: given its scope and run id, the condition they match
 * @param frozenByClose whether a closed month's rows of this table never change again (the pay ledger)
 * @param views views of one period type each, for a table that mixes grains (KPI tables): a BI tool
 *     summing a view never adds a month to its quarter
 * @param checks CHECK constraints every row must meet (Delta and PostgreSQL)
 */
public record PublishedTable(String name, String description, StructType schema, List<String> partitionColumns,
    List<String> keyColumns, List<String> sortOrder, OwnedRows ownedRows, boolean frozenByClose,
    List<GrainView> views, List<Check> checks) {
  public static final String RUN_ID = "run_id";
  /** Field metadata of a column that holds personal data, published only when the configuration allows it. */
  public static final String PERSONAL = "personal";
  static final String PERIOD_TYPE = "period_type";
  /** Field metadata of a key column that may be null (a KPI row of events of no team). */
  static final String NULLABLE_KEY = "nullable_key";

  /**
   * A view of the rows of one {@code period_type}, without that column.
   *
   * @param name the view's name (in {@code sql} and PostgreSQL)
   * @param periodType month, quarter or year
   */
  public record GrainView(String name, String periodType) {
    /** The view's query over {@code table} (Spark SQL and PostgreSQL alike). */
    public String sql(PublishedTable table, String qualifiedTable) {
      String columns = String.join(", ", table.columns().stream().filter(c -> !c.equals(PERIOD_TYPE)).toList());
      return "SELECT " + columns + " FROM " + qualifiedTable + " WHERE " + PERIOD_TYPE + " = '" + periodType + "'";
    }
  }

  /**
   * A CHECK constraint: {@code condition} holds on every row.
   *
   * @param name the constraint's name (lower case, unique in its table)
   * @param condition a SQL condition Spark and PostgreSQL read alike
   */
  public record Check(String name, String condition) {}

  /** A table without views or checks. */
  public PublishedTable(String name, String description, StructType schema, List<String> partitionColumns,
      List<String> keyColumns, List<String> sortOrder, OwnedRows ownedRows, boolean frozenByClose) {
    this(name, description, schema, partitionColumns, keyColumns, sortOrder, ownedRows, frozenByClose, List.of(),
        List.of());
  }

  /** The rows a run owns in a table, from the run's scope and id. */
  @FunctionalInterface
  public interface OwnedRows {
    RowFilter of(RunScope scope, String runId);

    /**
     * The columns whose values tell a run's rows from the others (month, period_type and period_start,
     * run_id): a copy that holds the table can replace just the values a run changed. Empty when a run
     * rewrites the table whole.
     */
    default List<String> columns() {
      return List.of();
    }

    /** Owned rows selected by the values of {@code columns}. */
    static OwnedRows by(List<String> columns, OwnedRows rows) {
      List<String> copied = List.copyOf(columns);
      return new OwnedRows() {
        @Override
        public RowFilter of(RunScope scope, String runId) {
          return rows.of(scope, runId);
        }

        @Override
        public List<String> columns() {
          return copied;
        }
      };
    }

    /** Rows whose {@code column} (a month's first day) is one of the run's months. */
    static OwnedRows months(String column) {
      return by(List.of(column), (scope, runId) -> RowFilter.between(column, scope.firstDay(), scope.lastMonthStart()));
    }

    /** Rows of quarters paid in the run's months: a quarter's awards are paid in its last month. */
    static OwnedRows quartersPaid(String quarterColumn) {
      return by(List.of(quarterColumn), (scope, runId) -> RowFilter.between(quarterColumn,
          scope.firstDay().minusMonths(2), scope.lastMonthStart().minusMonths(2)));
    }

    /** Every row: a dimension, rebuilt whole by each run. */
    static OwnedRows all() {
      return (scope, runId) -> RowFilter.all();
    }

    /** Rows the run itself wrote: a rerun with the same run id replaces them. */
    static OwnedRows ofRun() {
      return by(List.of(RUN_ID), (scope, runId) -> RowFilter.equalTo(RUN_ID, runId));
    }
  }

  public PublishedTable {
    List<String> names = List.of(schema.fieldNames());
    for (List<String> columns : List.of(partitionColumns, keyColumns, sortOrder, ownedRows.columns())) {
      for (String c : columns) {
        if (!names.contains(c)) {
          throw new IllegalArgumentException("table " + name + " declares column " + c + " that its schema lacks");
        }
      }
    }
    for (StructField f : schema.fields()) {
      if (!f.metadata().contains("comment")) {
        throw new IllegalArgumentException("column " + name + "." + f.name() + " has no comment");
      }
    }
    partitionColumns = List.copyOf(partitionColumns);
    keyColumns = List.copyOf(keyColumns);
    sortOrder = List.copyOf(sortOrder);
    views = List.copyOf(views);
    checks = List.copyOf(checks);
    if (!views.isEmpty() && !names.contains(PERIOD_TYPE)) {
      throw new IllegalArgumentException("table " + name + " has views by period type but no " + PERIOD_TYPE);
    }
    schema = keysNotNull(schema, keyColumns);
  }

  /**
   * The schema with the key columns NOT NULL (Delta and PostgreSQL refuse a null there), but for a key
   * column declared {@link Columns#nullableKey}.
   */
  private static StructType keysNotNull(StructType schema, List<String> keyColumns) {
    return new StructType(java.util.Arrays.stream(schema.fields())
        .map(f -> keyColumns.contains(f.name()) && f.nullable() && !f.metadata().contains(NULLABLE_KEY)
            ? new StructField(f.name(), f.dataType(), false, f.metadata()) : f)
        .toArray(StructField[]::new));
  }

  /** This table with views of one period type each: {@code <prefix>_month}, {@code _quarter}, {@code _year}. */
  public PublishedTable withGrainViews(String prefix) {
    List<GrainView> grains = List.of("month", "quarter", "year").stream()
        .map(p -> new GrainView(prefix + "_" + p, p)).toList();
    return new PublishedTable(name, description, schema, partitionColumns, keyColumns, sortOrder, ownedRows,
        frozenByClose, grains, checks);
  }

  /** This table with one more CHECK constraint. */
  public PublishedTable withCheck(String checkName, String condition) {
    List<Check> more = new ArrayList<>(checks);
    more.add(new Check(checkName, condition));
    return new PublishedTable(name, description, schema, partitionColumns, keyColumns, sortOrder, ownedRows,
        frozenByClose, views, more);
  }

  /** Whether a column holds personal data (see {@link Columns#personal}). */
  public boolean personal(String column) {
    Metadata m = schema.apply(column).metadata();
    return m.contains(PERSONAL) && m.getBoolean(PERSONAL);
  }

  /** This table without its personal columns: what is published unless the configuration allows them. */
  public PublishedTable withoutPersonalColumns() {
    StructType kept = new StructType(java.util.Arrays.stream(schema.fields())
        .filter(f -> !personal(f.name())).toArray(StructField[]::new));
    return new PublishedTable(name, description, kept, partitionColumns, keyColumns, sortOrder, ownedRows,
        frozenByClose, views, checks);
  }

  /** The table's columns, in order. */
  public List<String> columns() {
    return List.of(schema.fieldNames());
  }

  /** A column's comment. */
  public String comment(String column) {
    return schema.apply(column).metadata().getString("comment");
  }

  /** The rows a run owns, as a condition (Column and SQL text). */
  public RowFilter owned(RunScope scope, String runId) {
    return ownedRows.of(scope, runId);
  }

  /** Starts a schema: {@code Columns.of().add("rep_id", StringType, "the rep").add(...)}. */
  public static Columns columnsOf() {
    return new Columns();
  }

  /** Builds a schema with a comment on every column; nullable unless said otherwise. */
  public static final class Columns {
    private final List<StructField> fields = new ArrayList<>();

    private Columns() {}

    public Columns add(String name, DataType type, String comment) {
      fields.add(new StructField(name, type, true, comment(comment)));
      return this;
    }

    /**
     * A column of personal data (a name): declared, documented, but published only when
     * {@code salescomp.publish.include-names} is true ({@link PublishedTable#withoutPersonalColumns}).
     */
    public Columns personal(String name, DataType type, String comment) {
      fields.add(new StructField(name, type, true, new MetadataBuilder().withMetadata(comment(comment))
          .putBoolean(PERSONAL, true).build()));
      return this;
    }

    /** A key column that may be null: the one key column a table does not make NOT NULL. */
    public Columns nullableKey(String name, DataType type, String comment) {
      fields.add(new StructField(name, type, true, new MetadataBuilder().withMetadata(comment(comment))
          .putBoolean(NULLABLE_KEY, true).build()));
      return this;
    }

    /** A column that is never null. */
    public Columns required(String name, DataType type, String comment) {
      fields.add(new StructField(name, type, false, comment(comment)));
      return this;
    }

    /** Every column of {@code other}, comments included (for tables that share their measures). */
    public Columns addAll(StructType other) {
      fields.addAll(List.of(other.fields()));
      return this;
    }

    /** Appends {@code run_id}, the last column of every published table. */
    public StructType withRunId() {
      required(RUN_ID, org.apache.spark.sql.types.DataTypes.StringType, "the run that wrote the row");
      return build();
    }

    public StructType build() {
      return new StructType(fields.toArray(StructField[]::new));
    }

    private static Metadata comment(String text) {
      return new MetadataBuilder().putString("comment", text).build();
    }
  }
}
