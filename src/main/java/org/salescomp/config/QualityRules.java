package org.salescomp.config;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.salescomp.io.SourceTable;

/**
 * The quality threshold ({@code salescomp.quality}): the largest share of a source's rows that may be
 * quarantined before the run fails. The share is quarantined / (read - deferred); deferred rows are
 * not counted.
 *
 * @param maxBadShare {@code max-bad-share}, for every source without an override
 * @param bySource {@code max-bad-share-by-source}: the overrides, by source
 */
public record QualityRules(BigDecimal maxBadShare, Map<SourceTable, BigDecimal> bySource) {

  public QualityRules {
    Objects.requireNonNull(maxBadShare, "maxBadShare");
    bySource = bySource.isEmpty() ? Map.of() : new EnumMap<>(bySource);
  }

  public static QualityRules uniform(BigDecimal maxBadShare) {
    return new QualityRules(maxBadShare, Map.of());
  }

  public BigDecimal maxFor(SourceTable table) {
    return bySource.getOrDefault(table, maxBadShare);
  }
}
