package org.salescomp.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/** Where the published tables of a lakehouse root are: one folder per table, each with a {@code _delta_log}. */
public final class LakehousePaths {
  private LakehousePaths() {}

  public static String table(String root, String table) {
    return root.endsWith("/") ? root + table : root + "/" + table;
  }

  /** The names of the Delta tables under {@code root}, sorted; none when the root does not exist. */
  public static List<String> tables(SparkSession spark, String root) {
    List<String> names = new ArrayList<>();
    try {
      Path rootPath = new Path(root);
      FileSystem fs = rootPath.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(rootPath)) {
        return names;
      }
      for (FileStatus status : fs.listStatus(rootPath)) {
        if (status.isDirectory() && fs.exists(new Path(status.getPath(), "_delta_log"))) {
          names.add(status.getPath().getName());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list lakehouse root " + root, e);
    }
    names.sort(String::compareTo);
    return names;
  }

  /** Whether two locations name the same folder (after qualifying them: a relative path is under the working directory). */
  public static boolean same(SparkSession spark, String a, String b) {
    try {
      Path pa = new Path(a);
      Path pb = new Path(b);
      return pa.getFileSystem(spark.sparkContext().hadoopConfiguration()).makeQualified(pa)
          .equals(pb.getFileSystem(spark.sparkContext().hadoopConfiguration()).makeQualified(pb));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot resolve " + a + " or " + b, e);
    }
  }
}
