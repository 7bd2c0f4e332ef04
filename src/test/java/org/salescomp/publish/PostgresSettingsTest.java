package org.salescomp.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salescomp.config.ConfigError;
import org.salescomp.config.PostgresTarget;
import org.salescomp.config.Settings;

/** salescomp.publish.postgres: validated at startup; the password never in the config, only where to find it. */
@Tag("fast")
class PostgresSettingsTest {
  @TempDir Path dir;

  private Settings load(String hocon) throws IOException {
    return Settings.load(List.of(Path.of("conf/local.conf"), Files.writeString(dir.resolve("pg.conf"), hocon)));
  }

  @Test
  void defaultsComeFromReferenceConf() {
    PostgresTarget pg = Settings.load(List.of(Path.of("conf/local.conf"))).postgres();
    assertThat(pg.schema()).isEqualTo("salescomp");
    assertThat(pg.stagingSchema()).isEqualTo("salescomp_staging");
    assertThat(pg.passwordEnv()).isEqualTo("SALESCOMP_PG_PASSWORD");
    assertThat(pg.passwordFile()).isNull();
    assertThat(pg.readerRole()).isEmpty();
  }

  @Test
  void theReaderRoleIsAPlainRoleName() throws IOException {
    assertThat(load("salescomp.publish.postgres.reader-role = bi_reader").postgres().readerRole())
        .isEqualTo("bi_reader");
    assertThatThrownBy(() -> load("salescomp.publish.postgres.reader-role = \"bi; drop\""))
        .isInstanceOf(ConfigError.class).hasMessageContaining("salescomp.publish.postgres.reader-role");
  }

  @Test
  void theFiscalYearStartIsAMonthAndNamesAreOffByDefault() throws IOException {
    Settings defaults = Settings.load(List.of(Path.of("conf/local.conf")));
    assertThat(defaults.reporting().fiscalYearStart()).isEqualTo(java.time.Month.JANUARY);
    assertThat(defaults.reporting().includeNames()).isFalse();
    assertThat(load("salescomp.fiscal-year-start = 7").reporting().fiscalYearStart()).isEqualTo(java.time.Month.JULY);
    assertThatThrownBy(() -> load("salescomp.fiscal-year-start = 13"))
        .isInstanceOf(ConfigError.class).hasMessageContaining("salescomp.fiscal-year-start")
        .hasMessageContaining("1 (January) to 12");
    assertThatThrownBy(() -> load("salescomp.fiscal-year-start = 0"))
        .isInstanceOf(ConfigError.class).hasMessageContaining("salescomp.fiscal-year-start");
  }

  @Test
  void aPasswordInTheUrlIsRefused() {
    assertThatThrownBy(() -> load("salescomp.publish.postgres.url = \"jdbc:postgresql://db/bi?password=x\""))
        .isInstanceOf(ConfigError.class).hasMessageContaining("salescomp.publish.postgres.url")
        .hasMessageContaining("password-env");
  }

  @Test
  void aSchemaMustBeAPlainLowerCaseName() {
    assertThatThrownBy(() -> load("salescomp.publish.postgres.schema = \"bi\\\"; drop table x; --\""))
        .isInstanceOf(ConfigError.class).hasMessageContaining("salescomp.publish.postgres.schema");
    assertThatThrownBy(() -> load("salescomp.publish.postgres.staging-schema = salescomp"))
        .isInstanceOf(ConfigError.class).hasMessageContaining("must differ");
  }

  @Test
  void thePasswordFileWinsOverTheEnvironmentAndItsFirstLineIsThePassword() throws IOException {
    Path secret = Files.writeString(dir.resolve("secret"), "from-file\nsecond line\n");
    PostgresTarget pg = load("salescomp.publish.postgres.password-file = \"" + secret + "\"").postgres();
    Map<String, String> env = Map.of("SALESCOMP_PG_PASSWORD", "from-env");

    assertThat(PostgresPassword.resolve(pg, env::get)).isEqualTo("from-file");
    assertThat(PostgresPassword.resolve(load("").postgres(), env::get)).isEqualTo("from-env");
    assertThat(PostgresPassword.resolve(load("").postgres(), name -> null)).isNull();
  }

  @Test
  void anUnreadablePasswordFileNamesTheFileNotTheContent() throws IOException {
    Path missing = dir.resolve("missing");
    PostgresTarget pg = load("salescomp.publish.postgres.password-file = \"" + missing + "\"").postgres();
    assertThatThrownBy(() -> PostgresPassword.resolve(pg, name -> null))
        .isInstanceOf(ConfigError.class).hasMessageContaining("missing").hasMessageContaining("password-file");
  }
}
