package org.salescomp.io;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The twelve input tables of the data contract ({@code docs/data-contract.md}): name, explicit
 * schema and key. The config key of a source is {@code salescomp.sources.<name>}.
 */
public enum SourceTable {
  DEALS("deals", List.of("deal_id"),
      req("deal_id", StringType), req("customer_id", StringType), req("owner_rep_id", StringType),
      req("product_category", StringType), req("channel", StringType), req("amount", Types.MONEY),
      req("currency", StringType), req("close_date", DateType), req("status", StringType),
      opt("status_date", DateType)),
  DEAL_CREDITS("deal_credits", List.of("deal_id", "rep_id"),
      req("deal_id", StringType), req("rep_id", StringType), req("credit_pct", Types.RATE)),
  CUSTOMERS("customers", List.of("customer_id"),
      req("customer_id", StringType), req("name", StringType), req("segment", StringType),
      req("region", StringType), opt("owner_rep_id", StringType), req("created_date", DateType)),
  CUSTOMER_RETENTION("customer_retention", List.of("customer_id", "month"),
      req("customer_id", StringType), req("month", DateType), req("active", BooleanType),
      opt("recurring_revenue", Types.MONEY)),
  COMPLAINTS("complaints", List.of("complaint_id"),
      req("complaint_id", StringType), req("customer_id", StringType), opt("deal_id", StringType),
      opt("rep_id", StringType), req("opened_date", DateType), req("severity", StringType),
      req("category", StringType), opt("resolved_date", DateType)),
  CSAT_SURVEYS("csat_surveys", List.of("survey_id"),
      req("survey_id", StringType), req("customer_id", StringType), opt("deal_id", StringType),
      opt("rep_id", StringType), req("survey_date", DateType), req("score", IntegerType),
      req("source", StringType)),
  REPS("reps", List.of("rep_id", "valid_from"),
      req("rep_id", StringType), req("name", StringType), req("role", StringType),
      req("team_id", StringType), opt("manager_id", StringType), opt("mentor_id", StringType),
      req("hire_date", DateType), opt("termination_date", DateType),
      req("base_salary_monthly", Types.MONEY), req("plan_id", StringType),
      req("valid_from", DateType), opt("valid_to", DateType)),
  TEAMS("teams", List.of("team_id"),
      req("team_id", StringType), req("name", StringType), req("region", StringType),
      opt("manager_rep_id", StringType)),
  TARGETS("targets", List.of("scope", "scope_id", "period_type", "period_start", "metric"),
      req("scope", StringType), req("scope_id", StringType), req("period_type", StringType),
      req("period_start", DateType), req("metric", StringType), req("target", Types.TARGET)),
  TRAINING_RESULTS("training_results", List.of("rep_id", "course_id", "completed_date"),
      req("rep_id", StringType), req("course_id", StringType), req("completed_date", DateType),
      req("score", IntegerType), req("passed", BooleanType)),
  FX_RATES("fx_rates", List.of("currency", "rate_date"),
      req("currency", StringType), req("rate_date", DateType), req("rate_to_reporting", Types.RATE)),
  ADJUSTMENTS("adjustments", List.of("adjustment_id"),
      req("adjustment_id", StringType), req("rep_id", StringType), req("month", DateType),
      req("amount", Types.MONEY), req("reason", StringType), req("approved_by", StringType));

  private final String tableName;
  private final List<String> key;
  private final StructType schema;

  SourceTable(String tableName, List<String> key, StructField... fields) {
    this.tableName = tableName;
    this.key = key;
    this.schema = new StructType(fields);
  }

  public String tableName() {
    return tableName;
  }

  public List<String> key() {
    return key;
  }

  /** The contract's schema; nullable fields are the contract's optional ({@code ?}) columns. */
  public StructType schema() {
    return schema;
  }

  public List<String> requiredColumns() {
    return Arrays.stream(schema.fields()).filter(f -> !f.nullable()).map(StructField::name).toList();
  }

  /**
   * The date column that defers a row when it is after the run's logical date (the contract's "late
   * rows"), or empty for tables whose rows are never deferred (teams, reps, customers: the state of the
   * world as loaded) or are deferred with their deal (deal_credits).
   */
  public Optional<String> deferralDate() {
    return Optional.ofNullable(switch (this) {
      case DEALS -> "close_date";
      case CSAT_SURVEYS -> "survey_date";
      case COMPLAINTS -> "opened_date";
      case CUSTOMER_RETENTION, ADJUSTMENTS -> "month";
      case TARGETS -> "period_start";
      case TRAINING_RESULTS -> "completed_date";
      case FX_RATES -> "rate_date";
      case TEAMS, REPS, CUSTOMERS, DEAL_CREDITS -> null;
    });
  }

  public static SourceTable byName(String name) {
    return Arrays.stream(values())
        .filter(t -> t.tableName.equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown source table: " + name));
  }

  private static StructField req(String name, DataType type) {
    return DataTypes.createStructField(name, type, false);
  }

  private static StructField opt(String name, DataType type) {
    return DataTypes.createStructField(name, type, true);
  }

  /** Decimal types of the contract. */
  public static final class Types {
    public static final DecimalType MONEY = DataTypes.createDecimalType(18, 2);
    public static final DecimalType RATE = DataTypes.createDecimalType(12, 6);
    /** Targets hold money (revenue) and ratios (csat 4.5, complaint rate 0.04) alike. */
    public static final DecimalType TARGET = DataTypes.createDecimalType(18, 6);

    private Types() {}
  }
}
