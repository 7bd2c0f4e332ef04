package org.salescomp.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.salescomp.common.LocaleFormat;
import org.salescomp.common.Messages;

/** Writes statements as files: {@code statement-<rep>-<yyyy-MM>.html} and {@code .csv}, one pair per rep. */
public final class StatementFiles {
  private StatementFiles() {}

  /**
   * Writes every statement into {@code dir} (created when missing), in the language of {@code messages};
   * returns the files written.
   */
  public static List<Path> write(List<Statement> statements, Path dir, Messages messages, LocaleFormat format) {
    List<Path> written = new ArrayList<>();
    try {
      Files.createDirectories(dir);
      for (Statement s : statements) {
        if (!s.reconciles()) {
          // never hand a rep a total that differs from what payroll pays
          throw new IllegalStateException("statement of " + s.repId() + " for " + s.month() + ": lines sum to "
              + s.total().toPlainString() + " but payouts.total is " + s.payoutTotal().toPlainString());
        }
        String base = baseName(s);
        written.add(Files.writeString(dir.resolve(base + ".html"), StatementHtml.render(s, messages, format), StandardCharsets.UTF_8));
        written.add(Files.writeString(dir.resolve(base + ".csv"), StatementCsv.render(s, messages, format), StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write statements into " + dir, e);
    }
    return written;
  }

  static String baseName(Statement s) {
    return "statement-" + s.repId().replaceAll("[^A-Za-z0-9._-]", "_") + "-" + s.month().toString().substring(0, 7);
  }
}
