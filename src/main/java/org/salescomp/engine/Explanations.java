package org.salescomp.engine;

import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.format_number;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.try_element_at;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.salescomp.common.MessageTemplate;
import org.salescomp.common.Messages;
import org.salescomp.common.UiLocale;

/**
 * A pay line's explanation as data, and its text. A line keeps {@value PayLines#EXPLANATION_KEY} (a message
 * of the bundles, {@code line.<line_type>[.<variant>]}) and {@value PayLines#EXPLANATION_ARGS}, a
 * MAP&lt;STRING,STRING&gt; of exact values (decimals as Spark writes them, ISO dates, codes), built with
 * the names in a fixed order so the bytes are the same on every run. {@link #text} makes the text of a
 * language from them with built-in functions: one CASE branch per message, compiled from the bundle, so
 * a new line type needs its bundle entries and its key, nothing here. A key without a message reads
 * {@code ??key??}.
 */
public final class Explanations {
  private static final String LINE_PREFIX = "line.";
  /** The type of {@value PayLines#EXPLANATION_ARGS}. */
  public static final MapType ARGS_TYPE = DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType, true);

  private Explanations() {}

  /** The key of a line type's message: {@code line.commission}, {@code line.commission.marginal}. */
  public static String key(String lineType, String... variant) {
    return LINE_PREFIX + lineType + (variant.length == 0 ? "" : "." + String.join(".", variant));
  }

  /** {@code line.<lineType>.<variant>} with the variant a column (an award or event code). */
  public static Column key(String lineType, Column variant) {
    return concat(lit(LINE_PREFIX + lineType + "."), variant);
  }

  /**
   * The arguments of a line: name, column, name, column, ... Each value is cast to a string; null
   * values stay null (an {@code opt} placeholder leaves its part out).
   */
  public static Column args(Object... namesAndColumns) {
    List<Column> entries = new ArrayList<>();
    for (int i = 0; i < namesAndColumns.length; i += 2) {
      entries.add(lit((String) namesAndColumns[i]));
      entries.add(((Column) namesAndColumns[i + 1]).cast("string"));
    }
    return map(entries.toArray(Column[]::new));
  }

  /** The explanation text of each line in the bundle's language; null where a line has no key. */
  public static Column text(Messages messages) {
    Column key = col(PayLines.EXPLANATION_KEY);
    Column args = col(PayLines.EXPLANATION_ARGS);
    Column text = null;
    for (String k : messages.keys()) {
      if (!k.startsWith(LINE_PREFIX)) {
        continue;
      }
      Column rendered = render(messages, k, name -> args.getItem(name));
      text = text == null ? when(key.equalTo(lit(k)), rendered) : text.when(key.equalTo(lit(k)), rendered);
    }
    Column unknown = concat(lit("??"), key, lit("??"));
    return when(key.isNull(), lit(null).cast("string"))
        .otherwise(text == null ? unknown : text.otherwise(unknown));
  }

  private static Column render(Messages messages, String key, Function<String, Column> arg) {
    MessageTemplate t = messages.template(key);
    if (t == null) {
      return lit(Messages.missing(key));
    }
    List<Column> parts = new ArrayList<>();
    for (MessageTemplate.Part p : t.parts()) {
      if (p.literal()) {
        parts.add(lit(p.text()));
        continue;
      }
      Column v = arg.apply(p.arg());
      Column shown = switch (p.kind()) {
        case TEXT -> v;
        case MONEY -> format_number(v.cast("decimal(38,2)"), 2);
        case NUMBER -> plain(v);
        case PERCENT -> concat(plain(v.cast("decimal(30,12)").multiply(lit(100)).cast("decimal(38,10)")), lit("%"));
        case MONTH -> month(messages.locale(), v);
        case DATE -> date(messages.locale(), v);
        case OPT -> when(v.isNotNull(), render(messages, p.subKey(), arg));
        case LIST -> array_join(transform(split(v, Pattern.quote(MessageTemplate.ENTRY_SEPARATOR)),
            entry -> render(messages, p.subKey(), name -> try_element_at(
                split(entry, Pattern.quote(MessageTemplate.FIELD_SEPARATOR)), lit(Integer.parseInt(name) + 1)))),
            MessageTemplate.LIST_JOIN);
      };
      parts.add(coalesce(shown, lit("")));
    }
    return parts.isEmpty() ? lit("") : concat(parts.toArray(Column[]::new));
  }

  /** A decimal's text without trailing zeros, as {@code LocaleFormat.plain}. */
  private static Column plain(Column decimalText) {
    return PayLines.plain(decimalText);
  }

  private static Column month(UiLocale locale, Column yearMonth) {
    Column first = to_date(substring(yearMonth, 1, 7), "yyyy-MM");
    return locale == UiLocale.ZH_CN
        ? concat(date_format(first, "y"), lit("年"), date_format(first, "M"), lit("月"))
        : date_format(first, "MMMM yyyy");
  }

  private static Column date(UiLocale locale, Column isoDate) {
    Column d = to_date(substring(isoDate, 1, 10), "yyyy-MM-dd");
    return locale == UiLocale.ZH_CN
        ? concat(date_format(d, "y"), lit("年"), date_format(d, "M"), lit("月"), date_format(d, "d"), lit("日"))
        : date_format(d, "MMM d, yyyy");
  }
}
