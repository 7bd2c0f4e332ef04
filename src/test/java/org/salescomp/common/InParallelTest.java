package org.salescomp.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class InParallelTest {
  @Test
  void resultsComeInTheItemsOrderAndTheItemsRunSideBySide() {
    // each item waits for all three to have started: run one after the other, they would time out
    CountDownLatch started = new CountDownLatch(3);
    Map<String, Integer> lengths = InParallel.map("measuring", List.of("ccc", "a", "bb"), 3, item -> {
      started.countDown();
      assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
      return item.length();
    });
    assertThat(lengths).containsExactly(Map.entry("ccc", 3), Map.entry("a", 1), Map.entry("bb", 2));
  }

  @Test
  void theFirstFailureInTheItemsOrderIsRethrownOnceEveryItemHasEnded() {
    Set<String> ended = ConcurrentHashMap.newKeySet();
    assertThatThrownBy(() -> InParallel.map("checking", List.of("a", "b", "c"), 3, item -> {
      if (item.equals("b")) {
        throw new IllegalStateException("b is wrong");
      }
      if (item.equals("c")) {
        Thread.sleep(300);
        ended.add(item);
        throw new IllegalArgumentException("c is wrong too");
      }
      ended.add(item);
      return item;
    })).isInstanceOf(IllegalStateException.class).hasMessage("b is wrong");
    assertThat(ended).containsExactlyInAnyOrder("a", "c");
  }

  @Test
  void aCheckedExceptionIsWrappedNamingTheWorkAndTheItem() {
    assertThatThrownBy(() -> InParallel.map("reading", List.of("deals"), 1, item -> {
      throw new IOException("disk gone");
    })).isInstanceOf(IllegalStateException.class).hasMessage("reading deals failed")
        .hasCauseInstanceOf(IOException.class);
  }
}
