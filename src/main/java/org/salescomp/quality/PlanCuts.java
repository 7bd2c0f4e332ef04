package org.salescomp.quality;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * Where the gate cuts its query plans. Every source's checks read the accepted rows of its parents,
 * so without cuts the plan of a late source (surveys: deals, credits, customers, the roster, teams,
 * FX) would repeat the plans of all of them, several times over, and Spark would spend more time
 * planning than computing. A cut caches the rows (memory, then disk; recomputed from lineage if a
 * block is lost) and continues from a plan that reads the cache: the parent is computed once and its
 * children plan against a leaf. {@link #release} drops the caches.
 */
final class PlanCuts {
  private final List<Dataset<Row>> cached = new ArrayList<>();

  Dataset<Row> of(Dataset<Row> rows) {
    Dataset<Row> persisted = rows.persist(StorageLevel.MEMORY_AND_DISK());
    cached.add(persisted);
    return persisted.sparkSession().createDataFrame(persisted.javaRDD(), persisted.schema());
  }

  void release() {
    cached.forEach(Dataset::unpersist);
    cached.clear();
  }
}
