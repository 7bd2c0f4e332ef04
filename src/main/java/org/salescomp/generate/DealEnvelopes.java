package org.salescomp.generate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;

import java.util.List;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.salescomp.io.SourceTable;
import scala.collection.JavaConverters;

/**
 * The deals, generated in one distributed pass that also yields each deal's credits, survey and
 * complaint, held together in one envelope row per deal; the four tables are projections of it.
 */
final class DealEnvelopes {
  static final String DEAL = "deal";
  static final String CREDITS = "credits";
  static final String SURVEYS = "surveys";
  static final String COMPLAINTS = "complaints";
  static final StructType SCHEMA = new StructType()
      .add(DEAL, SourceTable.DEALS.schema(), false)
      .add(CREDITS, DataTypes.createArrayType(SourceTable.DEAL_CREDITS.schema(), false), false)
      .add(SURVEYS, DataTypes.createArrayType(SourceTable.CSAT_SURVEYS.schema(), false), false)
      .add(COMPLAINTS, DataTypes.createArrayType(SourceTable.COMPLAINTS.schema(), false), false);
  static final long DEALS_PER_PARTITION = 100_000;

  private DealEnvelopes() {}

  static Dataset<Row> generate(SparkSession spark, Broadcast<World> world) {
    return Distributed.generate(spark, world.value().sizes().deals(), DEALS_PER_PARTITION, SCHEMA,
        index -> List.of(DealGenerator.envelope(world.value(), index)));
  }

  /** An envelope row; Spark's row encoder takes Scala sequences for arrays, not Java lists. */
  static Row envelope(Row deal, List<Row> credits, List<Row> surveys, List<Row> complaints) {
    return RowFactory.create(deal, JavaConverters.asScalaBuffer(credits),
        JavaConverters.asScalaBuffer(surveys), JavaConverters.asScalaBuffer(complaints));
  }

  /** The rows of one of the four tables an envelope holds, in envelope order. */
  static Dataset<Row> table(Dataset<Row> envelopes, SourceTable table) {
    return switch (table) {
      case DEALS -> envelopes.select(col(DEAL + ".*"));
      case DEAL_CREDITS -> exploded(envelopes, CREDITS);
      case CSAT_SURVEYS -> exploded(envelopes, SURVEYS);
      case COMPLAINTS -> exploded(envelopes, COMPLAINTS);
      default -> throw new IllegalArgumentException("not a deal table: " + table);
    };
  }

  private static Dataset<Row> exploded(Dataset<Row> envelopes, String field) {
    return envelopes.select(explode(col(field)).as("row")).select(col("row.*"));
  }
}
