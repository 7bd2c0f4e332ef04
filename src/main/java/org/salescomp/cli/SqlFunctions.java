package org.salescomp.cli;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The built-in Spark SQL functions a {@code sql} query may call: pure functions of their arguments, by
 * their names in Spark's function registry. A name not listed here is refused, so a function Spark adds
 * later stays out until someone reads it and lists it. Left out on purpose: anything that reaches outside
 * the data or the query ({@code reflect}, {@code java_method}, {@code input_file_name}, {@code current_user},
 * {@code version}, {@code xpath*}, {@code aes_*}), user-defined functions, and the random functions (the
 * same query over the same tables gives the same answer).
 */
final class SqlFunctions {
  /**
   * Operators, casts and conditionals: what SQL syntax compiles to; and {@code assert_true}, which only fails
   * the query (the nightly DAG's {@code check_published} task relies on it).
   */
  private static final String OPERATORS = """
      % & * + - / < <= <=> = == > >= ^ | ~ and or not in like ilike rlike regexp regexp_like div mod
      if when coalesce ifnull nvl nvl2 nullif equal_null isnull isnotnull isnan nanvl greatest least
      cast bigint binary boolean date decimal double float int smallint string timestamp tinyint
      positive negative typeof grouping grouping_id assert_true""";

  private static final String AGGREGATES = """
      any any_value approx_count_distinct approx_percentile array_agg avg bit_and bit_or bit_xor bool_and
      bool_or collect_list collect_set corr count count_if covar_pop covar_samp every first first_value
      kurtosis last last_value max max_by mean median min min_by mode percentile percentile_approx
      regr_avgx regr_avgy regr_count regr_intercept regr_r2 regr_slope regr_sxx regr_sxy regr_syy skewness
      some std stddev stddev_pop stddev_samp sum try_avg try_sum var_pop var_samp variance""";

  private static final String WINDOWS = """
      cume_dist dense_rank lag lead nth_value ntile percent_rank rank row_number""";

  private static final String MATH = """
      abs acos acosh asin asinh atan atan2 atanh bin bround cbrt ceil ceiling conv cos cosh cot csc
      degrees e exp expm1 factorial floor hex hypot ln log log10 log1p log2 pi pmod pow power radians
      rint round sec sign signum sin sinh sqrt tan tanh try_add try_divide try_multiply try_subtract
      unhex width_bucket bit_count bit_get getbit shiftleft shiftright shiftrightunsigned""";

  private static final String STRINGS = """
      ascii base64 bit_length btrim char char_length character_length chr concat concat_ws contains
      decode elt encode endswith find_in_set format_number format_string initcap instr lcase left len
      length levenshtein locate lower lpad ltrim luhn_check mask md5 octet_length overlay parse_url
      position printf regexp_count regexp_extract regexp_extract_all regexp_instr regexp_replace
      regexp_substr repeat replace reverse right rpad rtrim sentences sha sha1 sha2 crc32 hash xxhash64
      soundex space split split_part startswith substr substring substring_index to_binary to_char
      to_number to_varchar translate trim try_to_binary try_to_number ucase unbase64 upper
      url_decode url_encode get_json_object json_array_length json_object_keys""";

  private static final String DATES = """
      add_months convert_timezone curdate current_date current_timestamp current_timezone date_add
      date_diff date_format date_from_unix_date date_part date_sub date_trunc dateadd datediff datepart
      day dayofmonth dayofweek dayofyear extract from_unixtime from_utc_timestamp hour last_day
      localtimestamp make_date make_dt_interval make_interval make_timestamp make_timestamp_ltz
      make_timestamp_ntz make_ym_interval minute month months_between next_day now quarter second
      timestamp_micros timestamp_millis timestamp_seconds to_date to_timestamp to_timestamp_ltz
      to_timestamp_ntz to_unix_timestamp to_utc_timestamp trunc try_to_timestamp unix_date unix_micros
      unix_millis unix_seconds unix_timestamp weekday weekofyear year""";

  private static final String COLLECTIONS = """
      aggregate array array_append array_compact array_contains array_distinct array_except
      array_insert array_intersect array_join array_max array_min array_position array_prepend
      array_remove array_repeat array_size array_sort array_union arrays_overlap arrays_zip cardinality
      element_at exists filter flatten forall get map map_concat map_contains_key map_entries map_filter
      map_from_arrays map_from_entries map_keys map_values map_zip_with named_struct reduce sequence size
      slice sort_array str_to_map struct transform transform_keys transform_values try_element_at zip_with
      explode explode_outer inline inline_outer posexplode posexplode_outer stack""";

  /** Functions that stand for a table in FROM ({@code range(10)}, {@code explode(...)}). */
  static final Set<String> TABLE_FUNCTIONS =
      Set.of("range", "explode", "explode_outer", "inline", "inline_outer", "posexplode", "posexplode_outer", "stack");

  static final Set<String> ALLOWED = Stream.of(OPERATORS, AGGREGATES, WINDOWS, MATH, STRINGS, DATES, COLLECTIONS)
      .flatMap(group -> Arrays.stream(group.strip().split("\\s+")))
      .collect(Collectors.toUnmodifiableSet());

  private SqlFunctions() {}
}
