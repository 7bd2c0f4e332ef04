package org.salescomp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.salescomp.io.SchemaError;
import org.salescomp.quality.DataQualityException;

/**
 * Data problems exit with 3: a failed quality threshold, and a source that cannot be read as the
 * contract says. A commit lost to a concurrent run exits with 4: retry.
 */
@Tag("fast")
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

  @Test
  void aConcurrentDeltaCommitExitsWith4AndSaysToRetry() {
    RuntimeException lost = new RuntimeException("publishing payouts failed",
        new io.delta.exceptions.ConcurrentAppendException("Files were added to partition [month=2025-03-01]"));

    assertThat(codes.getExitCode(lost)).isEqualTo(ExitCodes.CONFLICT);
    assertThat(ExitCodes.message(ExitCodes.reason(lost)))
        .contains("at the same time", "retry the same command", "Files were added to partition");
  }
}
