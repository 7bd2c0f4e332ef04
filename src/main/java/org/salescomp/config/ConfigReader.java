package org.salescomp.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Typed, path-precise reads of one config object. {@code prefix} is the object's full path, so every
 * message names the key as the user wrote it, list indexes included ({@code ...versions[0].tiers}).
 */
final class ConfigReader {
  private final Config config;
  private final String prefix;

  ConfigReader(Config config, String prefix) {
    this.config = config;
    this.prefix = prefix;
  }

  String path(String key) {
    String shown = key.matches("\"[A-Za-z0-9_-]+\"") ? key.substring(1, key.length() - 1) : key;
    return prefix.isEmpty() ? shown : prefix + "." + shown;
  }

  ConfigError error(String key, String expectation) {
    ConfigValue value = config.hasPathOrNull(key) ? config.getValue(key) : null;
    return new ConfigError(value != null ? value.origin() : config.origin(), path(key), expectation);
  }

  private ConfigValue value(String key) {
    if (!config.hasPathOrNull(key)) {
      throw error(key, "is missing");
    }
    return config.getValue(key);
  }

  boolean isPresent(String key) {
    return config.hasPath(key);
  }

  boolean isNull(String key) {
    return config.hasPathOrNull(key) && config.getIsNull(key);
  }

  String string(String key) {
    ConfigValue v = value(key);
    if (v.valueType() == ConfigValueType.OBJECT || v.valueType() == ConfigValueType.LIST
        || v.valueType() == ConfigValueType.NULL) {
      throw error(key, "expected a string, got " + v.valueType().name().toLowerCase());
    }
    return String.valueOf(v.unwrapped());
  }

  <E extends Enum<E>> E oneOf(String key, Class<E> type) {
    String raw = string(key);
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(raw)) {
        return e;
      }
    }
    List<String> names = new ArrayList<>();
    for (E e : type.getEnumConstants()) {
      names.add(e.name().toLowerCase());
    }
    throw error(key, "expected one of " + String.join(", ", names) + ", got \"" + raw + "\"");
  }

  boolean bool(String key) {
    try {
      return config.getBoolean(key);
    } catch (ConfigException.WrongType e) {
      throw error(key, "expected true or false");
    }
  }

  int integer(String key, int min) {
    int n;
    try {
      n = config.getInt(key);
    } catch (ConfigException.WrongType e) {
      throw error(key, "expected a whole number");
    } catch (ConfigException.Missing e) {
      throw error(key, "is missing");
    }
    if (n < min) {
      throw error(key, "expected a whole number of at least " + min + ", got " + n);
    }
    return n;
  }

  /** An exact decimal from the text the user wrote (never through double). */
  BigDecimal decimal(String key) {
    return toDecimal(key, value(key));
  }

  BigDecimal nonNegative(String key) {
    BigDecimal d = decimal(key);
    if (d.signum() < 0) {
      throw error(key, "expected a value of at least 0, got " + d.toPlainString());
    }
    return d;
  }

  BigDecimal nullableNonNegative(String key) {
    return isNull(key) ? null : nonNegative(key);
  }

  private BigDecimal toDecimal(String key, ConfigValue v) {
    try {
      if (v.valueType() == ConfigValueType.NUMBER) {
        return new BigDecimal(v.render());
      }
      if (v.valueType() == ConfigValueType.STRING) {
        return new BigDecimal(((String) v.unwrapped()).trim());
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw error(key, "expected a decimal number, got " + v.render());
  }

  LocalDate date(String key) {
    String raw = string(key);
    try {
      return LocalDate.parse(raw);
    } catch (DateTimeParseException e) {
      throw error(key, "expected a date yyyy-MM-dd, got \"" + raw + "\"");
    }
  }

  ConfigReader object(String key) {
    try {
      return new ConfigReader(config.getConfig(key), path(key));
    } catch (ConfigException.WrongType e) {
      throw error(key, "expected an object { ... }");
    } catch (ConfigException.Missing e) {
      throw error(key, "is missing");
    }
  }

  List<ConfigReader> objectList(String key) {
    List<? extends ConfigObject> list;
    try {
      list = config.getObjectList(key);
    } catch (ConfigException.WrongType e) {
      throw error(key, "expected a list of objects [{ ... }, ...]");
    } catch (ConfigException.Missing e) {
      throw error(key, "is missing");
    }
    List<ConfigReader> readers = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      readers.add(new ConfigReader(list.get(i).toConfig(), path(key) + "[" + i + "]"));
    }
    return readers;
  }

  /** A list of exact decimals; an element that is not a number is named by its index. */
  List<BigDecimal> decimalList(String key) {
    ConfigValue v = value(key);
    if (v.valueType() != ConfigValueType.LIST) {
      throw error(key, "expected a list of decimal numbers, got " + v.valueType().name().toLowerCase());
    }
    List<BigDecimal> decimals = new ArrayList<>();
    List<ConfigValue> values = (com.typesafe.config.ConfigList) v;
    for (int i = 0; i < values.size(); i++) {
      ConfigValue e = values.get(i);
      try {
        decimals.add(toDecimal(key, e));
      } catch (ConfigError notANumber) {
        throw error(key, "expected a decimal number at [" + i + "], got " + e.render());
      }
    }
    return decimals;
  }

  List<String> stringList(String key) {
    try {
      return config.getStringList(key);
    } catch (ConfigException.WrongType e) {
      throw error(key, "expected a list of strings");
    }
  }

  /** A map of decimals, e.g. multipliers by product; keys sorted for a stable plan hash. */
  Map<String, BigDecimal> decimalMap(String key) {
    ConfigReader obj = object(key);
    Map<String, BigDecimal> map = new TreeMap<>();
    for (String k : obj.config.root().keySet()) {
      map.put(k, obj.decimal(quoted(k)));
    }
    return map;
  }

  /** Keys directly under this object, in file order where the config keeps it. */
  Set<String> keys() {
    return config.root().keySet();
  }

  Map<String, String> stringMap(String key) {
    ConfigReader obj = object(key);
    Map<String, String> map = new LinkedHashMap<>();
    for (Map.Entry<String, ConfigValue> e : obj.config.entrySet()) {
      map.put(e.getKey().replace("\"", ""), String.valueOf(e.getValue().unwrapped()));
    }
    return map;
  }

  Config config() {
    return config;
  }

  static String quoted(String key) {
    return "\"" + key.replace("\"", "\\\"") + "\"";
  }
}
