package org.salescomp.io;

import org.apache.hadoop.fs.LocalFileSystem;

/**
 * The {@code file:} scheme for Hadoop's {@code FileSystem} API (Parquet's writers, Delta's reads): Hadoop's
 * checksummed local file system over {@link NioRawLocalFileSystem}. Set by {@link SparkSessions} in
 * local mode as {@code fs.file.impl}.
 */
public class NioLocalFileSystem extends LocalFileSystem {
  public NioLocalFileSystem() {
    super(new NioRawLocalFileSystem());
  }
}
