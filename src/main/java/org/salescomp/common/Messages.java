package org.salescomp.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The texts people read, in one language: {@code messages_<locale>.properties} (UTF-8) next to this
 * class, one entry per key in every language (a test checks). A key the bundle lacks reads
 * {@code ??key??}, so a missing translation shows on the page instead of passing silently.
 * Pay-line explanations are messages too: a line keeps its key and arguments, and the text is made
 * here or, for {@code commission_lines.explanation}, by the same templates in Spark.
 */
public final class Messages {
  private static final Map<UiLocale, Messages> LOADED = new EnumMap<>(UiLocale.class);

  private final UiLocale locale;
  private final Map<String, MessageTemplate> templates;
  private final LocaleFormat format;

  private Messages(UiLocale locale, Map<String, MessageTemplate> templates) {
    this.locale = locale;
    this.templates = templates;
    this.format = LocaleFormat.of(locale, null);
  }

  public static synchronized Messages of(UiLocale locale) {
    return LOADED.computeIfAbsent(locale, l -> new Messages(l, load(bundle(l))));
  }

  static String bundle(UiLocale locale) {
    return "messages_" + locale.locale().toString() + ".properties";
  }

  /** The entries of a bundle file, as written. */
  static Map<String, String> entries(String resource) {
    Properties p = new Properties();
    try (InputStream in = Messages.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing message bundle " + resource);
      }
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> sorted = new TreeMap<>();
    p.stringPropertyNames().forEach(k -> sorted.put(k, p.getProperty(k)));
    return sorted;
  }

  private static Map<String, MessageTemplate> load(String resource) {
    Map<String, MessageTemplate> parsed = new LinkedHashMap<>();
    entries(resource).forEach((k, v) -> parsed.put(k, MessageTemplate.parse(k, v)));
    return parsed;
  }

  public UiLocale locale() {
    return locale;
  }

  public Set<String> keys() {
    return templates.keySet();
  }

  /** The parsed message of a key, or null when the bundle lacks it. */
  public MessageTemplate template(String key) {
    return templates.get(key);
  }

  public static String missing(String key) {
    return "??" + key + "??";
  }

  /** The message of a key without arguments. */
  public String text(String key) {
    return format(key, Map.of());
  }

  /** The message of a key with named arguments given as name, value, name, value, ... */
  public String text(String key, String... namesAndValues) {
    Map<String, String> args = new LinkedHashMap<>();
    for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
      args.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return format(key, args);
  }

  /** The message of a key with its arguments filled in; a null map or argument reads as nothing. */
  public String format(String key, Map<String, String> args) {
    Map<String, String> given = args == null ? Map.of() : args;
    return render(key, given::get);
  }

  private String render(String key, Function<String, String> arg) {
    MessageTemplate t = templates.get(key);
    if (t == null) {
      return missing(key);
    }
    StringBuilder out = new StringBuilder();
    for (MessageTemplate.Part p : t.parts()) {
      if (p.literal()) {
        out.append(p.text());
        continue;
      }
      String value = arg.apply(p.arg());
      if (value == null) {
        continue;
      }
      out.append(switch (p.kind()) {
        case TEXT -> value;
        case MONEY -> format.amount(new BigDecimal(value));
        case NUMBER -> format.plain(new BigDecimal(value));
        case PERCENT -> format.percent(new BigDecimal(value));
        case MONTH -> format.month(YearMonth.parse(value.substring(0, 7)));
        case DATE -> format.date(LocalDate.parse(value.substring(0, 10)));
        case OPT -> render(p.subKey(), arg);
        case LIST -> list(p.subKey(), value);
      });
    }
    return out.toString();
  }

  private String list(String subKey, String entries) {
    StringBuilder out = new StringBuilder();
    for (String entry : entries.split(MessageTemplate.ENTRY_SEPARATOR, -1)) {
      String[] fields = entry.split("\\" + MessageTemplate.FIELD_SEPARATOR, -1);
      out.append(out.length() == 0 ? "" : MessageTemplate.LIST_JOIN).append(render(subKey, name -> {
        int i = Integer.parseInt(name);
        return i < fields.length ? fields[i] : null;
      }));
    }
    return out.toString();
  }
}
