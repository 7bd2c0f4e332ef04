package org.salescomp.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.salescomp.config.Settings;

import org.salescomp.io.LakehousePaths;
import org.salescomp.publish.PublishedLakehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sql}: a read-only Spark SQL query over the published tables, each visible by its name. */
@Command(name = "sql", mixinStandardHelpOptions = true,
    description = {"Queries the published tables with Spark SQL (read-only).",
        "Each published table of the lakehouse is a view of its name (payouts, commission_lines, ...)."
            + " Only one query (SELECT, WITH, VALUES) over those views, DESCRIBE, SHOW TABLES and"
            + " SHOW COLUMNS are accepted; commands, writes, path relations and functions that reach"
            + " outside the data are refused (exit 2) before anything runs."})
final class SqlCommand implements Callable<Integer> {
  static final int DEFAULT_TABLE_LIMIT = 1000;
  private static final Pattern SHOW_TABLES = Pattern.compile("\\bshow\\s+tables\\b");

  enum Format { TABLE, CSV }

  @ParentCommand private Main main;
  @Spec private CommandSpec spec;
  @Mixin private ConfOptions conf;

  @Parameters(paramLabel = "QUERY", arity = "0..1", description = "the statement, quoted as one argument")
  private String query;

  @Option(names = "--stdin", description = "instead of QUERY: read statements from standard input, one per line,"
      + " in one session (a notebook's); each answer is a line '" + Batch.RESULT + " <characters>' and that many"
      + " bytes of CSV (UTF-8), or a line '" + Batch.ERROR + " <message>'")
  private boolean stdin;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "table or csv (default: ${DEFAULT-VALUE}); csv is RFC 4180 with a header")
  private Format format;

  @Option(names = "--limit", paramLabel = "N",
      description = "print at most N rows (default: " + DEFAULT_TABLE_LIMIT + " for table, all for csv)")
  private Integer limit;

  @Mixin private DryRunOption dryRun;

  @Override
  public Integer call() throws Exception {
    if (limit != null && limit < 0) {
      throw new ParameterException(spec.commandLine(), "--limit must not be negative, got " + limit);
    }
    if ((query == null) == !stdin) {
      throw new ParameterException(spec.commandLine(), "give either QUERY or --stdin");
    }
    Settings settings = conf.load();
    if (stdin) {
      if (dryRun.on()) {
        throw new ParameterException(spec.commandLine(), "--dry-run checks one QUERY, not --stdin");
      }
      SparkSession spark = main.sessions().create(settings);
      ReadOnlyQuery guard = guard(spark, settings, table -> true);
      new Batch(spark, guard, spec.commandLine().getOut()).answer(
          new java.io.BufferedReader(new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8)));
      return ExitCodes.OK;
    }
    if (dryRun.on()) {
      try {
        userInput(() -> {
          ReadOnlyQuery.checkWithoutSession(query);
          return null;
        });
      } catch (ReadOnlyQuery.Refused e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
      PrintWriter out = spec.commandLine().getOut();
      DryRunOption.header(out, conf, settings);
      out.printf("  query      read-only, parses: %s%n", query);
      out.flush();
      return ExitCodes.OK;
    }
    SparkSession spark = main.sessions().create(settings);
    Dataset<Row> result = execute(spark, settings);
    ResultPrinter printer = new ResultPrinter(spec.commandLine().getOut(), spark);
    if (format == Format.CSV) {
      printer.csv(limit == null ? result : result.limit(limit));
    } else {
      printer.table(result, limit == null ? DEFAULT_TABLE_LIMIT : limit);
    }
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }

  /** Registers the published tables, checks the statement against them and only then plans it. */
  private Dataset<Row> execute(SparkSession spark, Settings settings) throws Exception {
    ReadOnlyQuery guard = guard(spark, settings, this::mayName);
    try {
      userInput(() -> {
        guard.check(query);
        return null;
      });
    } catch (ReadOnlyQuery.Refused e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    return userInput(() -> spark.sql(query));
  }

  /**
   * Registers the published tables {@code wanted} accepts (and their grain views) as views and a guard that
   * admits reads of them only.
   */
  private static ReadOnlyQuery guard(SparkSession spark, Settings settings, Predicate<String> wanted) {
    Map<String, String> views = new LinkedHashMap<>();
    for (String name : PublishedLakehouse.registerViews(spark, settings.lakehouseRoot(), wanted)) {
      views.put(name, LakehousePaths.table(settings.lakehouseRoot(), PublishedLakehouse.tableOf(name)));
    }
    return new ReadOnlyQuery(spark, views);
  }

  /**
   * {@code --stdin}: many statements, one session, so a notebook pays for one JVM and one Spark session, not
   * one per query. Each statement passes the same guard as QUERY; a refused or failing one answers with an
   * error line and the next is read.
   */
  static final class Batch {
    static final String RESULT = "#salescomp-result";
    static final String ERROR = "#salescomp-error";
    private final SparkSession spark;
    private final ReadOnlyQuery guard;
    private final PrintWriter out;

    Batch(SparkSession spark, ReadOnlyQuery guard, PrintWriter out) {
      this.spark = spark;
      this.guard = guard;
      this.out = out;
    }

    void answer(java.io.BufferedReader statements) throws java.io.IOException {
      String line;
      while ((line = statements.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        java.io.StringWriter csv = new java.io.StringWriter();
        try {
          guard.check(line);
          PrintWriter to = new PrintWriter(csv);
          new ResultPrinter(to, spark).csv(spark.sql(line));
          to.flush();
          String text = csv.toString();
          // the answer's length in bytes of UTF-8 (the console's encoding), so a reader takes exactly it
          out.println(RESULT + " " + text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
          out.print(text);
        } catch (ReadOnlyQuery.Refused e) {
          out.println(ERROR + " " + e.getMessage().lines().findFirst().orElse(""));
        } catch (Exception e) {
          String message = e instanceof AnalysisException a ? a.getSimpleMessage() : String.valueOf(e.getMessage());
          out.println(ERROR + " " + message.lines().findFirst().orElse(""));
        }
        out.flush();
      }
    }
  }

  /**
   * Whether the statement may name the published table: its name is a word of the text (quoted or not), or
   * the statement lists tables. A view costs a read of the table's Delta log, so a query registers only
   * the tables it can read; one it names but cannot find ends as before, Spark's "table not found".
   */
  private boolean mayName(String table) {
    String text = query.toLowerCase(Locale.ROOT);
    return SHOW_TABLES.matcher(text).find()
        || Pattern.compile("(^|[^a-z0-9_])" + Pattern.quote(table.toLowerCase(Locale.ROOT)) + "($|[^a-z0-9_])")
            .matcher(text).find();
  }

  /** Runs a step on the user's SQL: an AnalysisException (ParseException included) exits 2 with Spark's message. */
  private <T> T userInput(Callable<T> step) throws Exception {
    try {
      return step.call();
    } catch (Exception e) {
      // Scala does not declare AnalysisException, so javac cannot catch it by its type
      if (e instanceof AnalysisException analysis) {
        throw new ParameterException(spec.commandLine(), analysis.getSimpleMessage(), e);
      }
      throw e;
    }
  }
}
