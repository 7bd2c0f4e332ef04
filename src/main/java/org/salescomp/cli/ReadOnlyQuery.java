package org.salescomp.cli;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.analysis.FunctionRegistry$;
import org.apache.spark.sql.catalyst.analysis.UnresolvedFunction;
import org.apache.spark.sql.catalyst.analysis.UnresolvedGenerator;
import org.apache.spark.sql.catalyst.analysis.UnresolvedHaving;
import org.apache.spark.sql.catalyst.analysis.UnresolvedInlineTable;
import org.apache.spark.sql.catalyst.analysis.UnresolvedNamespace;
import org.apache.spark.sql.catalyst.analysis.UnresolvedRelation;
import org.apache.spark.sql.catalyst.analysis.UnresolvedSubqueryColumnAliases;
import org.apache.spark.sql.catalyst.analysis.UnresolvedTableOrView;
import org.apache.spark.sql.catalyst.analysis.UnresolvedTableValuedFunction;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.SubqueryExpression;
import org.apache.spark.sql.catalyst.expressions.UserDefinedExpression;
import org.apache.spark.sql.catalyst.parser.ParseException;
import org.apache.spark.sql.catalyst.plans.logical.Aggregate;
import org.apache.spark.sql.catalyst.plans.logical.CTERelationDef;
import org.apache.spark.sql.catalyst.plans.logical.CTERelationRef;
import org.apache.spark.sql.catalyst.plans.logical.DescribeColumn;
import org.apache.spark.sql.catalyst.plans.logical.DescribeRelation;
import org.apache.spark.sql.catalyst.plans.logical.Distinct;
import org.apache.spark.sql.catalyst.plans.logical.Except;
import org.apache.spark.sql.catalyst.plans.logical.Expand;
import org.apache.spark.sql.catalyst.plans.logical.Filter;
import org.apache.spark.sql.catalyst.plans.logical.Generate;
import org.apache.spark.sql.catalyst.plans.logical.GlobalLimit;
import org.apache.spark.sql.catalyst.plans.logical.Intersect;
import org.apache.spark.sql.catalyst.plans.logical.Join;
import org.apache.spark.sql.catalyst.plans.logical.LocalLimit;
import org.apache.spark.sql.catalyst.plans.logical.LocalRelation;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.Offset;
import org.apache.spark.sql.catalyst.plans.logical.OneRowRelation;
import org.apache.spark.sql.catalyst.plans.logical.Pivot;
import org.apache.spark.sql.catalyst.plans.logical.Project;
import org.apache.spark.sql.catalyst.plans.logical.Range;
import org.apache.spark.sql.catalyst.plans.logical.ShowColumns;
import org.apache.spark.sql.catalyst.plans.logical.ShowTables;
import org.apache.spark.sql.catalyst.plans.logical.Sort;
import org.apache.spark.sql.catalyst.plans.logical.SubqueryAlias;
import org.apache.spark.sql.catalyst.plans.logical.Union;
import org.apache.spark.sql.catalyst.plans.logical.UnresolvedWith;
import org.apache.spark.sql.catalyst.plans.logical.View;
import org.apache.spark.sql.catalyst.plans.logical.Window;
import org.apache.spark.sql.catalyst.plans.logical.WithCTE;
import org.apache.spark.sql.catalyst.plans.logical.WithWindowDefinition;
import org.apache.spark.sql.execution.CommandExecutionMode;
import org.apache.spark.sql.execution.SparkSqlParser;
import org.apache.spark.sql.execution.datasources.HadoopFsRelation;
import org.apache.spark.sql.execution.datasources.LogicalRelation;
import org.salescomp.io.LakehousePaths;
import scala.Tuple2;
import scala.collection.JavaConverters;

/**
 * The guard of every statement a user hands to Spark SQL: read-only by construction, by allow-lists.
 *
 * <p>A statement passes when it is ONE query whose plan, both as parsed and as analysed, is built only
 * from the query operators listed here, calls only the functions of {@link SqlFunctions}, and reads only
 * the published tables registered as views (by their plain name; a path relation such as
 * {@code csv.`file`} or {@code delta.`dir`} is refused before Spark touches the path), or it is
 * {@code DESCRIBE}, {@code SHOW COLUMNS} of such a view or {@code SHOW TABLES}. Anything else is refused
 * with one line saying what is not allowed, before anything runs: commands, writes, script transforms,
 * UDFs, hints and every operator or function nobody has listed yet.
 */
final class ReadOnlyQuery {
  static final String RULE = "the sql command runs one read-only query over the published tables"
      + " (SELECT, WITH, VALUES, DESCRIBE, SHOW TABLES, SHOW COLUMNS)";

  /** Query operators a plan may be built from, as parsed and as analysed. */
  private static final Set<Class<?>> OPERATORS = Set.of(
      Project.class, Filter.class, Aggregate.class, Join.class, Window.class, Sort.class,
      GlobalLimit.class, LocalLimit.class, Offset.class, Union.class, Intersect.class, Except.class,
      Distinct.class, Expand.class, Pivot.class, Generate.class, SubqueryAlias.class,
      UnresolvedWith.class, WithCTE.class, CTERelationDef.class, CTERelationRef.class,
      WithWindowDefinition.class, UnresolvedHaving.class, UnresolvedSubqueryColumnAliases.class,
      OneRowRelation.class, LocalRelation.class, UnresolvedInlineTable.class, Range.class,
      UnresolvedRelation.class, UnresolvedTableValuedFunction.class, View.class);

  /** For each built-in function's expression class, the names it is registered under. */
  private static final Map<String, Set<String>> FUNCTION_NAMES = functionNamesByClass();

  private final SparkSession spark;
  /** Registered view name (lower case) to its table's folder. */
  private final Map<String, String> views;
  /** A dry run reads no lakehouse: any plain name stands for a published table there. */
  private final boolean anyPlainName;

  /**
   * @param views the published tables registered as temporary views: name to folder
   */
  ReadOnlyQuery(SparkSession spark, Map<String, String> views) {
    this(spark, views, false);
  }

  private ReadOnlyQuery(SparkSession spark, Map<String, String> views, boolean anyPlainName) {
    this.spark = spark;
    this.views = new HashMap<>();
    views.forEach((name, folder) -> this.views.put(name.toLowerCase(Locale.ROOT), folder));
    this.anyPlainName = anyPlainName;
  }

  /**
   * The checks a dry run can make without a Spark session or the lakehouse: the statement parses (Spark's
   * own parser) and its parsed plan passes the allow-lists, any plain table name taken as a published
   * table. The analysed plan is checked when the query runs.
   */
  static void checkWithoutSession(String sql) throws ParseException {
    ReadOnlyQuery guard = new ReadOnlyQuery(null, Map.of(), true);
    LogicalPlan parsed = new SparkSqlParser().parsePlan(sql);
    if (guard.isInspection(parsed)) {
      return;
    }
    Set<String> cteNames = new HashSet<>();
    collectCteNames(parsed, cteNames);
    guard.checkParsed(parsed, cteNames);
  }

  private boolean isView(String name) {
    return anyPlainName || views.containsKey(name.toLowerCase(Locale.ROOT));
  }

  /** Thrown when a statement is not allowed; the message is one line. */
  static final class Refused extends RuntimeException {
    Refused(String what) {
      super("not allowed: " + what + "; " + RULE);
    }
  }

  /**
   * Checks one statement; returns normally when it may run, throws {@link Refused} otherwise. Parse and
   * analysis errors come out as Spark's (a ParseException, an AnalysisException).
   */
  void check(String sql) throws ParseException {
    LogicalPlan parsed = spark.sessionState().sqlParser().parsePlan(sql);
    if (isInspection(parsed)) {
      return;
    }
    Set<String> cteNames = new HashSet<>();
    collectCteNames(parsed, cteNames);
    checkParsed(parsed, cteNames);
    LogicalPlan analysed = spark.sessionState().executePlan(parsed, CommandExecutionMode.SKIP()).analyzed();
    checkAnalysed(analysed);
  }

  /** DESCRIBE or SHOW COLUMNS of a published table's view, or SHOW TABLES of the current namespace. */
  private boolean isInspection(LogicalPlan plan) {
    if (plan instanceof DescribeRelation describe) {
      requireView(describe.relation(), describe.partitionSpec().isEmpty());
      return true;
    }
    if (plan instanceof DescribeColumn describe) {
      requireView(describe.relation(), true);
      return true;
    }
    if (plan instanceof ShowColumns show) {
      requireView(show.child(), show.namespace().isEmpty());
      return true;
    }
    if (plan instanceof ShowTables show) {
      if (!(show.namespace() instanceof UnresolvedNamespace ns) || !ns.multipartIdentifier().isEmpty()) {
        throw new Refused("SHOW TABLES of another namespace");
      }
      return true;
    }
    return false;
  }

  private void requireView(LogicalPlan relation, boolean plain) {
    if (!(relation instanceof UnresolvedTableOrView table) || !plain
        || table.multipartIdentifier().size() != 1
        || !isView(table.multipartIdentifier().head())) {
      throw new Refused("inspecting anything but a published table (" + relation.simpleString(60) + ")");
    }
  }

  private static void collectCteNames(LogicalPlan plan, Set<String> names) {
    if (plan instanceof UnresolvedWith with) {
      for (Tuple2<String, SubqueryAlias> cte : JavaConverters.seqAsJavaList(with.cteRelations())) {
        names.add(cte._1().toLowerCase(Locale.ROOT));
        collectCteNames(cte._2(), names);
      }
    }
    for (LogicalPlan child : children(plan)) {
      collectCteNames(child, names);
    }
    for (LogicalPlan subquery : JavaConverters.seqAsJavaList(plan.subqueries())) {
      collectCteNames(subquery, names);
    }
  }

  /** The parsed plan: operators, relation names and function names, before Spark resolves (or reads) anything. */
  private void checkParsed(LogicalPlan plan, Set<String> cteNames) {
    requireOperator(plan);
    if (plan instanceof UnresolvedRelation relation) {
      List<String> name = JavaConverters.seqAsJavaList(relation.multipartIdentifier());
      String single = name.size() == 1 ? name.get(0).toLowerCase(Locale.ROOT) : null;
      if (single == null || !(isView(single) || cteNames.contains(single))) {
        throw new Refused("reading " + String.join(".", name) + ", which is not a published table");
      }
    }
    if (plan instanceof UnresolvedTableValuedFunction function) {
      requireFunction(function.name(), SqlFunctions.TABLE_FUNCTIONS);
    }
    if (plan instanceof UnresolvedWith with) {
      for (Tuple2<String, SubqueryAlias> cte : JavaConverters.seqAsJavaList(with.cteRelations())) {
        checkParsed(cte._2(), cteNames);
      }
    }
    for (Expression expression : JavaConverters.seqAsJavaList(plan.expressions())) {
      checkParsedExpression(expression, cteNames);
    }
    for (LogicalPlan child : children(plan)) {
      checkParsed(child, cteNames);
    }
  }

  private void checkParsedExpression(Expression expression, Set<String> cteNames) {
    if (expression instanceof UnresolvedFunction function) {
      requireFunction(function.nameParts(), SqlFunctions.ALLOWED);
    } else if (expression instanceof UnresolvedGenerator generator) {
      requireFunction(generator.name().nameParts(), SqlFunctions.ALLOWED);
    } else if (!expression.resolved() && expression.getClass().getSimpleName().contains("Identifier")) {
      // IDENTIFIER('...') builds a name from a string at analysis: nothing to check it against here
      throw new Refused("IDENTIFIER(...)");
    }
    if (expression instanceof SubqueryExpression subquery) {
      checkParsed(subquery.plan(), cteNames);
    }
    for (Expression child : JavaConverters.seqAsJavaList(expression.children())) {
      checkParsedExpression(child, cteNames);
    }
  }

  /** The analysed plan: operators again, every function's class, and every relation under a published table's view. */
  private void checkAnalysed(LogicalPlan plan) {
    requireOperator(plan);
    if (plan instanceof View view) {
      requirePublishedView(view);
      return;
    }
    for (Expression expression : JavaConverters.seqAsJavaList(plan.expressions())) {
      checkAnalysedExpression(expression);
    }
    for (LogicalPlan child : children(plan)) {
      checkAnalysed(child);
    }
  }

  private void checkAnalysedExpression(Expression expression) {
    String className = expression.getClass().getName();
    if (expression instanceof UserDefinedExpression
        || !className.startsWith("org.apache.spark.sql.catalyst.expressions.")) {
      throw new Refused("the function " + expression.prettyName());
    }
    Set<String> names = FUNCTION_NAMES.get(className);
    if (names != null && names.stream().noneMatch(SqlFunctions.ALLOWED::contains)) {
      throw new Refused("the function " + expression.prettyName());
    }
    if (expression instanceof SubqueryExpression subquery) {
      checkAnalysed(subquery.plan());
    }
    for (Expression child : JavaConverters.seqAsJavaList(expression.children())) {
      checkAnalysedExpression(child);
    }
  }

  /** A temporary view of a registered name whose every leaf is a relation over that table's folder. */
  private void requirePublishedView(View view) {
    String name = view.desc().identifier().table().toLowerCase(Locale.ROOT);
    String folder = views.get(name);
    if (!view.isTempView() || folder == null) {
      throw new Refused("the view " + name + ", which is not a published table");
    }
    for (LogicalPlan leaf : JavaConverters.seqAsJavaList(view.collectLeaves())) {
      if (!(leaf instanceof LogicalRelation relation) || !(relation.relation() instanceof HadoopFsRelation files)
          || !readsOnly(files, folder)) {
        throw new Refused("the view " + name + ", which reads something other than its table");
      }
    }
  }

  private boolean readsOnly(HadoopFsRelation files, String folder) {
    List<Path> roots = JavaConverters.seqAsJavaList(files.location().rootPaths());
    return !roots.isEmpty() && roots.stream().allMatch(root -> LakehousePaths.same(spark, root.toString(), folder));
  }

  private static void requireOperator(LogicalPlan plan) {
    if (!OPERATORS.contains(plan.getClass())) {
      throw new Refused(plan.nodeName());
    }
  }

  private static void requireFunction(scala.collection.Seq<String> nameParts, Set<String> allowed) {
    List<String> parts = JavaConverters.seqAsJavaList(nameParts);
    String name = String.join(".", parts).toLowerCase(Locale.ROOT);
    if (parts.size() != 1 || !allowed.contains(name)) {
      throw new Refused("the function " + name);
    }
  }

  private static void requireFunction(String name, Set<String> allowed) {
    if (!allowed.contains(name.toLowerCase(Locale.ROOT))) {
      throw new Refused("the function " + name);
    }
  }

  private static List<LogicalPlan> children(LogicalPlan plan) {
    return JavaConverters.seqAsJavaList(plan.children());
  }

  private static Map<String, Set<String>> functionNamesByClass() {
    Map<String, Set<String>> byClass = new HashMap<>();
    JavaConverters.mapAsJavaMap(FunctionRegistry$.MODULE$.expressions()).forEach((name, entry) ->
        byClass.computeIfAbsent(entry._1().getClassName(), c -> new HashSet<>()).add(name));
    return byClass;
  }
}
