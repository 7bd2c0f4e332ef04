package org.salescomp.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.salescomp.config.Settings;
import org.salescomp.io.SourceFormat;
import org.salescomp.io.SourceSettings;
import org.salescomp.examples.adventureworks.AdventureWorksExport;
import org.salescomp.examples.adventureworks.AdventureWorksMapping;
import org.salescomp.io.SourceReader;
import org.salescomp.io.SourceTable;
import org.salescomp.quality.GateResult;
import org.salescomp.quality.InputGate;
import org.salescomp.quality.SourceTally;
import org.salescomp.staging.SourceData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code adventureworks}: maps Microsoft's AdventureWorks reseller sales to the contract's input tables. */
@Command(name = "adventureworks", mixinStandardHelpOptions = true,
    description = {"Maps the AdventureWorks DW2020 reseller sales files to the twelve input tables of the data contract"
        + " (see the package org.salescomp.examples.adventureworks for the mapping), writes them as Parquet with"
        + " <out>/sources.conf, runs the data-quality gate over them and prints what it found.",
        "Then: bin/salescomp run --from <first month> --to <last month> --conf conf/examples/adventureworks.conf"
            + " --conf <out>/sources.conf"})
final class AdventureWorksCommand implements Callable<Integer> {
  static final String DEFAULT_SOURCE = "examples/adventureworks-dw2020";
  static final String DEFAULT_OUT = "data/adventureworks";
  static final String EXAMPLE_CONF = "conf/examples/adventureworks.conf";

  @ParentCommand private Main main;
  @Spec private CommandSpec spec;
  @Mixin private ConfOptions conf;

  @Option(names = "--source", paramLabel = "DIR", defaultValue = DEFAULT_SOURCE,
      description = "the AdventureWorks folder, read only (default: ${DEFAULT-VALUE})")
  private Path source;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = DEFAULT_OUT,
      description = "where the mapped tables go (default: ${DEFAULT-VALUE})")
  private Path out;

  @Option(names = "--active-months", paramLabel = "N", defaultValue = "" + AdventureWorksMapping.DEFAULT_ACTIVE_MONTHS,
      description = "a reseller is active in a month when it ordered in it or the N-1 months before"
          + " (default: ${DEFAULT-VALUE})")
  private int activeMonths;

  @Override
  public Integer call() {
    if (activeMonths < 1) {
      throw new ParameterException(spec.commandLine(), "--active-months must be at least 1, got " + activeMonths);
    }
    if (!AdventureWorksExport.hasData(source)) {
      throw new ParameterException(spec.commandLine(), "no AdventureWorks Sales.csv in " + source.toAbsolutePath());
    }
    Settings settings = conf.load();
    SparkSession spark = main.sessions().create(settings);
    PrintWriter printer = spec.commandLine().getOut();
    AdventureWorksExport.Written written = AdventureWorksExport.write(spark, source, out, activeMonths);
    printer.printf("mapped AdventureWorks sales %s .. %s into %s%n", written.firstMonth(), written.lastMonth(),
        out.toAbsolutePath().normalize());

    GateResult gate = InputGate.check(read(spark), written.logicalDate(), settings.reportingCurrency());
    try {
      printer.printf("data-quality gate, logical date %s:%n", written.logicalDate());
      printer.printf(Locale.ROOT, "  %-20s %10s %10s %12s %10s  %s%n", "source", "read", "accepted", "quarantined",
          "deferred", "reasons");
      for (SourceTally t : gate.tally()) {
        String reasons = t.reasons().stream().map(r -> r.reason() + " " + r.rows() + " (e.g. " + r.exampleKey() + ")")
            .collect(Collectors.joining(", "));
        printer.printf(Locale.ROOT, "  %-20s %,10d %,10d %,12d %,10d  %s%n", t.table().tableName(), t.read(),
            t.accepted(), t.quarantined(), t.deferred(), reasons);
      }
    } finally {
      gate.unpersist();
    }
    printer.printf("run the pipeline on it: bin/salescomp run --from %s --to %s --conf %s --conf %s%n",
        written.firstMonth(), written.lastMonth(), EXAMPLE_CONF, out.resolve(AdventureWorksExport.SOURCES_CONF));
    return ExitCodes.OK;
  }

  private SourceData read(SparkSession spark) {
    Map<SourceTable, Dataset<Row>> raw = new EnumMap<>(SourceTable.class);
    for (SourceTable table : SourceTable.values()) {
      String path = out.toAbsolutePath().normalize().resolve(table.tableName()).toString();
      raw.put(table, SourceReader.readRaw(spark, table, new SourceSettings(SourceFormat.PARQUET, path)));
    }
    return new SourceData(raw);
  }
}
