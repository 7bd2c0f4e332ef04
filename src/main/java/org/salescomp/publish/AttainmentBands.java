package org.salescomp.publish;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The attainment distribution: how many reps fall in each band of attainment of quota. */
final class AttainmentBands {
  /** Lower bounds of the bands after the first; a rep exactly on a bound belongs to the upper band. */
  static final List<BigDecimal> BOUNDS = List.of(new BigDecimal("0.5"), new BigDecimal("0.75"), BigDecimal.ONE,
      new BigDecimal("1.25"), new BigDecimal("1.5"));
  static final List<String> LABELS = List.of("< 50%", "50-75%", "75-100%", "100-125%", "125-150%", ">= 150%");
  static final String NO_QUOTA = "no quota";

  private AttainmentBands() {}

  static String band(BigDecimal attainment) {
    if (attainment == null) {
      return NO_QUOTA;
    }
    int i = 0;
    while (i < BOUNDS.size() && attainment.compareTo(BOUNDS.get(i)) >= 0) {
      i++;
    }
    return LABELS.get(i);
  }

  /** Reps per band, every band present (zero when empty), in order. */
  static Map<String, Long> count(List<BigDecimal> attainments) {
    Map<String, Long> counts = new LinkedHashMap<>();
    List<String> labels = new ArrayList<>(LABELS);
    labels.add(NO_QUOTA);
    labels.forEach(l -> counts.put(l, 0L));
    attainments.forEach(a -> counts.merge(band(a), 1L, Long::sum));
    return counts;
  }
}
