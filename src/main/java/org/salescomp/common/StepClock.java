package org.salescomp.common;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Times the steps of a job that are not Dataset stages ({@link Stages}): reading and gating the
 * sources, the checks before the model, the publishing. One log line per step, {@code step NAME in S s},
 * in the format of the stage lines, so the benchmark ({@code bench/run-benchmark.sh}) builds one table
 * of both.
 */
public final class StepClock {
  private static final Logger LOG = LoggerFactory.getLogger(StepClock.class);

  private StepClock() {}

  /** Runs {@code step}, logs its seconds and returns its result. */
  public static <T> T time(String name, Supplier<T> step) {
    long start = System.nanoTime();
    T result = step.get();
    LOG.info("step {} in {} s", name, seconds(start));
    return result;
  }

  /** Runs {@code step} and logs its seconds. */
  public static void time(String name, Runnable step) {
    time(name, () -> {
      step.run();
      return null;
    });
  }

  /** Logs the largest heap the JVM has held so far: the sum of the heap pools' peaks. */
  public static void logPeakHeap() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    LOG.info("peak heap {} MiB", peak >> 20);
  }

  private static String seconds(long start) {
    return String.format("%.1f", (System.nanoTime() - start) / 1e9);
  }
}
