package org.salescomp.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salescomp.io.SourceFormat;
import org.salescomp.io.SourceSettings;
import org.salescomp.io.SchemaError;
import org.salescomp.io.SourceReader;
import org.salescomp.io.SourceTable;
import org.salescomp.testing.SharedSpark;

/**
 * Reading sources for the gate: CSV as text with malformed lines kept, typed sources converted only
 * where exact, and schema problems that stop the run naming the table, the column and the type.
 */
@Tag("fast")
class ReadingSourcesTest {
  @TempDir Path dir;

  @Test
  void csvLinesWithTheWrongNumberOfFieldsAreUnparseableNotPaddedOrCut() throws IOException {
    Path csv = Files.writeString(dir.resolve("fx_rates.csv"), """
        currency,rate_date,rate_to_reporting
        EUR,2025-03-03,1.100000
        GBP,2025-03-03,1.250000,extra
        CAD,2025-03-03
        """);
    Dataset<Row> raw = SourceReader.readRaw(SharedSpark.session(), SourceTable.FX_RATES,
        new SourceSettings(SourceFormat.CSV, csv.toString()));
    Dataset<Row> parsed = ParsedSource.of(SourceTable.FX_RATES, raw);

    List<String> verdicts = parsed.selectExpr("concat(" + Verdicts.ROW_KEY + ", ': ', coalesce("
        + Verdicts.REASON + ", 'ok'))").as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
    assertThat(verdicts).containsExactlyInAnyOrder("currency=EUR, rate_date=2025-03-03: ok",
        "currency=GBP, rate_date=2025-03-03: UNPARSEABLE", "currency=CAD, rate_date=2025-03-03: UNPARSEABLE");
  }

  @Test
  void aMissingRequiredColumnStopsTheRunNamingTableColumnAndType() throws IOException {
    Path csv = Files.writeString(dir.resolve("fx_rates.csv"), "currency,rate_date\nEUR,2025-03-03\n");

    assertThatThrownBy(() -> SourceReader.readRaw(SharedSpark.session(), SourceTable.FX_RATES,
        new SourceSettings(SourceFormat.CSV, csv.toString())))
        .isInstanceOf(SchemaError.class)
        .hasMessageContaining("source fx_rates").hasMessageContaining("required column rate_to_reporting of type decimal(12,6)");
  }

  @Test
  void aColumnOfAnUnreadableTypeStopsTheRun() {
    StructType schema = new StructType().add("currency", DataTypes.StringType)
        .add("rate_date", DataTypes.BooleanType).add("rate_to_reporting", DataTypes.StringType);
    Dataset<Row> parquetLike = SharedSpark.session().createDataFrame(List.of(RowFactory.create("EUR", true, "1.1")), schema);

    assertThatThrownBy(() -> SourceReader.conformRaw(SourceTable.FX_RATES, parquetLike, "/data/fx"))
        .isInstanceOf(SchemaError.class)
        .hasMessage("source fx_rates (/data/fx): column rate_date is boolean, expected date");
  }

  @Test
  void typedColumnsConvertOnlyWhereExact() {
    StructType schema = new StructType().add("currency", DataTypes.StringType)
        .add("rate_date", DataTypes.TimestampType).add("rate_to_reporting", DataTypes.DoubleType);
    Dataset<Row> typed = SharedSpark.session().createDataFrame(List.of(
        RowFactory.create("EUR", Timestamp.valueOf("2025-03-03 00:00:00"), 1.1),
        RowFactory.create("GBP", Timestamp.valueOf("2025-03-03 13:30:00"), 1.25),      // a time of day
        RowFactory.create("CAD", Timestamp.valueOf("2025-03-03 00:00:00"), 0.7123456), // a seventh decimal
        RowFactory.create("JPY", Timestamp.valueOf("2025-03-03 00:00:00"), Double.NaN)), schema);

    List<Row> rows = ParsedSource.of(SourceTable.FX_RATES, typed)
        .select("currency", "rate_to_reporting", Verdicts.REASON).orderBy("currency").collectAsList();

    assertThat(rows).extracting(Row::toString).containsExactly("[CAD,0.712346,UNPARSEABLE]", "[EUR,1.100000,null]",
        "[GBP,1.250000,UNPARSEABLE]", "[JPY,null,UNPARSEABLE]");
    assertThat(rows.get(1).getDecimal(1)).isEqualByComparingTo(new BigDecimal("1.1"));
  }
}
