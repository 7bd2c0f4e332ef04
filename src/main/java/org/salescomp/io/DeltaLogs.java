package org.salescomp.io;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.Snapshot;
import org.apache.spark.sql.delta.VersionChecksum;
import org.apache.spark.sql.delta.actions.Action;
import org.apache.spark.sql.delta.actions.CommitInfo;
import scala.Option;
import scala.Tuple2;
import scala.collection.Iterator;
import scala.collection.JavaConverters;

/**
 * What a Delta table's transaction log says, read from the log itself: its version, a commit's operation
 * metrics and the table's properties. {@code DeltaTable.history()} and {@code detail()} answer the same
 * questions through a query of their own, planned and run as a Spark SQL execution each time; a run asks
 * them several times per table, and on a small world those executions cost more than the writes.
 */
public final class DeltaLogs {
  private DeltaLogs() {}

  /** The table's latest version, or -1 when there is no Delta table at {@code path}. */
  public static long version(SparkSession spark, String path) {
    return snapshot(spark, path).version();
  }

  /**
   * The table's latest version when that version holds no data files, as its checksum file ({@code .crc})
   * says; empty when there is no table, or no checksum, or files. Asking the snapshot itself would replay
   * the table's log in a Spark job.
   */
  public static OptionalLong versionIfEmpty(SparkSession spark, String path) {
    Snapshot snapshot = snapshot(spark, path);
    Option<VersionChecksum> checksum = snapshot.checksumOpt();
    return checksum.isDefined() && checksum.get().numFiles() == 0 ? OptionalLong.of(snapshot.version())
        : OptionalLong.empty();
  }

  /** The table's properties (its configuration: CHECK constraints, table features), empty when there is none. */
  public static Map<String, String> properties(SparkSession spark, String path) {
    return JavaConverters.mapAsJavaMap(snapshot(spark, path).metadata().configuration());
  }

  /**
   * The operation metrics of the newest commit after version {@code after} whose {@code userMetadata} is
   * {@code userMetadata} (a run id), with that commit's version; none when no such commit exists.
   */
  public static Optional<Commit> lastCommitBy(SparkSession spark, String path, long after, String userMetadata) {
    Commit found = null;
    Iterator<Tuple2<Object, scala.collection.Seq<Action>>> changes = DeltaLog.forTable(spark, path)
        .getChanges(after + 1, false);
    while (changes.hasNext()) {
      Tuple2<Object, scala.collection.Seq<Action>> commit = changes.next();
      for (Action action : JavaConverters.seqAsJavaList(commit._2())) {
        if (action instanceof CommitInfo info && info.userMetadata().contains(userMetadata)) {
          Option<scala.collection.immutable.Map<String, String>> metrics = info.operationMetrics();
          found = new Commit((Long) commit._1(), metrics.isDefined() ? JavaConverters.mapAsJavaMap(metrics.get()) : null);
        }
      }
    }
    return Optional.ofNullable(found);
  }

  /** A commit's version and its operation metrics (null when Delta recorded none). */
  public record Commit(long version, Map<String, String> metrics) {}

  private static Snapshot snapshot(SparkSession spark, String path) {
    return DeltaLog.forTable(spark, path).update(false, Option.empty(), Option.empty());
  }
}
