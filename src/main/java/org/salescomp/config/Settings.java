package org.salescomp.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.salescomp.common.LocaleFormat;
import org.salescomp.common.Messages;
import org.salescomp.common.UiLocale;
import org.salescomp.domain.CompModel;
import org.salescomp.io.SourceFormat;
import org.salescomp.io.SourceSettings;
import org.salescomp.io.CsvOptions;
import org.salescomp.io.SourceTable;

/**
 * Every setting of a run, read and validated at startup. The only class that reads {@link Config}:
 * defaults come from {@code reference.conf}, overlays ({@code --conf FILE}, later files win) and then
 * {@code -Dsalescomp.*} system properties go on top. A bad value throws {@link ConfigError} naming
 * the file, the key path and what was expected.
 */
public record Settings(
    String sparkMaster,
    String appName,
    int shufflePartitions,
    boolean uiEnabled,
    Map<String, String> sparkConf,
    String lakehouseRoot,
    String reportingCurrency,
    int reopenMonths,
    int restateMonths,
    Map<SourceTable, SourceSettings> sources,
    CompModel comp,
    String configHash,
    QualityRules quality,
    PostgresTarget postgres,
    OpsSettings ops,
    UiLocale locale,
    LocaleFormat.CurrencyStyle currencyFormat,
    ReportingSettings reporting) {

  static final String ROOT = "salescomp";
  /** Keys a source may have besides those reference.conf gives every source. */
  private static final List<String> SOURCE_KEYS = List.of(".table", ".delimiter", ".encoding", ".date-format");
  /** Subtrees whose keys the user names freely. */
  private static final List<String> OPEN_PREFIXES =
      List.of("salescomp.spark.conf.", "salescomp.comp.plans.");

  /** Loads the defaults with the given overlays on top, in order. */
  public static Settings load(List<Path> overlays) {
    Config reference = ConfigFactory.parseResources(Settings.class.getClassLoader(), "reference.conf");
    Config merged = reference;
    for (Path file : overlays) {
      merged = parse(file).withFallback(merged);
    }
    merged = ConfigFactory.systemProperties().withOnlyPath(ROOT).withFallback(merged);
    try {
      merged = merged.resolve();
    } catch (ConfigException e) {
      throw new ConfigError(e.origin(), ROOT, "cannot resolve substitution: " + e.getMessage());
    }
    rejectUnknownKeys(merged, reference.resolve());
    return read(new ConfigReader(merged.getConfig(ROOT), ROOT), merged);
  }

  public static Settings defaults() {
    return load(List.of());
  }

  private static Config parse(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigError(null, file.toString(), "config file not found");
    }
    try {
      return ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
    } catch (ConfigException e) {
      throw new ConfigError(e.origin(), file.toString(), "not valid HOCON: " + e.getMessage());
    }
  }

  private static void rejectUnknownKeys(Config merged, Config reference) {
    if (!merged.hasPath(ROOT)) {
      return;
    }
    for (Map.Entry<String, ConfigValue> e : merged.getConfig(ROOT).entrySet()) {
      String path = ROOT + "." + e.getKey();
      boolean open = OPEN_PREFIXES.stream().anyMatch(path::startsWith);
      boolean sourceTable = path.startsWith("salescomp.sources.") && SOURCE_KEYS.stream().anyMatch(path::endsWith);
      if (!open && !sourceTable && !reference.hasPathOrNull(path)) {
        throw new ConfigError(e.getValue().origin(), path, "unknown key (not in reference.conf)");
      }
    }
  }

  private static Settings read(ConfigReader root, Config merged) {
    ConfigReader spark = root.object("spark");
    ConfigReader run = root.object("run");
    String currency = root.string("reporting-currency");
    if (!currency.matches("[A-Z]{3}")) {
      throw root.error("reporting-currency", "expected a three-letter ISO currency code, got \"" + currency + "\"");
    }
    String lakehouse = root.string("lakehouse.root");
    if (lakehouse.isBlank()) {
      throw root.error("lakehouse.root", "expected a folder or URL");
    }
    return new Settings(
        spark.string("master"),
        spark.string("app-name"),
        spark.integer("shuffle-partitions", 1),
        spark.bool("ui-enabled"),
        spark.stringMap("conf"),
        lakehouse,
        currency,
        run.integer("reopen-months", 0),
        root.object("ledger").integer("restate-months", 0),
        readSources(root.object("sources"), readCsv(root.object("csv"), CsvOptions.STANDARD)),
        CompModelReader.read(root.object("comp"), PlanLimits.read(root.object("validation"))),
        CompModelReader.hash(merged.getConfig(ROOT).root().render(ConfigRenderOptions.concise())),
        readQuality(root.object("quality")),
        readPostgres(root.object("publish").object("postgres")),
        OpsSettings.read(root),
        readLocale(root),
        root.oneOf("currency-format", LocaleFormat.CurrencyStyle.class),
        ReportingSettings.read(root));
  }

  private static UiLocale readLocale(ConfigReader root) {
    String tag = root.string("locale");
    UiLocale locale = UiLocale.ofTag(tag);
    if (locale == null) {
      throw root.error("locale", "expected one of " + UiLocale.tags() + ", got \"" + tag + "\"");
    }
    return locale;
  }

  /** Numbers, dates and money in the configured language and reporting currency. */
  public LocaleFormat localeFormat() {
    return new LocaleFormat(locale, reportingCurrency, currencyFormat);
  }

  /** The texts of the configured language. */
  public Messages messages() {
    return Messages.of(locale);
  }

  private static PostgresTarget readPostgres(ConfigReader pg) {
    String url = pg.string("url");
    if (!url.startsWith("jdbc:postgresql:")) {
      throw pg.error("url", "expected a JDBC URL jdbc:postgresql://host:port/database");
    }
    if (url.toLowerCase(java.util.Locale.ROOT).contains("password")) {
      throw pg.error("url", "must not hold a password: set password-env or password-file");
    }
    String user = pg.string("user");
    if (user.isBlank()) {
      throw pg.error("user", "expected a role name");
    }
    String env = pg.string("password-env");
    if (!env.isEmpty() && !env.matches(PostgresTarget.ENV_NAME)) {
      throw pg.error("password-env", "expected the name of an environment variable, got \"" + env + "\"");
    }
    String file = pg.string("password-file");
    String readerRole = pg.string("reader-role");
    if (!readerRole.isEmpty() && !readerRole.matches(PostgresTarget.ROLE_NAME)) {
      throw pg.error("reader-role", "expected a role name (letters, digits, _) or \"\" for none, got \""
          + readerRole + "\"");
    }
    String schema = pg.string("schema");
    String staging = pg.string("staging-schema");
    for (String key : List.of("schema", "staging-schema")) {
      if (!pg.string(key).matches(PostgresTarget.SCHEMA_NAME)) {
        throw pg.error(key, "expected a lower-case schema name (letters, digits, _), got \"" + pg.string(key) + "\"");
      }
    }
    if (schema.equals(staging)) {
      throw pg.error("staging-schema", "must differ from schema \"" + schema + "\"");
    }
    return new PostgresTarget(url, user, env, file.isBlank() ? null : Path.of(file), schema, staging, readerRole);
  }

  private static QualityRules readQuality(ConfigReader quality) {
    BigDecimal max = share(quality, "max-bad-share");
    ConfigReader bySource = quality.object("max-bad-share-by-source");
    Map<SourceTable, BigDecimal> overrides = new EnumMap<>(SourceTable.class);
    for (SourceTable table : SourceTable.values()) {
      if (!bySource.isNull(table.tableName())) {
        overrides.put(table, share(bySource, table.tableName()));
      }
    }
    return new QualityRules(max, overrides);
  }

  private static BigDecimal share(ConfigReader reader, String key) {
    BigDecimal share = reader.decimal(key);
    if (share.signum() < 0 || share.compareTo(BigDecimal.ONE) > 0) {
      throw reader.error(key, "expected a share between 0 and 1, got " + share.toPlainString());
    }
    return share;
  }

  private static Map<SourceTable, SourceSettings> readSources(ConfigReader sources, CsvOptions csv) {
    Map<SourceTable, SourceSettings> map = new EnumMap<>(SourceTable.class);
    for (SourceTable table : SourceTable.values()) {
      ConfigReader s = sources.object(table.tableName());
      SourceFormat format = s.oneOf("format", SourceFormat.class);
      String key = format == SourceFormat.TABLE ? "table" : "path";
      String location = s.string(key);
      if (location.isBlank()) {
        throw s.error(key, "expected a non-empty " + key + " for format " + format.name().toLowerCase());
      }
      map.put(table, new SourceSettings(format, location, readCsv(s, csv)));
    }
    return map;
  }

  /** The three CSV keys of {@code reader}, each falling back to {@code defaults}, validated. */
  private static CsvOptions readCsv(ConfigReader reader, CsvOptions defaults) {
    String delimiter = reader.isPresent("delimiter") ? reader.string("delimiter") : defaults.delimiter();
    if (!CsvOptions.validDelimiter(delimiter)) {
      throw reader.error("delimiter", "expected one ASCII character other than a quote or a line break, got \""
          + delimiter + "\"");
    }
    String encoding = reader.isPresent("encoding") ? reader.string("encoding") : defaults.encoding();
    String canonical = CsvOptions.canonicalEncoding(encoding);
    if (canonical.isEmpty()) {
      throw reader.error("encoding", "expected one of " + CsvOptions.ENCODINGS + ", got \"" + encoding + "\"");
    }
    String dateFormat = reader.isPresent("date-format") ? reader.string("date-format") : defaults.dateFormat();
    if (!CsvOptions.validDateFormat(dateFormat)) {
      throw reader.error("date-format", "expected a date pattern with year, month and day (like yyyy-MM-dd),"
          + " got \"" + dateFormat + "\"");
    }
    return new CsvOptions(delimiter, canonical, dateFormat);
  }

  public SourceSettings source(SourceTable table) {
    return sources.get(table);
  }

  /** The Spark master, or null when spark-submit decides. */
  public String sparkMasterOrNull() {
    return sparkMaster.isBlank() ? null : sparkMaster;
  }
}
