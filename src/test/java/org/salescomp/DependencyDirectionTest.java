package org.salescomp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The rooms of {@code src/main/java} and the one direction between them (docs/architecture.md):
 * cli -> jobs -> engine / marts -> intermediate -> staging / quality -> io / config -> domain / common.
 * A class may use its own room, a room of its own level, or any room below; never one above. Rooms of one
 * level may use each other in one direction only: no package takes part in a cycle.
 *
 * <p>A dependency is an {@code org.salescomp.<room>.} name in the code (imports, static imports and fully
 * qualified names); comments and string literals do not count.
 */
@Tag("fast")
class DependencyDirectionTest {
  /** Each room's level, highest first. A new top-level package must be placed here. */
  private static final Map<String, Integer> LEVEL = Map.ofEntries(
      Map.entry("cli", 7),
      Map.entry("pipeline", 6), Map.entry("simulate", 6), Map.entry("ops", 6), Map.entry("publish", 6),
      Map.entry("examples", 6), Map.entry("generate", 6),
      Map.entry("engine", 5), Map.entry("marts", 5),
      Map.entry("intermediate", 4),
      Map.entry("staging", 3), Map.entry("quality", 3),
      Map.entry("io", 2), Map.entry("config", 2),
      Map.entry("domain", 1), Map.entry("common", 1));

  private static final Path SOURCES = Path.of("src/main/java/org/salescomp");
  private static final Pattern REFERENCE = Pattern.compile("\\borg\\.salescomp\\.([a-z]\\w*)\\.(\\w+)");
  /** Comments, text blocks, string and char literals, in the order the compiler sees them. */
  private static final Pattern NOT_CODE = Pattern.compile(
      "//[^\\n]*|/\\*.*?\\*/|\"\"\".*?\"\"\"|\"(?:\\\\.|[^\"\\\\])*\"|'(?:\\\\.|[^'\\\\])*'", Pattern.DOTALL);

  /** room -> room it uses -> the classes that use it, as "User -> Used". */
  private static final Map<String, Map<String, Set<String>>> USES = new TreeMap<>();

  @BeforeAll
  static void readSources() throws IOException {
    try (Stream<Path> files = Files.walk(SOURCES)) {
      files.filter(f -> f.toString().endsWith(".java")).forEach(DependencyDirectionTest::read);
    }
  }

  private static void read(Path file) {
    String room = SOURCES.relativize(file).getName(0).toString();
    String className = file.getFileName().toString().replace(".java", "");
    String code;
    try {
      code = NOT_CODE.matcher(Files.readString(file)).replaceAll(" ");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    USES.computeIfAbsent(room, r -> new TreeMap<>());
    Matcher m = REFERENCE.matcher(code);
    while (m.find()) {
      if (!m.group(1).equals(room)) {
        USES.get(room).computeIfAbsent(m.group(1), r -> new TreeSet<>()).add(className + " -> " + m.group(2));
      }
    }
  }

  @Test
  void everyRoomHasALevel() {
    assertThat(USES.keySet()).isNotEmpty().allSatisfy(room -> assertThat(LEVEL).containsKey(room));
  }

  @Test
  void noArrowRunsBackUp() {
    List<String> backArrows = new ArrayList<>();
    USES.forEach((room, used) -> used.forEach((target, classes) -> {
      if (LEVEL.getOrDefault(target, 0) > LEVEL.getOrDefault(room, 0)) {
        backArrows.add(room + " -> " + target + " " + classes);
      }
    }));
    assertThat(backArrows).isEmpty();
  }

  @Test
  void noRoomsFormACycle() {
    List<String> cycles = new ArrayList<>();
    for (String start : USES.keySet()) {
      List<String> path = pathBack(start);
      if (path != null && start.equals(path.stream().sorted().findFirst().orElseThrow())) {
        cycles.add(String.join(" -> ", path) + " -> " + start);
      }
    }
    assertThat(cycles).isEmpty();
  }

  /** A shortest path of uses from {@code start} back to itself (start first), or null. */
  private static List<String> pathBack(String start) {
    Map<String, String> cameFrom = new HashMap<>();
    Deque<String> queue = new ArrayDeque<>(List.of(start));
    while (!queue.isEmpty()) {
      String room = queue.poll();
      for (String next : USES.getOrDefault(room, Map.of()).keySet()) {
        if (next.equals(start)) {
          List<String> path = new ArrayList<>();
          for (String r = room; r != null; r = cameFrom.get(r)) {
            path.add(0, r);
          }
          return path;
        }
        if (!cameFrom.containsKey(next)) {
          cameFrom.put(next, room);
          queue.add(next);
        }
      }
    }
    return null;
  }
}
