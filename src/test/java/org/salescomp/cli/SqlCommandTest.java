package org.salescomp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salescomp.testing.SharedSpark;

@Tag("slow")
class SqlCommandTest {
  private static final SessionFactory SHARED = settings -> SharedSpark.session();

  @TempDir Path dir;
  private String conf;

  /** An empty lakehouse, so no published table of a local run leaks into the shared session. */
  @BeforeEach
  void emptyLakehouse() throws IOException {
    Path file = dir.resolve("test.conf");
    Files.writeString(file, "salescomp.lakehouse.root = \"" + dir.resolve("lakehouse") + "\"\n");
    conf = file.toString();
  }

  @Test
  void aWriteIsRefusedWithExit2() {
    CliRun run = CliRun.of(SHARED, "sql", "drop table payouts", "--conf", conf);
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("not allowed").hasLineCount(1);
  }

  @Test
  void aSyntaxErrorExits2WithSparksMessageOnOneLine() {
    CliRun run = CliRun.of(SHARED, "sql", "select (1", "--conf", conf);
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("PARSE_SYNTAX_ERROR").hasLineCount(1);
  }

  @Test
  void anUnknownTableExits2() {
    CliRun run = CliRun.of(SHARED, "sql", "select * from no_such_table", "--conf", conf);
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("no_such_table, which is not a published table").hasLineCount(1);
  }

  @Test
  void csvQuotesAndPrintsDecimalsPlain() {
    CliRun run = CliRun.of(SHARED, "sql", "--format", "csv", "--conf", conf,
        "select 'a,b' as name, cast(12345678.5 as decimal(18,2)) as amount, cast(null as string) as note");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    // a comma inside a value is quoted; a decimal is never in scientific notation; NULL is an empty field
    assertThat(run.out().lines()).containsExactly("name,amount,note", "\"a,b\",12345678.50,");
  }

  @Test
  void statementsFromStdinAreAnsweredInOneSessionEachFramedByItsLength() {
    // three statements: an answer, a refused one (the session goes on), an answer with a non-ASCII value
    String statements = "select 1 as a\nselect * from no_such_table\n\nselect 'é,\"x' as b\n";
    java.io.InputStream in = System.in;
    CliRun run;
    try {
      System.setIn(new java.io.ByteArrayInputStream(statements.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      run = CliRun.of(SHARED, "sql", "--stdin", "--conf", conf);
    } finally {
      System.setIn(in);
    }

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
    // "a\n1\n" is 4 bytes; "b\n\"é,\"\"x\"\n" is 2 + 9 bytes (é is 2 bytes of UTF-8)
    List<String> lines = run.out().lines().toList();
    assertThat(lines).hasSize(7);
    assertThat(lines.subList(0, 3)).containsExactly("#salescomp-result 4", "a", "1");
    assertThat(lines.get(3)).startsWith("#salescomp-error not allowed: ").contains("no_such_table");
    assertThat(lines.subList(4, 7)).containsExactly("#salescomp-result 11", "b", "\"é,\"\"x\"");
    assertThat(CliRun.of(SHARED, "sql", "--conf", conf).err()).contains("either QUERY or --stdin");
  }

  @Test
  void tableIsAlignedAndCutAtTheLimit() {
    CliRun run = CliRun.of(SHARED, "sql", "--limit", "2", "--conf", conf,
        "select id, cast(null as int) as missing from range(3)");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.out().lines()).containsExactly(
        "+---+-------+",
        "|id |missing|",
        "+---+-------+",
        "|0  |NULL   |",
        "|1  |NULL   |",
        "+---+-------+",
        "only showing the first 2 rows (--limit N shows more)");
  }

  @Test
  void aNegativeLimitExits2WithoutSpark() {
    NoSpark noSpark = new NoSpark();
    assertThat(CliRun.of(noSpark, "sql", "--limit", "-1", "select 1").exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(noSpark.requests()).isZero();
  }
}
