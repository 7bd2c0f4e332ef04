package org.salescomp.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salescomp.io.SourceTable;
import org.salescomp.testing.GeneratedSample;

/**
 * Another process may list a column's encodings in another order (apache/parquet-java#3215): the
 * writer sorts them, so a file written with any order ends up with the same bytes.
 */
@Tag("slow")
class ParquetFootersTest {

  @Test
  void normalizingRestoresTheBytesOfAFileWrittenWithAnotherEncodingOrder(@TempDir Path tmp)
      throws IOException {
    Path generated = GeneratedSample.folder().resolve(SourceTable.DEALS.tableName())
        .resolve("part-00000.parquet");
    byte[] original = Files.readAllBytes(generated);
    Path copy = tmp.resolve("deals.parquet");
    Files.write(copy, withReversedEncodings(original));
    assertThat(Files.readAllBytes(copy)).isNotEqualTo(original);

    ParquetFooters.normalize(copy);

    assertThat(Files.readAllBytes(copy)).isEqualTo(original);
  }

  /** The same file with each column's list of encodings reversed in the footer. */
  private static byte[] withReversedEncodings(byte[] file) throws IOException {
    int footerLength = ByteBuffer.wrap(file, file.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN)
        .getInt();
    int footerStart = file.length - 8 - footerLength;
    FileMetaData footer = Util.readFileMetaData(
        new ByteArrayInputStream(file, footerStart, footerLength));
    for (RowGroup group : footer.getRow_groups()) {
      for (ColumnChunk chunk : group.getColumns()) {
        Collections.reverse(chunk.getMeta_data().getEncodings());
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(file, 0, footerStart);
    ByteArrayOutputStream rewritten = new ByteArrayOutputStream();
    Util.writeFileMetaData(footer, rewritten);
    out.write(rewritten.toByteArray());
    out.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(rewritten.size())
        .array());
    out.write(Arrays.copyOfRange(file, file.length - 4, file.length));
    return out.toByteArray();
  }
}
