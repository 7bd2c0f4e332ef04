package org.salescomp.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/** The published Delta tables under the lakehouse root, one folder per table. */
public final class Lakehouse {
  private Lakehouse() {}

  /** Registers every published table under the root as a temporary view of its name; returns the names, sorted. */
  public static List<String> registerViews(SparkSession spark, String root) {
    List<String> names = new ArrayList<>();
    try {
      Path rootPath = new Path(root);
      FileSystem fs = rootPath.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(rootPath)) {
        return names;
      }
      for (FileStatus status : fs.listStatus(rootPath)) {
        if (status.isDirectory() && fs.exists(new Path(status.getPath(), "_delta_log"))) {
          String name = status.getPath().getName();
          spark.read().format("delta").load(status.getPath().toString()).createOrReplaceTempView(name);
          names.add(name);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list lakehouse root " + root, e);
    }
    names.sort(String::compareTo);
    return names;
  }
}
