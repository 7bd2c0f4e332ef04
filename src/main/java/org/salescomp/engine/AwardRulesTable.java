package org.salescomp.engine;

import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.salescomp.common.Money;
import org.salescomp.domain.Awards;

/** The {@code comp.awards} block as data: one row per scenario, so simulations can vary award pools too. */
public final class AwardRulesTable {
  public static final String SCENARIO = PlanTable.SCENARIO;
  public static final String TEAM_POOL_PER_MEMBER = "team_pool_per_member";
  public static final String TEAM_SPLIT = "team_split";
  public static final String COLLABORATION_POOL = "collaboration_pool";
  public static final String COLLABORATION_MIN_DEALS = "collaboration_min_deals";
  public static final String CX_STAR_TOP = "cx_star_top";
  public static final String CX_STAR_AMOUNT = "cx_star_amount";
  public static final String CX_STAR_MIN_RESPONSES = "cx_star_min_responses";
  public static final String CX_STAR_MAX_COMPLAINT_RATE = "cx_star_max_complaint_rate";
  public static final String NHP_TOP = "nhp_top";
  public static final String NHP_AMOUNT = "nhp_amount";
  public static final String NHP_TENURE_MONTHS = "nhp_tenure_months";
  public static final String NHP_MIN_ATTAINMENT = "nhp_min_attainment";

  public static final StructType SCHEMA = new StructType()
      .add(SCENARIO, StringType, false)
      .add(TEAM_POOL_PER_MEMBER, Money.MONEY, false)
      .add(TEAM_SPLIT, StringType, false)
      .add(COLLABORATION_POOL, Money.MONEY, false)
      .add(COLLABORATION_MIN_DEALS, IntegerType, false)
      .add(CX_STAR_TOP, IntegerType, false)
      .add(CX_STAR_AMOUNT, Money.MONEY, false)
      .add(CX_STAR_MIN_RESPONSES, IntegerType, false)
      .add(CX_STAR_MAX_COMPLAINT_RATE, Money.RATE, false)
      .add(NHP_TOP, IntegerType, false)
      .add(NHP_AMOUNT, Money.MONEY, false)
      .add(NHP_TENURE_MONTHS, IntegerType, false)
      .add(NHP_MIN_ATTAINMENT, Money.RATE, false);

  private AwardRulesTable() {}

  public static Row row(String scenario, Awards a) {
    return RowFactory.create(scenario, a.teamTargetPoolPerMember(), a.teamTargetSplit().name().toLowerCase(),
        a.collaborationPool(), a.collaborationMinDeals(), a.cxStarTop(), a.cxStarAmount(), a.cxStarMinResponses(),
        a.cxStarMaxComplaintRate(), a.newHireProgressTop(), a.newHireProgressAmount(),
        a.newHireProgressTenureMonths(), a.newHireProgressMinAttainment());
  }

  public static Dataset<Row> of(SparkSession spark, List<Row> rows) {
    return spark.createDataFrame(rows, SCHEMA);
  }
}
