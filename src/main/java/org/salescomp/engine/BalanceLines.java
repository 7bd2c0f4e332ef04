package org.salescomp.engine;

import static org.apache.spark.sql.functions.aggregate;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.salescomp.common.Money;
import org.salescomp.common.Stages;
import org.salescomp.intermediate.RepMonths;
import org.salescomp.io.PublishedTable;

/**
 * Step 13, last: on the month's variable pay {@code V} (every line of the rep-month but base salary,
 * whatever step or input made it) and the balance {@code B} owed before the month (0 at the start):
 * {@code draw_recovery = -min(B, round2(max(0, V) * recovery-share))}; in draw months {@code draw_topup =
 * max(0, round2(draw.monthly * active_days / days_in_month) - V1)}; with {@code carry-negative},
 * {@code negative_carry = -V2} when {@code V2 < 0}; the new balance is {@code B + draw_recovery +
 * (draw_topup if recoverable) + negative_carry}, forgiven in the termination month with
 * {@code forgive-on-termination}.
 *
 * <p>The balance is carried month to month, so each rep's months are folded in order. A rep has few
 * months (a run's window, at most a few dozen), so they are gathered per scenario and rep into one sorted
 * array and folded with Spark SQL's {@code aggregate} in exact decimals: no row leaves the executors, no
 * UDF, and the fold's state is one decimal. A window function cannot express it: each month's recovery
 * depends on the balance the previous month's fold produced, not on a sum of inputs. Only reps whose plan
 * has a draw or carries negative months, or who owe a balance when the fold starts, are folded; the others
 * never owe one. A rep owing when the fold starts who has no month in it is held at that balance.
 */
public final class BalanceLines {
  public static final String OPENING = "opening";
  public static final String RECOVERED = "recovered";
  public static final String DRAWN = "drawn";
  public static final String CARRIED = "carried";
  public static final String FORGIVEN = "forgiven";
  public static final String CLOSING = "closing";

  /** The balance step's lines and the rep_balances rows (scenario, rep, month) it moved or held. */
  public record Result(Dataset<Row> lines, Dataset<Row> balances) {}

  /**
   * Where the fold starts. Closed months paid what they paid: their balance stands as it was closed, so
   * the fold starts in the month after the last closed one, from each rep's closing balance then, and a
   * correction of a closed month is recovered once, in the month it is posted in.
   *
   * @param from the first month folded (its first day); null folds every month from a zero balance
   * @param balances rep_id, {@link #OPENING}: the balance owed before {@code from} (reps absent owe 0)
   */
  public record Opening(LocalDate from, Dataset<Row> balances) {
    /** Nothing closed: every month is folded, from a zero balance. */
    public static final Opening NONE = new Opening(null, null);
  }

  /** The stage of the folded rep-months: one row per scenario, rep and month folded. */
  public static final String FOLDS = "balance_folds";
  private static final String V = "variable_pay";
  private static final String DRAW_TARGET = "draw_target";
  private static final String TERMINATED_HERE = "terminated_here";

  /** {@code rep_balances}: the balance a rep owes, by month, of the months it moved or was held. */
  public static final PublishedTable TABLE = new PublishedTable("rep_balances",
      "one row per rep and month in which the rep owes a balance or the balance moved",
      PublishedTable.columnsOf()
          .add(PayLines.REP_ID, DataTypes.StringType, "the rep")
          .add(PayLines.MONTH, DataTypes.DateType, "first day of the month")
          .add(OPENING, Money.MONEY, "balance owed before the month")
          .add(RECOVERED, Money.MONEY, "recovered from the month's variable pay (draw_recovery, positive)")
          .add(DRAWN, Money.MONEY, "recoverable draw paid in the month (draw_topup)")
          .add(CARRIED, Money.MONEY, "negative variable pay carried to the balance (negative_carry)")
          .add(FORGIVEN, Money.MONEY, "balance forgiven in the termination month")
          .add(CLOSING, Money.MONEY, "balance owed after the month")
          .withRunId(),
      List.of(), List.of(PayLines.REP_ID, PayLines.MONTH), List.of(PayLines.MONTH, PayLines.REP_ID),
      PublishedTable.OwnedRows.months(PayLines.MONTH), true);

  private BalanceLines() {}

  /**
   * @param lines every line of steps 1-12 (and any input of lines unioned before this step)
   * @param payMonthPlans {@link CompEngine.Inputs#payMonthPlans}: the months, with their plan's draw and balance
   * @param terminations rep_id, termination_date (null while employed), one row per rep
   */
  public static Result build(Dataset<Row> lines, Dataset<Row> payMonthPlans, Dataset<Row> terminations) {
    return build(lines, payMonthPlans, terminations, Opening.NONE);
  }

  /** @param opening the first month folded and the balances owed before it ({@link Opening}) */
  public static Result build(Dataset<Row> lines, Dataset<Row> payMonthPlans, Dataset<Row> terminations,
      Opening opening) {
    return build(lines, payMonthPlans, terminations, opening, Stages.inline());
  }

  /**
   * @param stages where the folded rep-months are kept ({@value #FOLDS}): the lines of three kinds and
   *     the balances are read from them, and each would otherwise plan and compute the fold and
   *     everything it reads again
   */
  public static Result build(Dataset<Row> lines, Dataset<Row> payMonthPlans, Dataset<Row> terminations,
      Opening opening, Stages stages) {
    Column usesBalance = col(PlanTable.DRAW_MONTHS).gt(0).and(col(PlanTable.DRAW_MONTHLY).gt(0))
        .or(col(PlanTable.CARRY_NEGATIVE));
    String[] repKey = {PayLines.SCENARIO, PayLines.REP_ID};
    String[] monthKey = {PayLines.SCENARIO, PayLines.REP_ID, PayLines.MONTH};
    Dataset<Row> folding = opening.from() == null ? payMonthPlans
        : payMonthPlans.where(col(PayLines.MONTH).geq(lit(opening.from())));
    Dataset<Row> balanceReps = folding.where(usesBalance).select(repKey[0], repKey[1]);
    // rep_id, opening: the reps owing before the first folded month
    Dataset<Row> owing = opening.balances() == null ? null : opening.balances().where(col(OPENING).notEqual(0));
    if (owing != null) {
      // a rep owing before the first folded month is folded too, whatever its plan now (a new hire's draw
      // is recovered under the plan that follows the new-hire plan)
      balanceReps = balanceReps.unionByName(
          folding.join(owing.select(PayLines.REP_ID), PayLines.REP_ID, "left_semi").select(repKey[0], repKey[1]));
    }
    Dataset<Row> months = folding.join(balanceReps.distinct(), repKey, "left_semi");
    // summed for every rep-month and then joined to the folded months: the sum shrinks the lines where they
    // are (one row per rep-month leaves each partition), where a join first would move and sort every line
    Dataset<Row> variablePay = lines
        .where(col(PayLines.LINE_TYPE).notEqual(lit(PayLines.BASE_SALARY)))
        .groupBy(PayLines.SCENARIO, PayLines.REP_ID, PayLines.MONTH)
        .agg(Money.sum(col(PayLines.AMOUNT)).as(V));

    // draw * days fits DECIMAL(20,2); a quotient by at most 31 days rounds exactly (see BaseSalaryLines)
    Column drawTarget = when(col(RepMonths.MONTH_INDEX).geq(0).and(col(RepMonths.MONTH_INDEX).lt(col(PlanTable.DRAW_MONTHS))),
        Money.round2(col(PlanTable.DRAW_MONTHLY).multiply(col(RepMonths.ACTIVE_DAYS)).cast(Money.MONEY_SUM)
            .divide(col(RepMonths.DAYS_IN_MONTH))));
    Dataset<Row> monthInputs = months
        .join(variablePay, monthKey, "left")
        .join(terminations.select(col(PayLines.REP_ID), col("termination_date")), PayLines.REP_ID, "left")
        .select(col(PayLines.SCENARIO), col(PayLines.REP_ID), struct(
            col(PayLines.MONTH),
            coalesce(col(V), Money.zero()).as(V),
            drawTarget.as(DRAW_TARGET),
            col(PlanTable.DRAW_RECOVERABLE), col(PlanTable.CARRY_NEGATIVE), col(PlanTable.RECOVERY_SHARE),
            col(PlanTable.FORGIVE_ON_TERMINATION),
            coalesce(trunc(col("termination_date"), "month").equalTo(col(PayLines.MONTH)), lit(false))
                .as(TERMINATED_HERE),
            col(PlanTable.PLAN_ID), col(PlanTable.PLAN_HASH)).as("m"));

    Dataset<Row> repMonths = monthInputs
        .groupBy(PayLines.SCENARIO, PayLines.REP_ID)
        .agg(array_sort(collect_list(col("m"))).as("months"));
    Column owedBefore = Money.zero();
    if (opening.balances() != null) {
      repMonths = repMonths.join(opening.balances().select(col(PayLines.REP_ID), col(OPENING)), PayLines.REP_ID, "left");
      owedBefore = coalesce(col(OPENING), Money.zero()).cast(Money.MONEY);
    }
    Dataset<Row> folded = stages.stage(FOLDS, repMonths
        .select(col(PayLines.SCENARIO), col(PayLines.REP_ID),
            explode(aggregate(col("months"), initialState(owedBefore), BalanceLines::step).getField("rows")).as("r"))
        .select(col(PayLines.SCENARIO), col(PayLines.REP_ID), col("r.*")));

    Dataset<Row> balances = folded
        .withColumn(RECOVERED, col("recovery").multiply(-1).cast(Money.MONEY))
        .withColumn(DRAWN, when(col(PlanTable.DRAW_RECOVERABLE), col("topup")).otherwise(Money.zero()))
        .where(col(OPENING).notEqual(0).or(col(RECOVERED).notEqual(0)).or(col(DRAWN).notEqual(0))
            .or(col(CARRIED).notEqual(0)).or(col(FORGIVEN).notEqual(0)).or(col(CLOSING).notEqual(0)))
        .select(PayLines.SCENARIO, PayLines.REP_ID, PayLines.MONTH, OPENING, RECOVERED, DRAWN, CARRIED, FORGIVEN,
            CLOSING);
    if (owing != null) {
      balances = balances.unionByName(heldWithoutMonths(owing, folding));
    }

    Dataset<Row> out = LineBuilder.monthLines(folded, PayLines.DRAW_RECOVERY, col("recovery"),
            Explanations.args("recovered", col("recovery").multiply(-1).cast(Money.MONEY), "balance", col(OPENING),
                "share", col(PlanTable.RECOVERY_SHARE), "variable", col(V)))
        .unionByName(LineBuilder.monthLines(folded, PayLines.DRAW_TOPUP, col("topup"),
            Explanations.key(PayLines.DRAW_TOPUP,
                when(col(PlanTable.DRAW_RECOVERABLE), lit("recoverable")).otherwise(lit("non_recoverable"))),
            Explanations.args("draw", col(DRAW_TARGET), "balance", col(CLOSING))))
        .unionByName(LineBuilder.monthLines(folded, PayLines.NEGATIVE_CARRY, col(CARRIED),
            Explanations.args("variable", col(CARRIED).multiply(-1).cast(Money.MONEY), "balance", col(CLOSING))));
    return new Result(out, balances);
  }

  /**
   * A rep owing before the first folded month who has no month in the fold (terminated before the run's
   * window, the balance not forgiven): nothing can move the balance, since no line reaches a rep without a
   * month, so it is held, one row per folded month, as a run over the whole history holds it in the idle
   * months after the termination.
   */
  private static Dataset<Row> heldWithoutMonths(Dataset<Row> owing, Dataset<Row> folding) {
    return owing
        .join(folding.select(PayLines.REP_ID), PayLines.REP_ID, "left_anti")
        .crossJoin(folding.select(PayLines.SCENARIO, PayLines.MONTH).distinct())
        .select(col(PayLines.SCENARIO), col(PayLines.REP_ID), col(PayLines.MONTH),
            col(OPENING).cast(Money.MONEY).as(OPENING), Money.zero().as(RECOVERED), Money.zero().as(DRAWN),
            Money.zero().as(CARRIED), Money.zero().as(FORGIVEN), col(OPENING).cast(Money.MONEY).as(CLOSING));
  }

  private static final StructType ROW = new StructType()
      .add(PayLines.MONTH, DataTypes.DateType)
      .add(V, Money.MONEY).add(DRAW_TARGET, Money.MONEY)
      .add(PlanTable.DRAW_RECOVERABLE, DataTypes.BooleanType).add(PlanTable.RECOVERY_SHARE, Money.RATE)
      .add(PlanTable.PLAN_ID, DataTypes.StringType).add(PlanTable.PLAN_HASH, DataTypes.StringType)
      .add(OPENING, Money.MONEY).add("recovery", Money.MONEY).add("topup", Money.MONEY)
      .add(CARRIED, Money.MONEY).add(FORGIVEN, Money.MONEY).add(CLOSING, Money.MONEY);

  private static Column initialState(Column owedBefore) {
    return struct(owedBefore.as("b"), array().cast(DataTypes.createArrayType(ROW)).as("rows"));
  }

  /** One month of the fold: the state is the balance owed and the months done so far. */
  private static Column step(Column state, Column m) {
    Column b = state.getField("b");
    Column v = m.getField(V);
    Column recovery = least(b, Money.round2(greatest(v, Money.zero()).multiply(m.getField(PlanTable.RECOVERY_SHARE))))
        .multiply(-1).cast(Money.MONEY);
    Column v1 = v.plus(recovery);
    Column target = m.getField(DRAW_TARGET);
    Column topup = when(target.isNotNull(), greatest(target.minus(v1), Money.zero())).otherwise(Money.zero())
        .cast(Money.MONEY);
    Column v2 = v1.plus(topup);
    Column carry = when(m.getField(PlanTable.CARRY_NEGATIVE).and(v2.lt(0)), v2.multiply(-1)).otherwise(Money.zero())
        .cast(Money.MONEY);
    Column owed = b.plus(recovery).plus(when(m.getField(PlanTable.DRAW_RECOVERABLE), topup).otherwise(Money.zero()))
        .plus(carry).cast(Money.MONEY);
    Column forgiven = when(m.getField(PlanTable.FORGIVE_ON_TERMINATION).and(m.getField(TERMINATED_HERE)), owed)
        .otherwise(Money.zero()).cast(Money.MONEY);
    Column closing = owed.minus(forgiven).cast(Money.MONEY);
    Column row = struct(m.getField(PayLines.MONTH).as(PayLines.MONTH), v.as(V), target.as(DRAW_TARGET),
        m.getField(PlanTable.DRAW_RECOVERABLE).as(PlanTable.DRAW_RECOVERABLE),
        m.getField(PlanTable.RECOVERY_SHARE).as(PlanTable.RECOVERY_SHARE),
        m.getField(PlanTable.PLAN_ID).as(PlanTable.PLAN_ID), m.getField(PlanTable.PLAN_HASH).as(PlanTable.PLAN_HASH),
        b.as(OPENING), recovery.as("recovery"), topup.as("topup"), carry.as(CARRIED), forgiven.as(FORGIVEN),
        closing.as(CLOSING));
    return struct(closing.as("b"), concat(state.getField("rows"), array(row)).as("rows"));
  }
}
