package org.salescomp.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.SparkSession;
import org.salescomp.common.ContentHash;

/**
 * A fingerprint of the files of a parquet or csv source, which have no versions: the SHA-256 of the
 * sorted list of its data files with their sizes and modification times. Any added, removed,
 * rewritten or touched file changes it; the contents are not read (a source can be large).
 * Files and folders Spark skips when reading (names starting with {@code _} or {@code .}) are skipped.
 */
public final class FileFingerprint {
  private FileFingerprint() {}

  public static String of(SparkSession spark, String location) {
    Path root = new Path(location);
    try {
      FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
      Path qualifiedRoot = fs.makeQualified(root);
      List<String> entries = new ArrayList<>();
      RemoteIterator<LocatedFileStatus> files = fs.listFiles(qualifiedRoot, true);
      while (files.hasNext()) {
        LocatedFileStatus file = files.next();
        String relative = relative(qualifiedRoot, file.getPath());
        if (!hidden(relative)) {
          entries.add(relative + "\t" + file.getLen() + "\t" + file.getModificationTime());
        }
      }
      entries.sort(String::compareTo);
      return ContentHash.full(String.join("\n", entries));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the files of source " + location, e);
    }
  }

  private static String relative(Path root, Path file) {
    String rootText = root.toUri().getPath();
    String fileText = file.toUri().getPath();
    return fileText.equals(rootText) ? file.getName() : fileText.substring(rootText.length() + 1);
  }

  private static boolean hidden(String relative) {
    for (String part : relative.split("/")) {
      if (part.startsWith("_") || part.startsWith(".")) {
        return true;
      }
    }
    return false;
  }
}
