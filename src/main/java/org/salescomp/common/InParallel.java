package org.salescomp.common;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Items worked on side by side, for work that mostly waits: Spark jobs submitted from the driver (a
 * source's schema, a table's commit), whose latencies then overlap instead of adding up.
 */
public final class InParallel {
  /** The work on one item; it may throw. */
  @FunctionalInterface
  public interface Work<K, V> {
    V apply(K item) throws Exception;
  }

  private InParallel() {}

  /**
   * Each item's result, in the items' order. Every item is worked on to its end; then the first failure
   * in the items' order is rethrown: as thrown when unchecked, else wrapped, naming {@code doing} and the item.
   *
   * @param doing what the work is, for messages ("publishing")
   * @param threads at most this many items at a time
   */
  public static <K, V> Map<K, V> map(String doing, Collection<K> items, int threads, Work<K, V> work) {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, items.size())));
    try {
      Map<K, Future<V>> futures = new LinkedHashMap<>();
      items.forEach(item -> futures.put(item, pool.submit(() -> work.apply(item))));
      Map<K, V> results = new LinkedHashMap<>();
      RuntimeException failure = null;
      for (Map.Entry<K, Future<V>> f : futures.entrySet()) {
        try {
          results.put(f.getKey(), f.getValue().get());
        } catch (ExecutionException e) {
          if (e.getCause() instanceof Error error) {
            throw error;
          }
          if (failure == null) {
            failure = e.getCause() instanceof RuntimeException r ? r
                : new IllegalStateException(doing + " " + f.getKey() + " failed", e.getCause());
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while " + doing + " " + f.getKey(), e);
        }
      }
      if (failure != null) {
        throw failure;
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
