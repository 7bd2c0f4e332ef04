package org.salescomp.simulate;

import java.util.ArrayList;
import java.util.List;
import org.salescomp.config.Settings;
import org.salescomp.engine.BalanceLines;
import org.salescomp.io.LakehousePaths;
import org.salescomp.io.SourceSettings;
import org.salescomp.io.SourceTable;

/**
 * What a simulation read, so that it can be reproduced, as {@code simulation_log} lists it: each
 * source's location and version, from the versions captured when it started
 * ({@link org.salescomp.ops.InputVersions}, as a run captures them). A Delta source's version is its
 * table version ({@code delta:v12}); a Parquet or CSV source's, the fingerprint of its files
 * ({@code files:<sha-256>}); a metastore table that is not Delta, only its name ({@code table}). And the
 * lakehouse's {@code rep_balances}, where the balances owed before the first simulated month come from.
 */
final class SourceVersions {
  /** One source as read. */
  record Input(String source, String format, String location, String version) {}

  private SourceVersions() {}

  /**
   * @param balancesVersion the version of the lakehouse's {@code rep_balances} the simulation opens its
   *     balances from, listed after the sources; -1 when there is none to read
   */
  static List<Input> of(Settings settings, org.salescomp.ops.InputVersions captured, long balancesVersion) {
    List<Input> inputs = new ArrayList<>();
    for (SourceTable table : SourceTable.values()) {
      SourceSettings s = settings.source(table);
      String name = table.tableName();
      String version = captured.versions().containsKey(name) ? "delta:v" + captured.versions().get(name)
          : captured.fingerprints().containsKey(name) ? "files:" + captured.fingerprints().get(name) : "table";
      inputs.add(new Input(name, s.format().name().toLowerCase(java.util.Locale.ROOT), s.location(), version));
    }
    if (balancesVersion >= 0) {
      inputs.add(new Input(BalanceLines.TABLE.name(), "delta",
          LakehousePaths.table(settings.lakehouseRoot(), BalanceLines.TABLE.name()), "delta:v" + balancesVersion));
    }
    return inputs;
  }
}
