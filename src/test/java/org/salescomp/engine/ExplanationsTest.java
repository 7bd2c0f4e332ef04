package org.salescomp.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.salescomp.common.MessageTemplate;
import org.salescomp.common.Messages;
import org.salescomp.common.UiLocale;
import org.salescomp.testing.SharedSpark;

/**
 * {@code commission_lines.explanation} (made in Spark) and a statement's explanation (made in Java) are
 * the same text: every line message of every language, with all its arguments and with its optional
 * ones left out, rendered both ways.
 */
@Tag("fast")
class ExplanationsTest {
  private static final StructType LINES = new StructType()
      .add(PayLines.EXPLANATION_KEY, DataTypes.StringType)
      .add(PayLines.EXPLANATION_ARGS, Explanations.ARGS_TYPE);

  @Test
  void sparkAndJavaMakeTheSameTextInEveryLanguage() {
    for (UiLocale locale : UiLocale.values()) {
      Messages messages = Messages.of(locale);
      List<Row> rows = new ArrayList<>();
      for (String key : messages.keys()) {
        if (key.startsWith("line.")) {
          Map<String, String> all = sampleArgs(messages, key);
          rows.add(RowFactory.create(key, scala(all)));
          Map<String, String> required = new LinkedHashMap<>(all);
          optionalArgs(messages, key).forEach(required::remove);
          rows.add(RowFactory.create(key, scala(required)));
        }
      }
      rows.add(RowFactory.create("line.no_such_type", scala(Map.of())));
      rows.add(RowFactory.create(null, null));
      Dataset<Row> lines = SharedSpark.session().createDataFrame(rows, LINES)
          .withColumn(PayLines.EXPLANATION, Explanations.text(messages));
      int compared = 0;
      for (Row r : lines.collectAsList()) {
        String key = r.getString(0);
        String expected = key == null ? null : messages.format(key, r.isNullAt(1) ? null : r.getJavaMap(1));
        assertThat(r.getString(2)).as(locale.tag() + " " + key + " " + (r.isNullAt(1) ? "" : r.getJavaMap(1)))
            .isEqualTo(expected);
        compared++;
      }
      assertThat(compared).isEqualTo(rows.size()).isGreaterThan(40);
    }
  }

  /** A value of the right shape for every argument a message (and the messages it names) reads. */
  private static Map<String, String> sampleArgs(Messages messages, String key) {
    Map<String, String> args = new LinkedHashMap<>();
    collect(messages, key, args, new ArrayList<>());
    return args;
  }

  private static void collect(Messages messages, String key, Map<String, String> args, List<String> optional) {
    for (MessageTemplate.Part p : messages.template(key).parts()) {
      if (p.literal()) {
        continue;
      }
      switch (p.kind()) {
        case MONEY -> args.put(p.arg(), "-1234567.80");
        case NUMBER -> args.put(p.arg(), "1.250000");
        case PERCENT -> args.put(p.arg(), "0.025000");
        case MONTH -> args.put(p.arg(), "2026-03");
        case DATE -> args.put(p.arg(), "2026-03-05");
        case LIST -> args.put(p.arg(), "30000.00|1|0.020000;20000.00|2|0.050000");
        case OPT -> {
          args.putIfAbsent(p.arg(), "0.900000");
          optional.add(p.arg());
          collect(messages, p.subKey(), args, optional);
        }
        default -> args.putIfAbsent(p.arg(), "D-" + p.arg());
      }
    }
  }

  private static List<String> optionalArgs(Messages messages, String key) {
    List<String> optional = new ArrayList<>();
    collect(messages, key, new LinkedHashMap<>(), optional);
    return optional;
  }

  private static scala.collection.Map<String, String> scala(Map<String, String> map) {
    return scala.collection.JavaConverters.mapAsScalaMap(map);
  }
}
