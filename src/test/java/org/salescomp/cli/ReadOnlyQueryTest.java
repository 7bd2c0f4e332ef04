package org.salescomp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.FunctionIdentifier;
import org.apache.spark.sql.catalyst.analysis.FunctionRegistry$;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.salescomp.testing.SharedSpark;

/**
 * The guard of {@code sql} against a small lakehouse (two tables, named outside the published catalog so
 * that they are views without a run_log), a second lakehouse and an
 * input folder with people's names: hostile statements exit 2 with one line and change nothing on disk;
 * an analyst's queries still run.
 */
@Tag("slow")
class ReadOnlyQueryTest {
  private static final SessionFactory SHARED = settings -> SharedSpark.session();

  @TempDir static Path dir;
  private static String conf;
  private static String fingerprintBefore;

  @BeforeAll
  static void lakehouses() throws IOException {
    SparkSession spark = SharedSpark.session();
    for (String root : List.of("lakehouse", "other-lakehouse")) {
      spark.sql("select 'R-1' as rep_id, date'2026-01-01' as month, cast(100.00 as decimal(18,2)) as total"
              + " union all select 'R-2', date'2026-01-01', cast(50.00 as decimal(18,2))")
          .write().format("delta").save(dir.resolve(root).resolve("pay").toString());
    }
    spark.sql("select 'R-1' as rep_id, date'2026-01-01' as month, 'commission' as line_type,"
            + " cast(100.00 as decimal(18,2)) as amount")
        .write().format("delta").save(dir.resolve("lakehouse").resolve("pay_lines").toString());
    Files.createDirectories(dir.resolve("input"));
    Files.writeString(dir.resolve("input/reps.csv"), "rep_id,name\nR-1,Ada Lovelace\n");
    Files.writeString(dir.resolve("input/reps.json"), "{\"rep_id\":\"R-1\",\"name\":\"Ada Lovelace\"}\n");
    Files.writeString(dir.resolve("marker.txt"), "untouched\n");
    Path file = dir.resolve("test.conf");
    Files.writeString(file, "salescomp.lakehouse.root = \"" + dir.resolve("lakehouse") + "\"\n");
    conf = file.toString();
    fingerprintBefore = fingerprint(dir);
  }

  /** Nothing a refused statement could have done shows up: same files, same bytes, no file created. */
  @AfterAll
  static void nothingChangedOnDisk() throws IOException {
    assertThat(fingerprint(dir)).isEqualTo(fingerprintBefore);
    assertThat(dir.resolve("touched")).doesNotExist();
    assertThat(dir.resolve("written")).doesNotExist();
  }

  static Stream<String> hostileStatements() {
    String lakehouse = dir.resolve("lakehouse").toString();
    String input = dir.resolve("input").toString();
    String touched = dir.resolve("touched").toString();
    return Stream.of(
        // script transforms run a shell command as the job's user
        "select transform('a') using 'touch " + touched + "' as (x string)",
        "SELECT TRANSFORM(total) USING 'rm -rf " + lakehouse + "/pay/_delta_log' AS (x string) FROM pay",
        "select transform('a') using '\\u0074ouch " + touched + "' as (x string)",
        "with t as (select 1 as x) select transform(x) using 'touch " + touched + "' as (y string) from t",
        // writes, also behind a WITH clause
        "WITH a AS (SELECT 1 AS x) INSERT OVERWRITE DIRECTORY '" + dir.resolve("written") + "' USING csv SELECT * FROM a",
        "insert into pay select * from pay",
        "create table written using delta location '" + dir.resolve("written") + "' as select 1 as x",
        "drop table pay",
        "delete from pay",
        "update pay set total = 0",
        "LOAD DATA LOCAL INPATH '" + input + "/reps.csv' INTO TABLE pay",
        "CREATE TEMPORARY VIEW people USING csv OPTIONS (path '" + input + "/reps.csv', header 'true')",
        "vacuum pay",
        // commands of the session
        "SET spark.sql.shuffle.partitions = 1",
        "ADD JAR /tmp/x.jar",
        "CACHE TABLE pay",
        "CREATE FUNCTION f AS 'org.example.Evil'",
        "MSCK REPAIR TABLE pay",
        "refresh table pay",
        "explain select * from pay",
        // more than one statement
        "select 1; drop table pay",
        // comments and case do not hide a statement
        "/* select */ drop table pay",
        "-- select\n insert into pay select * from pay",
        "/* /* */ select */ drop table pay",
        // files and other lakehouses, in every format, also the published tables' own folders
        "select * from text.`" + input + "/reps.csv`",
        "SeLeCt * FrOm CsV.`" + input + "/reps.csv`",
        "select * from json.`" + input + "/reps.json`",
        "select * from parquet.`" + lakehouse + "/pay`",
        "select * from binaryFile.`" + input + "`",
        "select * from delta.`" + dir.resolve("other-lakehouse") + "/pay`",
        "select * from delta.`" + lakehouse + "/pay`",
        "select * from `delta`.`" + lakehouse + "/pay`",
        "with x as (select * from text.`" + input + "/reps.csv`) select * from x",
        "select * from pay where rep_id in (select value from text.`" + input + "/reps.csv`)",
        "select * from identifier('csv.`" + input + "/reps.csv`')",
        "select * from spark_catalog.default.pay",
        "describe delta.`" + lakehouse + "/pay`",
        "show tables in other",
        // functions that reach outside the data
        "select reflect('java.lang.System', 'getProperty', 'user.name')",
        "select JAVA_METHOD('java.lang.System', 'getenv', 'HOME')",
        "select input_file_name() from pay",
        "select current_user",
        "select version()",
        "select rep_id from pay lateral view explode(array(reflect('java.lang.Thread', 'activeCount'))) t as c");
  }

  @ParameterizedTest
  @MethodSource("hostileStatements")
  void isRefusedWithExit2AndOneLine(String sql) {
    CliRun run = CliRun.of(SHARED, "sql", sql, "--conf", conf);

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).hasLineCount(1);
    assertThat(run.out()).isEmpty();
  }

  @Test
  void atLeast25HostileStatements() {
    assertThat(hostileStatements().count()).isGreaterThanOrEqualTo(25);
  }

  @Test
  void aRefusalSaysWhatIsNotAllowed() {
    String input = dir.resolve("input").toString();
    assertThat(CliRun.of(SHARED, "sql", "select * from csv.`" + input + "/reps.csv`", "--conf", conf).err())
        .contains("not allowed: reading csv." + input + "/reps.csv, which is not a published table");
    assertThat(CliRun.of(SHARED, "sql", "select reflect('a', 'b')", "--conf", conf).err())
        .contains("not allowed: the function reflect");
    assertThat(CliRun.of(SHARED, "sql", "select transform('a') using 'cat' as (x string)", "--conf", conf).err())
        .contains("not allowed: ScriptTransformation");
    assertThat(CliRun.of(SHARED, "sql", "SET a = b", "--conf", conf).err())
        .contains("not allowed: SetCommand");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "select month, sum(total) from pay group by month order by month",
      "select p.rep_id, c.line_type, sum(c.amount) as amount from pay p join pay_lines c"
          + " on c.rep_id = p.rep_id and c.month = p.month group by p.rep_id, c.line_type",
      "select rep_id, total, rank() over (partition by month order by total desc) as place,"
          + " sum(total) over (order by rep_id rows between unbounded preceding and current row) as running from pay",
      "with monthly as (select month, sum(total) as total from pay group by month)"
          + " select date_format(month, 'yyyy-MM') as m, round(total / 3, 2) from monthly",
      "  -- a comment first\n SELECT count(*), avg(total), max(total) FROM Pay WHERE total > 0",
      "/* block /* nested */ comment */ select case when total >= 100 then 'high' else 'low' end from pay",
      "(select rep_id from pay) union all (select rep_id from pay_lines) except select 'x'",
      "select * from values (1, 'a'), (2, 'b') as t(n, s)",
      "select explode(array(1, 2)) as x",
      "select rep_id, x from pay lateral view explode(array(1, 2)) t as x",
      "select id from range(3)",
      "select * from pay pivot (sum(total) for rep_id in ('R-1', 'R-2'))",
      "select rep_id from pay where total > (select avg(total) from pay)",
      "select month, sum(total) from pay group by rollup(month)",
      "select current_date() >= date'2026-01-01', cast(total as string), coalesce(null, rep_id) from pay",
      "describe pay",
      "DESC pay_lines",
      "describe pay total",
      "show tables",
      "show columns in pay",
  })
  void analystQueriesRun(String sql) {
    CliRun run = CliRun.of(SHARED, "sql", "--format", "csv", sql, "--conf", conf);

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).isNotEmpty();
  }

  @Test
  void aJoinReturnsTheRowsOfTheTables() {
    CliRun run = CliRun.of(SHARED, "sql", "--format", "csv", "--conf", conf,
        "select p.rep_id, p.total, c.amount from pay p left join pay_lines c on c.rep_id = p.rep_id"
            + " order by p.rep_id");

    // R-1 has a commission line of 100.00; R-2 none
    assertThat(run.out().lines()).containsExactly("rep_id,total,amount", "R-1,100.00,100.00", "R-2,50.00,");
  }

  @Test
  void everyAllowedFunctionIsABuiltInOne() {
    for (String name : SqlFunctions.ALLOWED) {
      assertThat(FunctionRegistry$.MODULE$.builtin().functionExists(FunctionIdentifier.apply(name)))
          .as(name).isTrue();
    }
    assertThat(SqlFunctions.ALLOWED).doesNotContainAnyElementsOf(Set.of("reflect", "java_method",
        "input_file_name", "current_user", "user", "version", "xpath", "aes_decrypt", "rand", "uuid"));
  }

  /** Every path under the folder with its bytes' hash, in order: equal when nothing was added, removed or changed. */
  private static String fingerprint(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      files.sorted().forEach(path -> {
        digest.update(root.relativize(path).toString().getBytes());
        try {
          if (Files.isRegularFile(path)) {
            digest.update(Files.readAllBytes(path));
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      return HexFormat.of().formatHex(digest.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
