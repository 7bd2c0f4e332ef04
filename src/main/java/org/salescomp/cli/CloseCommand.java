package org.salescomp.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import org.salescomp.config.Settings;
import org.salescomp.marts.PeriodClose;
import org.salescomp.pipeline.CloseJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code close}: closes the pay of every month up to one; a closed month never changes again. */
@Command(name = "close", mixinStandardHelpOptions = true,
    description = {"Closes every month up to --month: its pay went to payroll and never changes again.",
        "Each month must hold the pay of one succeeded run. Later runs recompute closed months inside"
            + " salescomp.ledger.restate-months and post differences as prior_period_adjustment lines in their first"
            + " open month. Closing a closed month again changes nothing."})
final class CloseCommand implements Callable<Integer> {
  @ParentCommand private Main main;
  @Spec private CommandSpec spec;
  @Mixin private ConfOptions conf;

  @Option(names = "--month", paramLabel = "yyyy-MM", required = true, description = "last month to close")
  private YearMonth month;

  @Override
  public Integer call() {
    Settings settings = conf.load();
    CloseJob.Result result = CloseJob.close(main.sessions().create(settings), settings, month);
    PrintWriter out = spec.commandLine().getOut();
    if (result.closedNow().isEmpty()) {
      out.printf(Locale.ROOT, "already closed through %s: nothing to do%n", result.closedThrough());
      return ExitCodes.OK;
    }
    for (Row r : result.closedNow()) {
      out.printf(Locale.ROOT, "  %s  payouts %,.2f  lines %d  run %s%n",
          YearMonth.from(r.getDate(r.fieldIndex(PeriodClose.MONTH)).toLocalDate()),
          (BigDecimal) r.getDecimal(r.fieldIndex(PeriodClose.PAYOUT_TOTAL)), r.getLong(r.fieldIndex(PeriodClose.LINE_COUNT)),
          r.getString(r.fieldIndex(PeriodClose.CLOSING_RUN_ID)));
    }
    out.printf(Locale.ROOT, "closed through %s: %d months%n", result.closedThrough(), result.closedNow().size());
    return ExitCodes.OK;
  }
}
