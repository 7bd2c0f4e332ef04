package org.salescomp.simulate;

import java.io.IOException;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.spark.sql.SparkSession;

/**
 * The local file system under the scheme {@value #SCHEME}, counting every file it opens: a source
 * located at {@code counted:///path} is read like {@code /path}, and {@link #opensDuring} tells how
 * often its files were opened, however the reads were planned (cached, checkpointed or not).
 */
public final class CountingFileSystem extends RawLocalFileSystem {
  public static final String SCHEME = "counted";
  private static final AtomicInteger OPENS = new AtomicInteger();

  /** Registers the scheme with the session's Hadoop configuration (tasks in local mode share it). */
  public static void register(SparkSession spark) {
    spark.sparkContext().hadoopConfiguration().set("fs." + SCHEME + ".impl", CountingFileSystem.class.getName());
  }

  /** {@code folder} under this scheme. */
  public static String location(String folder) {
    return SCHEME + "://" + new Path(folder).toUri().getPath();
  }

  /** Files of this scheme opened while {@code work} ran (run nothing else on the session meanwhile). */
  public static int opensDuring(Runnable work) {
    int before = OPENS.get();
    work.run();
    return OPENS.get() - before;
  }

  @Override
  public URI getUri() {
    return URI.create(SCHEME + ":///");
  }

  @Override
  public String getScheme() {
    return SCHEME;
  }

  @Override
  public void initialize(URI uri, Configuration conf) throws IOException {
    super.initialize(uri, conf);
    setConf(conf);
  }

  // the local statuses load their permissions from a java.io.File of the path, which needs the file
  // scheme: hand out plain statuses (default permissions) instead
  @Override
  public FileStatus getFileStatus(Path f) throws IOException {
    return plain(super.getFileStatus(f));
  }

  @Override
  public FileStatus[] listStatus(Path f) throws IOException {
    FileStatus[] statuses = super.listStatus(f);
    for (int i = 0; i < statuses.length; i++) {
      statuses[i] = plain(statuses[i]);
    }
    return statuses;
  }

  private static FileStatus plain(FileStatus s) {
    return new FileStatus(s.getLen(), s.isDirectory(), 1, s.getBlockSize(), s.getModificationTime(), s.getPath());
  }

  @Override
  public FSDataInputStream open(Path f, int bufferSize) throws IOException {
    OPENS.incrementAndGet();
    return super.open(f, bufferSize);
  }
}
