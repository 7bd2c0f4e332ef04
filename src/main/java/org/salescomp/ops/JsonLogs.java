package org.salescomp.ops;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.ConsoleAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.salescomp.config.LogFormat;

/**
 * Switches the driver's log output to one JSON object per line ({@code salescomp.logging.format =
 * json}), on stderr like the text lines: every logger that wrote to a console appender writes to a
 * JSON one instead, levels unchanged. A pattern layout with JSON-escaped fields, so no JSON library
 * is needed next to Spark's log4j2. Executors keep the log4j2 configuration of the cluster.
 */
public final class JsonLogs {
  static final String APPENDER = "salescomp-json";
  /** Fields: time (UTC, ISO 8601), level, logger, thread, message, error (the stack trace, or ""). */
  static final String PATTERN = "{\"time\":\"%d{yyyy-MM-dd'T'HH:mm:ss.SSS'Z'}{UTC}\",\"level\":\"%p\","
      + "\"logger\":\"%enc{%c}{JSON}\",\"thread\":\"%enc{%t}{JSON}\",\"message\":\"%enc{%m}{JSON}\","
      + "\"error\":\"%enc{%throwable}{JSON}\"}%n";

  private JsonLogs() {}

  /** Applies the configured format: nothing for text, JSON lines for json. Idempotent. */
  public static void configure(LogFormat format) {
    if (format != LogFormat.JSON) {
      return;
    }
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    Configuration config = context.getConfiguration();
    if (config.getAppender(APPENDER) != null) {
      return;
    }
    Appender json = ConsoleAppender.newBuilder()
        .setName(APPENDER)
        .setTarget(ConsoleAppender.Target.SYSTEM_ERR)
        .setFollow(true)
        .setLayout(PatternLayout.newBuilder().withConfiguration(config).withPattern(PATTERN).build())
        .setConfiguration(config)
        .build();
    json.start();
    config.addAppender(json);
    replaceConsoleAppenders(config.getRootLogger(), json);
    config.getLoggers().values().forEach(logger -> replaceConsoleAppenders(logger, json));
    context.updateLoggers();
  }

  private static void replaceConsoleAppenders(LoggerConfig logger, Appender json) {
    boolean replaced = false;
    for (Appender appender : logger.getAppenders().values()) {
      if (appender instanceof ConsoleAppender && appender != json) {
        logger.removeAppender(appender.getName());
        replaced = true;
      }
    }
    if (replaced) {
      logger.addAppender(json, null, null);
    }
  }
}
