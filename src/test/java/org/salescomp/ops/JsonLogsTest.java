package org.salescomp.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.salescomp.config.LogFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

@Tag("fast")
class JsonLogsTest {
  private static final Logger LOG = LoggerFactory.getLogger("org.salescomp.pipeline.NightlyJob");

  @AfterEach
  void restoreTheConfiguredLogging() {
    ((LoggerContext) LogManager.getContext(false)).reconfigure();
  }

  @Test
  void everyMessageIsOneJsonObjectPerLineWithItsErrorInside() throws Exception {
    List<String> lines = stderrOf(() -> {
      JsonLogs.configure(LogFormat.JSON);
      LOG.warn("stage \"credited_deals\": 287 rows\nin 1.9 s");
      LOG.error("run failed", new IllegalStateException("boom"));
    });

    assertThat(lines).hasSize(2);
    ObjectMapper json = new ObjectMapper();
    JsonNode warn = json.readTree(lines.get(0));
    assertThat(warn.get("level").asText()).isEqualTo("WARN");
    assertThat(warn.get("logger").asText()).isEqualTo("org.salescomp.pipeline.NightlyJob");
    // quotes and the line break survive as JSON escapes: one line per message
    assertThat(warn.get("message").asText()).isEqualTo("stage \"credited_deals\": 287 rows\nin 1.9 s");
    assertThat(warn.get("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    assertThat(warn.get("error").asText()).isEmpty();
    JsonNode error = json.readTree(lines.get(1));
    assertThat(error.get("error").asText()).contains("IllegalStateException: boom", "\tat ");
  }

  @Test
  void textLeavesTheConfigurationAlone() {
    JsonLogs.configure(LogFormat.TEXT);
    Object json = ((LoggerContext) LogManager.getContext(false)).getConfiguration().getAppender(JsonLogs.APPENDER);
    assertThat(json).isNull();
  }

  private static List<String> stderrOf(Runnable action) {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setErr(original);
    }
    return captured.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
  }
}
