package org.salescomp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.salescomp.io.SchemaError;
import org.salescomp.quality.DataQualityException;

/** Data problems exit with 3: a failed quality threshold, and a source that cannot be read as the contract says. */
class QualityExitCodesTest {
  private final ExitCodes codes = new ExitCodes();

  @Test
  void aFailedThresholdExitsWith3() {
    assertThat(codes.getExitCode(new DataQualityException("deals: 100 of 1,250 rows quarantined")))
        .isEqualTo(ExitCodes.DATA_QUALITY);
  }

  @Test
  void aSchemaErrorExitsWith3EvenWhenWrapped() {
    SchemaError schema = new SchemaError("deals", "amount", "decimal(18,2)", "/data/deals", List.of("deal_id"));

    assertThat(codes.getExitCode(new RuntimeException("job failed", schema))).isEqualTo(ExitCodes.DATA_QUALITY);
    assertThat(ExitCodes.reason(new RuntimeException("job failed", schema))).isSameAs(schema);
  }
}
