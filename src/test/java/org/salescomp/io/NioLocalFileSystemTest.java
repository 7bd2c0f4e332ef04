package org.salescomp.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.CreateFlag;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local file system without processes leaves on disk what Hadoop's own leaves: the same modes for the
 * files and folders it creates, the same checksum files, the same answers for links, and a rename through
 * FileContext (how a Delta commit lands) that still refuses to replace a file. Each case is done twice,
 * once by Hadoop's classes and once by ours, in folders side by side.
 */
@Tag("fast")
class NioLocalFileSystemTest {
  private static final URI LOCAL = URI.create("file:///");

  @TempDir java.nio.file.Path dir;

  @Test
  void createdFilesAndFoldersGetTheModesHadoopGivesThem() throws IOException {
    for (FileSystem fs : List.of(hadoops(), ours())) {
      Path root = new Path(dir.resolve(fs.getClass().getSimpleName()).toUri());
      fs.mkdirs(new Path(root, "a/b"), new FsPermission((short) 0750));
      try (OutputStream out = fs.create(new Path(root, "a/b/part.parquet"), new FsPermission((short) 0640),
          false, 4096, (short) 1, 1 << 20, null)) {
        out.write("rows".getBytes(StandardCharsets.UTF_8));
      }
      try (OutputStream out = fs.create(new Path(root, "plain.json"))) {
        out.write('{');
      }
      fs.setPermission(new Path(root, "plain.json"), new FsPermission((short) 0604));
      fs.setPermission(new Path(root, "a"), new FsPermission((short) 01777)); // the sticky bit: Hadoop's chmod
    }
    assertThat(modes("NioLocalFileSystem")).isEqualTo(modes("LocalFileSystem"))
        .contains("a 1777", "a/b 750", "a/b/part.parquet 640", "a/b/.part.parquet.crc 640", "plain.json 604");
  }

  @Test
  void aRenameThroughFileContextMovesTheChecksumAndNeverReplacesAFile() throws IOException {
    for (FileContext fc : List.of(FileContext.getFileContext(LOCAL, new Configuration()),
        FileContext.getFileContext(LOCAL, oursConf()))) {
      Path root = new Path(dir.resolve(fc.getDefaultFileSystem().getClass().getSimpleName()).toUri());
      Path temp = new Path(root, "_delta_log/.00000.json.tmp");
      Path commit = new Path(root, "_delta_log/00000.json");
      try (OutputStream out = fc.create(temp, EnumSet.of(CreateFlag.CREATE), Options.CreateOpts.createParent())) {
        out.write("{\"commitInfo\":{}}".getBytes(StandardCharsets.UTF_8));
      }
      fc.rename(temp, commit, Options.Rename.NONE);
      try (OutputStream out = fc.create(temp, EnumSet.of(CreateFlag.CREATE))) {
        out.write('x');
      }
      // a second writer of the same version loses, as with Hadoop's
      assertThatThrownBy(() -> fc.rename(temp, commit, Options.Rename.NONE)).isInstanceOf(FileAlreadyExistsException.class);
    }
    assertThat(fileNames("NioLocalFs")).isEqualTo(fileNames("LocalFs"))
        .containsExactly("_delta_log", "_delta_log/..00000.json.tmp.crc", "_delta_log/.00000.json.crc",
            "_delta_log/.00000.json.tmp", "_delta_log/00000.json");
    assertThat(Files.readString(dir.resolve("NioLocalFs/_delta_log/00000.json"))).isEqualTo("{\"commitInfo\":{}}");
  }

  @Test
  void aLinkIsALinkAndAFileIsItsOwnStatus() throws IOException {
    java.nio.file.Path target = Files.writeString(dir.resolve("target.txt"), "x");
    java.nio.file.Path link = Files.createSymbolicLink(dir.resolve("link.txt"), target);
    FileSystem hadoops = hadoops().getRawFileSystem();
    FileSystem ours = ours().getRawFileSystem();
    for (java.nio.file.Path p : List.of(target, link)) {
      // Hadoop asks readlink about the path as given: an unqualified path, so that it can answer "a link"
      Path path = new Path(p.toString());
      FileStatus expected = hadoops.getFileLinkStatus(path);
      FileStatus actual = ours.getFileLinkStatus(path);
      assertThat(actual.isSymlink()).isEqualTo(expected.isSymlink()).isEqualTo(p.equals(link));
      assertThat(actual.getLen()).isEqualTo(expected.getLen());
      assertThat(actual.getPath()).isEqualTo(expected.getPath());
      if (actual.isSymlink()) {
        assertThat(actual.getSymlink()).isEqualTo(expected.getSymlink());
      }
    }
    assertThatThrownBy(() -> ours.getFileLinkStatus(new Path(dir.resolve("missing").toString())))
        .isInstanceOf(java.io.FileNotFoundException.class);
  }

  private static org.apache.hadoop.fs.LocalFileSystem hadoops() throws IOException {
    return (org.apache.hadoop.fs.LocalFileSystem) FileSystem.newInstance(LOCAL, new Configuration());
  }

  private static NioLocalFileSystem ours() throws IOException {
    return (NioLocalFileSystem) FileSystem.newInstance(LOCAL, oursConf());
  }

  private static Configuration oursConf() {
    Configuration conf = new Configuration();
    conf.set("fs.file.impl", NioLocalFileSystem.class.getName());
    conf.set("fs.AbstractFileSystem.file.impl", NioLocalFs.class.getName());
    return conf;
  }

  /** Each file and folder under the case's folder with its mode in octal, "a/b 750". */
  private List<String> modes(String folder) throws IOException {
    java.nio.file.Path root = dir.resolve(folder);
    try (Stream<java.nio.file.Path> files = Files.walk(root)) {
      return files.filter(p -> !p.equals(root)).sorted().map(p -> {
        try {
          return root.relativize(p) + " " + Integer.toOctalString((Integer) Files.getAttribute(p, "unix:mode") & 07777);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).toList();
    }
  }

  private List<String> fileNames(String folder) throws IOException {
    java.nio.file.Path root = dir.resolve(folder);
    try (Stream<java.nio.file.Path> files = Files.walk(root)) {
      return files.filter(p -> !p.equals(root)).map(p -> root.relativize(p).toString()).sorted().toList();
    }
  }
}
