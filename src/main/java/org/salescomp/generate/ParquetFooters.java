package org.salescomp.generate;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Comparator;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.PageEncodingStats;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;

/**
 * Makes a Parquet file's footer independent of the writing process. parquet-mr 1.13 lists each
 * column's encodings in the iteration order of a {@code HashSet} of enum constants, whose hash codes
 * are identity hash codes: two processes writing the same rows order them differently
 * (apache/parquet-java#3215). This rewrites the footer with the encodings sorted; the data pages are
 * untouched. The footer also says how many rows the file holds, so counting them reads no data.
 */
final class ParquetFooters {
  private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

  private ParquetFooters() {}

  /** Rewrites the footer with sorted encodings; returns the number of rows the file holds. */
  static long normalize(Path file) throws IOException {
    try (FileChannel channel =
        FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      long size = channel.size();
      ByteBuffer tail = readFully(channel, size - 8, 8).order(ByteOrder.LITTLE_ENDIAN);
      int footerLength = tail.getInt();
      byte[] magic = new byte[4];
      tail.get(magic);
      if (!Arrays.equals(magic, MAGIC)) {
        throw new IOException("not a Parquet file: " + file);
      }
      long footerStart = size - 8 - footerLength;
      FileMetaData footer = Util.readFileMetaData(
          new ByteArrayInputStream(readFully(channel, footerStart, footerLength).array()));
      sortEncodings(footer);
      ByteArrayOutputStream rewritten = new ByteArrayOutputStream(footerLength);
      Util.writeFileMetaData(footer, rewritten);
      ByteBuffer newTail = ByteBuffer.allocate(rewritten.size() + 8).order(ByteOrder.LITTLE_ENDIAN);
      newTail.put(rewritten.toByteArray()).putInt(rewritten.size()).put(MAGIC).flip();
      channel.truncate(footerStart);
      channel.position(footerStart);
      while (newTail.hasRemaining()) {
        channel.write(newTail);
      }
      return footer.getNum_rows();
    }
  }

  private static void sortEncodings(FileMetaData footer) {
    for (RowGroup group : footer.getRow_groups()) {
      for (ColumnChunk chunk : group.getColumns()) {
        ColumnMetaData column = chunk.getMeta_data();
        if (column == null) {
          continue;
        }
        if (column.getEncodings() != null) {
          column.getEncodings().sort(Comparator.comparingInt(Encoding::getValue));
        }
        if (column.getEncoding_stats() != null) {
          column.getEncoding_stats().sort(
              Comparator.comparingInt((PageEncodingStats s) -> s.getPage_type().getValue())
                  .thenComparingInt(s -> s.getEncoding().getValue()));
        }
      }
    }
  }

  private static ByteBuffer readFully(FileChannel channel, long position, int length)
      throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, position + buffer.position()) < 0) {
        throw new IOException("unexpected end of file");
      }
    }
    return buffer.flip();
  }
}
