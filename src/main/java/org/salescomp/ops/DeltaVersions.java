package org.salescomp.ops;

import io.delta.tables.DeltaTable;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.SparkSession;
import org.salescomp.io.DeltaLogs;

/**
 * Versions of Delta tables, and locations pinned to one: Delta reads {@code <path>@v<N>} as the table
 * at version N, so a pinned location works wherever a path does ({@code spark.read().format("delta")
 * .load(...)}) without another code path. An unpinned path is read at its latest version by every
 * action, so a run that reads a source more than once could see two versions of it; pinned, it sees one.
 */
public final class DeltaVersions {
  private static final Pattern PINNED = Pattern.compile("(.+)@v(\\d+)");

  private DeltaVersions() {}

  /** {@code path} at {@code version}. */
  public static String at(String path, long version) {
    return unpinned(path) + "@v" + version;
  }

  /** The version a location is pinned to, if it is. */
  public static OptionalLong pinnedVersion(String location) {
    Matcher m = PINNED.matcher(location);
    return m.matches() ? OptionalLong.of(Long.parseLong(m.group(2))) : OptionalLong.empty();
  }

  /** The path without a version suffix. */
  public static String unpinned(String location) {
    Matcher m = PINNED.matcher(location);
    return m.matches() ? m.group(1) : location;
  }

  /** The version a read of {@code location} sees now: its pinned version, or the table's latest. */
  public static long current(SparkSession spark, String location) {
    OptionalLong pinned = pinnedVersion(location);
    if (pinned.isPresent()) {
      return pinned.getAsLong();
    }
    return latest(DeltaTable.forPath(spark, location));
  }

  /** The latest version of a Delta table at {@code path}, or -1 when there is none. */
  public static long latestOrNone(SparkSession spark, String path) {
    return DeltaLogs.version(spark, path);
  }

  /** The latest version of a metastore table, if it is a Delta table. */
  public static OptionalLong ofTable(SparkSession spark, String name) {
    try {
      return OptionalLong.of(latest(DeltaTable.forName(spark, name)));
    } catch (Exception e) {
      // forName throws an AnalysisException (undeclared by Scala) for a table that is not Delta
      return OptionalLong.empty();
    }
  }

  private static long latest(DeltaTable table) {
    return table.history(1).select("version").first().getLong(0);
  }
}
