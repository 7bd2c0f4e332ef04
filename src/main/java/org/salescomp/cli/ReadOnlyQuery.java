package org.salescomp.cli;

import java.util.regex.Pattern;
import org.apache.spark.sql.catalyst.parser.ParseException;
import org.apache.spark.sql.catalyst.parser.ParserInterface;
import org.apache.spark.sql.catalyst.plans.logical.Command;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.ParsedStatement;
import scala.collection.JavaConverters;

/**
 * The guard of the {@code sql} subcommand: a statement passes only if it starts with SELECT, WITH,
 * VALUES, SHOW or DESCRIBE and its parsed plan writes nothing. Spark models SHOW and DESCRIBE as
 * commands, so those pass by their plan's class ({@code Show*}, {@code Describe*}); any other command
 * or parsed statement anywhere in the plan ({@code WITH ... INSERT}) is refused.
 */
final class ReadOnlyQuery {
  private static final Pattern ALLOWED_START =
      Pattern.compile("(SELECT|WITH|VALUES|SHOW|DESCRIBE|DESC)\\b", Pattern.CASE_INSENSITIVE);

  static final String RULE = "read-only: only SELECT, WITH, VALUES, SHOW and DESCRIBE statements are allowed";

  private ReadOnlyQuery() {}

  /** True for a read-only statement. */
  static boolean isReadOnly(ParserInterface parser, String sql) throws ParseException {
    if (!ALLOWED_START.matcher(sql).region(statementStart(sql), sql.length()).lookingAt()) {
      return false;
    }
    LogicalPlan plan = parser.parsePlan(sql);
    String kind = plan.getClass().getSimpleName();
    return kind.startsWith("Show") || kind.startsWith("Describe") || !writes(plan);
  }

  private static boolean writes(LogicalPlan plan) {
    if (plan instanceof Command || plan instanceof ParsedStatement) {
      return true;
    }
    return JavaConverters.seqAsJavaList(plan.children()).stream().anyMatch(ReadOnlyQuery::writes);
  }

  /** The index of the first keyword: past whitespace, opening parentheses and (nested) comments. */
  private static int statementStart(String sql) {
    int i = 0;
    while (i < sql.length()) {
      if (Character.isWhitespace(sql.charAt(i)) || sql.charAt(i) == '(') {
        i++;
      } else if (sql.startsWith("--", i)) {
        int end = sql.indexOf('\n', i);
        i = end < 0 ? sql.length() : end + 1;
      } else if (sql.startsWith("/*", i)) {
        i = blockCommentEnd(sql, i);
      } else {
        break;
      }
    }
    return i;
  }

  /** The index after the block comment opening at {@code start}; Spark's block comments nest. */
  private static int blockCommentEnd(String sql, int start) {
    int depth = 0;
    int i = start;
    while (i < sql.length()) {
      if (sql.startsWith("/*", i)) {
        depth++;
        i += 2;
      } else if (sql.startsWith("*/", i)) {
        depth--;
        i += 2;
        if (depth == 0) {
          return i;
        }
      } else {
        i++;
      }
    }
    return sql.length();
  }

}
