package org.salescomp.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The documentation a clone carries (README.md, docs/, the guides under jobs/ and notebooks/) links only
 * inside the repository, to files and headings that exist: markdown links, and bare paths in the text
 * ({@code ../somewhere}, or {@code `conf/...`} naming a file of the checkout). Web links are left alone.
 */
@Tag("fast")
class DocLinksTest {
  static final Path ROOT = Path.of("").toAbsolutePath().normalize();
  private static final Pattern MARKDOWN_LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
  /** A path climbing out of the file's folder, anywhere in the text. */
  private static final Pattern PARENT_PATH = Pattern.compile("(?<![\\w./-])\\.\\./[\\w./-]+");
  /** A path in backticks that starts at one of the checkout's top folders. */
  private static final Pattern REPO_PATH = Pattern.compile(
      "`((?:src|conf|jobs|bin|notebooks|docs|examples|\\.ci|\\.mvn)/[\\w./-]*|README\\.md|pom\\.xml|mvnw)`");

  @Test
  void everyLinkOfTheDocsStaysInTheRepositoryAndFindsItsTarget() throws IOException {
    List<String> broken = new ArrayList<>();
    for (Path doc : docs()) {
      String text = Files.readString(doc, StandardCharsets.UTF_8);
      Matcher link = MARKDOWN_LINK.matcher(text);
      while (link.find()) {
        String target = link.group(1);
        if (!target.matches("(?i)^(https?|mailto):.*")) {
          check(doc, target, doc.getParent(), broken);
        }
      }
      Matcher parent = PARENT_PATH.matcher(text);
      while (parent.find()) {
        check(doc, parent.group(), doc.getParent(), broken);
      }
      Matcher repoPath = REPO_PATH.matcher(text);
      while (repoPath.find()) {
        check(doc, repoPath.group(1), ROOT, broken);
      }
    }
    assertThat(broken).as("links leaving the repository or to missing files").isEmpty();
  }

  @Test
  void theCheckFindsLinksThatLeaveOrMiss() {
    // the checker itself: a test of the docs that cannot fail would be worth nothing
    List<String> broken = new ArrayList<>();
    Path readme = ROOT.resolve("README.md");
    check(readme, "../shared/docs/data-contract.md", ROOT, broken);
    check(readme, "docs/no-such-page.md", ROOT, broken);
    check(readme, "docs/data-contract.md#no-such-heading", ROOT, broken);
    check(readme, "/etc/passwd", ROOT, broken);
    assertThat(broken).hasSize(4);
    List<String> fine = new ArrayList<>();
    check(readme, "docs/data-contract.md#bad-input", ROOT, fine);
    check(readme, "#quick-start", ROOT, fine);
    assertThat(fine).isEmpty();
  }

  /** README.md, docs/**, jobs/**&#47;*.md, notebooks/**&#47;*.md. */
  static List<Path> docs() throws IOException {
    List<Path> docs = new ArrayList<>(List.of(ROOT.resolve("README.md")));
    for (String folder : List.of("docs", "jobs", "notebooks", "examples")) {
      Path dir = ROOT.resolve(folder);
      if (Files.isDirectory(dir)) {
        try (Stream<Path> files = Files.walk(dir)) {
          files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
      }
    }
    return docs;
  }

  private static void check(Path doc, String target, Path base, List<String> broken) {
    String where = ROOT.relativize(doc) + ": " + target;
    int hash = target.indexOf('#');
    String file = hash < 0 ? target : target.substring(0, hash);
    String anchor = hash < 0 ? null : target.substring(hash + 1);
    Path resolved = file.isEmpty() ? doc : base.resolve(file).normalize();
    if (file.startsWith("/") || !resolved.startsWith(ROOT)) {
      broken.add(where + " (leaves the repository)");
    } else if (!Files.exists(resolved)) {
      broken.add(where + " (no such file)");
    } else if (anchor != null && resolved.toString().endsWith(".md") && !headings(resolved).contains(anchor)) {
      broken.add(where + " (no such heading)");
    }
  }

  /** GitHub's anchors of a markdown file's headings: lower case, punctuation dropped, spaces to hyphens. */
  static Set<String> headings(Path markdown) {
    try (Stream<String> lines = Files.lines(markdown, StandardCharsets.UTF_8)) {
      return lines.filter(l -> l.startsWith("#"))
          .map(l -> l.replaceFirst("^#+\\s*", "").trim().toLowerCase(Locale.ROOT)
              .replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'))
          .collect(Collectors.toSet());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
