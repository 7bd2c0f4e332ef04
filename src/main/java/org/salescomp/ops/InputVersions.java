package org.salescomp.ops;

import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.SparkSession;
import org.salescomp.config.Settings;
import org.salescomp.io.SourceFormat;
import org.salescomp.io.SourceSettings;
import org.salescomp.io.SourceTable;

/**
 * What a run reads, captured once before it reads anything: the Delta version of every delta source
 * (and of every metastore table that is Delta), and a {@link FileFingerprint} of every parquet or csv
 * source. A run reads its delta sources {@link #pinned} to these versions, so all of its reads see the
 * same data however long it runs, and {@code run_log} records them so a rerun can read them again.
 *
 * @param versions source table name to Delta version ({@code run_log.input_versions})
 * @param fingerprints source table name to fingerprint ({@code run_log.input_fingerprints})
 */
public record InputVersions(Map<String, Long> versions, Map<String, String> fingerprints) {
  public InputVersions {
    versions = Map.copyOf(versions);
    fingerprints = Map.copyOf(fingerprints);
  }

  public static InputVersions capture(SparkSession spark, Settings settings) {
    Map<String, Long> versions = new TreeMap<>();
    Map<String, String> fingerprints = new TreeMap<>();
    for (SourceTable table : SourceTable.values()) {
      SourceSettings source = settings.source(table);
      String name = table.tableName();
      switch (source.format()) {
        case DELTA -> versions.put(name, DeltaVersions.current(spark, source.location()));
        case PARQUET, CSV -> fingerprints.put(name, FileFingerprint.of(spark, source.location()));
        case TABLE -> DeltaVersions.ofTable(spark, source.location()).ifPresent(v -> versions.put(name, v));
      }
    }
    return new InputVersions(versions, fingerprints);
  }

  /** The source as the run reads it: a delta source at its captured version, any other as it is. */
  public SourceSettings pinned(SourceTable table, SourceSettings source) {
    if (source.format() != SourceFormat.DELTA) {
      return source;
    }
    Long version = versions.get(table.tableName());
    if (version == null) {
      throw new IllegalArgumentException("no version was captured for delta source " + table.tableName());
    }
    return new SourceSettings(SourceFormat.DELTA, DeltaVersions.at(source.location(), version));
  }
}
