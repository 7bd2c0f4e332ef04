package org.salescomp.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class CsvRecordTest {
  @Test
  void onlyFieldsWithCommasQuotesOrLineBreaksAreQuoted() {
    assertThat(CsvRecord.of(List.of("plain", "a,b", "say \"hi\"", "two\nlines", "")))
        .isEqualTo("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",");
  }

  @Test
  void lineBreaksAndSpacesAreKeptAsTheyAreAndNullIsEmpty() {
    assertThat(CsvRecord.of(Arrays.asList(" pad ", "cr\r\nlf", null, "\"")))
        .isEqualTo(" pad ,\"cr\r\nlf\",,\"\"\"\"");
  }

  @Test
  void aRecordOfOneEmptyFieldIsEmpty() {
    assertThat(CsvRecord.of(Arrays.asList((String) null))).isEmpty();
  }
}
