package org.salescomp.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.spark.sql.catalyst.parser.ParseException;
import org.apache.spark.sql.catalyst.parser.ParserInterface;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.salescomp.testing.SharedSpark;

@Tag("slow")
class ReadOnlyQueryTest {
  /** The session's parser includes Delta's SQL extension, as in a real run. */
  private static ParserInterface parser() {
    return SharedSpark.session().sessionState().sqlParser();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "select month, sum(total) from payouts group by month",
      "  -- a comment first\n SELECT 1",
      "/* block /* nested */ comment */ select 1",
      "(select 1) union all (select 2)",
      "with t as (select 1 as x) select x from t",
      "values (1, 'a')",
      "show tables",
      "describe payouts",
      "desc payouts",
  })
  void queriesAndInspectionsPass(String sql) throws ParseException {
    assertThat(ReadOnlyQuery.isReadOnly(parser(), sql)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "drop table payouts",
      "insert into payouts select * from payouts",
      "create table t as select 1",
      "delete from payouts where month = '2026-01-01'",
      "update payouts set total = 0",
      "cache table payouts",
      "set spark.sql.shuffle.partitions = 1",
      // a WITH clause in front of an INSERT is still an INSERT
      "with t as (select 1 as x) insert into payouts select * from t",
      // Spark's block comments nest, so this is a DROP behind one comment, not a SHOW
      "/* /* */ show */ drop table payouts",
      "vacuum payouts",
  })
  void writesAndOtherStatementsAreRefused(String sql) throws ParseException {
    assertThat(ReadOnlyQuery.isReadOnly(parser(), sql)).isFalse();
  }

  @Test
  void aStatementThatDoesNotParseThrowsSparksParseException() {
    assertThatThrownBy(() -> ReadOnlyQuery.isReadOnly(parser(), "select 1; drop table payouts"))
        .isInstanceOf(ParseException.class);
  }
}
