package org.salescomp.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class JsonTest {
  @Test
  void decimalsArePlainAndExact() {
    // 1E+3 must not reach the page: the browser would read it, but the text would not equal the table's
    assertThat(Json.write(List.of(new BigDecimal("1E+3"), new BigDecimal("20000.10")))).isEqualTo("[1000,20000.10]");
  }

  @Test
  void textCannotCloseTheScriptElementItIsEmbeddedIn() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("note", "</script><b>\"x\"\n");
    data.put("none", null);
    data.put("list", Arrays.asList(1L, null, true));
    assertThat(Json.write(data))
        .isEqualTo("{\"note\":\"\\u003c/script\\u003e\\u003cb\\u003e\\\"x\\\"\\n\","
            + "\"none\":null,\"list\":[1,null,true]}");
  }

  @Test
  void templatesAreFilledInOnePass() {
    // a value holding a placeholder stays as it is
    assertThat(Html.fill("<p>{{a}}</p><p>{{b}}</p>", Map.of("a", "{{b}}", "b", "x"))).isEqualTo("<p>{{b}}</p><p>x</p>");
  }
}
