package org.salescomp.ops;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.salescomp.config.Settings;
import org.salescomp.io.SourceFormat;
import org.salescomp.io.SourceSettings;
import org.salescomp.io.LakehousePaths;
import org.salescomp.io.SourceTable;

/**
 * How a past run is recomputed: with the config it ran with, every delta source read at the version
 * the run read (Delta time travel), every parquet or csv source as it is if its files are unchanged,
 * and another lakehouse root to write into. The result is a HOCON overlay for the current settings;
 * {@link RerunRefused} when the run cannot be reproduced.
 */
public final class RerunPlan {
  private RerunPlan() {}

  /**
   * @param checkConfigHash false to accept a config whose hash differs from the run's (e.g. only the
   *     log format changed); the comparison of the outputs then tells whether it mattered
   */
  public static String overlay(SparkSession spark, Settings settings, RunRecord run, String into,
      boolean checkConfigHash) {
    if (checkConfigHash && !settings.configHash().equals(run.configHash())) {
      throw new RerunRefused("run " + run.runId() + " ran with config hash " + run.configHash() + ", the config given has "
          + settings.configHash() + ": pass the --conf files the run used (validate-config prints their hash),"
          + " or --ignore-config-hash");
    }
    if (LakehousePaths.same(spark, into, settings.lakehouseRoot())) {
      throw new RerunRefused("--into " + into + " is the published lakehouse; a rerun writes into another folder");
    }
    List<String> lines = new ArrayList<>();
    lines.add("salescomp.lakehouse.root = " + quoted(into));
    for (SourceTable table : SourceTable.values()) {
      SourceSettings source = settings.source(table);
      String pinned = pinnedLocation(spark, run, table, source);
      if (!pinned.equals(source.location())) {
        lines.add("salescomp.sources." + table.tableName() + ".path = " + quoted(pinned));
      }
    }
    return String.join("\n", lines) + "\n";
  }

  private static String pinnedLocation(SparkSession spark, RunRecord run, SourceTable table, SourceSettings source) {
    String name = table.tableName();
    if (source.format() == SourceFormat.DELTA) {
      Long version = run.inputVersions().get(name);
      if (version == null) {
        throw new RerunRefused("run " + run.runId() + " recorded no version of delta source " + name);
      }
      return DeltaVersions.at(source.location(), version);
    }
    if (source.format() == SourceFormat.TABLE) {
      throw new RerunRefused("source " + name + " is a metastore table (" + source.location() + "), which a rerun"
          + " cannot read at an old version: configure it as format = delta with its path");
    }
    String recorded = run.inputFingerprints().get(name);
    String now = FileFingerprint.of(spark, source.location());
    if (recorded == null || !recorded.equals(now)) {
      throw new RerunRefused("the files of " + source.format().name().toLowerCase() + " source " + name + " ("
          + source.location() + ") changed since run " + run.runId() + " read them (fingerprint " + recorded + ", now "
          + now + "); parquet and csv have no old versions to go back to: make it a delta source to rerun"
          + " runs after new data arrived");
    }
    return source.location();
  }

  /** A HOCON quoted string (JSON escaping). */
  static String quoted(String text) {
    StringBuilder s = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> s.append("\\\"");
        case '\\' -> s.append("\\\\");
        case '\n' -> s.append("\\n");
        case '\t' -> s.append("\\t");
        default -> s.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
      }
    }
    return s.append('"').toString();
  }
}
