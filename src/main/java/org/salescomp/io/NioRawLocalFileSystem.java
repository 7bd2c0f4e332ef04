package org.salescomp.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.io.nativeio.NativeIO;

/**
 * Hadoop's local file system with the two calls it makes by starting a process answered by the JDK
 * instead. Without Hadoop's native library (not on Maven Central, so never on our classpath), {@link
 * RawLocalFileSystem} runs {@code chmod} for every file and folder it creates, and {@code readlink} twice
 * for every rename; a Delta commit starts about eleven such processes, and a two-deal run about 660, at
 * 7-10 ms each (README "Performance"). Everything else is Hadoop's.
 */
class NioRawLocalFileSystem extends RawLocalFileSystem {
  /**
   * The permission set with the file system's POSIX attributes, as {@code chmod} would set it. The sticky
   * bit, which the JDK cannot set, and file systems without POSIX attributes still go to Hadoop.
   */
  @Override
  public void setPermission(Path p, FsPermission permission) throws IOException {
    if (NativeIO.isAvailable() || permission.getStickyBit()) {
      super.setPermission(p, permission);
      return;
    }
    try {
      // FsPermission prints itself as "rwxr-x---": the format PosixFilePermissions reads
      Files.setPosixFilePermissions(pathToFile(p).toPath(), PosixFilePermissions.fromString(permission.toString()));
    } catch (UnsupportedOperationException notPosix) {
      super.setPermission(p, permission);
    }
  }

  /**
   * A path that is not a symbolic link has its own status, which is what Hadoop returns once {@code
   * readlink} printed nothing; a link still goes to Hadoop.
   */
  @Override
  public FileStatus getFileLinkStatus(Path f) throws IOException {
    if (Files.isSymbolicLink(pathToFile(f).toPath())) {
      return super.getFileLinkStatus(f);
    }
    return getFileStatus(f);
  }
}
