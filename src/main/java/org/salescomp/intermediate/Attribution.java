package org.salescomp.intermediate;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The rep a survey or complaint counts for (compensation model, "Attribution"): its own rep_id; else
 * the primary rep of its deal_id; else the customer's owner_rep_id; else nobody (rep_id null).
 * {@code attributed_by} says which step decided.
 */
public final class Attribution {
  public static final String REP_ID = "rep_id";
  public static final String DEAL_ID = "deal_id";
  public static final String CUSTOMER_ID = "customer_id";
  public static final String ATTRIBUTED_BY = "attributed_by";
  /** Values of {@code attributed_by}; null when unattributed. */
  public static final String BY_REP_ID = "rep_id";
  public static final String BY_DEAL = "deal";
  public static final String BY_OWNER = "owner";

  private static final String DEAL_REP = "deal_primary_rep_id";
  private static final String OWNER_REP = "customer_owner_rep_id";

  private Attribution() {}

  /**
   * @param events rows with customer_id, deal_id (nullable) and rep_id (nullable); other columns are kept
   * @param primaryCredits {@link PrimaryCredits}
   * @param customers the customers source (customer_id, owner_rep_id)
   */
  public static Dataset<Row> attribute(Dataset<Row> events, Dataset<Row> primaryCredits, Dataset<Row> customers) {
    Dataset<Row> dealReps = primaryCredits.select(col(PrimaryCredits.DEAL_ID).as("a_deal_id"),
        col(PrimaryCredits.PRIMARY_REP_ID).as(DEAL_REP));
    Dataset<Row> owners = customers.select(col(CUSTOMER_ID).as("a_customer_id"), col("owner_rep_id").as(OWNER_REP));
    return events
        .join(dealReps, col(DEAL_ID).equalTo(col("a_deal_id")), "left")
        .join(owners, col(CUSTOMER_ID).equalTo(col("a_customer_id")), "left")
        .withColumn(ATTRIBUTED_BY, when(col(REP_ID).isNotNull(), lit(BY_REP_ID))
            .when(col(DEAL_REP).isNotNull(), lit(BY_DEAL))
            .when(col(OWNER_REP).isNotNull(), lit(BY_OWNER)))
        .withColumn(REP_ID, coalesce(col(REP_ID), col(DEAL_REP), col(OWNER_REP)))
        .drop("a_deal_id", DEAL_REP, "a_customer_id", OWNER_REP);
  }
}
