package org.salescomp.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salescomp.testing.GeneratedSample;
import org.salescomp.testing.SharedSpark;

/**
 * The same options give the same bytes, in files with stable names and nothing else beside them.
 * Each run here repeats one of the shared samples ({@link GeneratedSample}) into a new folder.
 */
@Tag("slow")
class GeneratorDeterminismTest {

  @Test
  void aSecondParquetRunWritesIdenticalFiles(@TempDir Path again) throws IOException {
    Path first = GeneratedSample.folder();
    DemoDataGenerator.generate(SharedSpark.session(),
        GeneratedSample.options(again, OutputFormat.PARQUET));

    List<Path> files = relativeFiles(first);
    // twelve tables of one part file each at this size, and the overlay; no .crc, no _SUCCESS
    assertThat(files).hasSize(13).allMatch(f -> f.toString().equals(SourcesConf.FILE_NAME)
        || f.getFileName().toString().equals("part-00000.parquet"));
    assertSameFiles(first, again);
  }

  @Test
  void aSecondCsvRunWritesIdenticalFiles(@TempDir Path again) throws IOException {
    Path first = GeneratedSample.csvFolder();
    DemoDataGenerator.generate(SharedSpark.session(),
        GeneratedSample.options(again, OutputFormat.CSV));

    assertThat(relativeFiles(first)).hasSize(13).allMatch(f -> f.toString().endsWith(".csv")
        || f.toString().equals(SourcesConf.FILE_NAME));
    assertSameFiles(first, again);
  }

  @Test
  void anotherSeedWritesOtherDataAndReplacesEarlierOutput() throws IOException {
    Path out = Files.createTempDirectory("salescomp-generated-");
    try {
      // CSV files in the folder first: the Parquet run must leave none of them behind
      Files.writeString(out.resolve("deals.csv"), "left from an earlier run");
      Files.writeString(out.resolve(SourcesConf.FILE_NAME), "left from an earlier run");
      GeneratorOptions sample = GeneratedSample.options(out, OutputFormat.PARQUET);
      DemoDataGenerator.generate(SharedSpark.session(), new GeneratorOptions(out,
          sample.seed() + 1, sample.scale(), sample.start(), sample.months(), sample.format()));

      assertThat(relativeFiles(out)).hasSize(13).noneMatch(f -> f.toString().endsWith(".csv"));
      Path deals = Path.of("deals", "part-00000.parquet");
      assertThat(Files.readAllBytes(out.resolve(deals)))
          .isNotEqualTo(Files.readAllBytes(GeneratedSample.folder().resolve(deals)));
    } finally {
      GeneratedSample.deleteQuietly(out);
    }
  }

  private static void assertSameFiles(Path first, Path second) throws IOException {
    List<Path> files = relativeFiles(first);
    assertThat(relativeFiles(second)).isEqualTo(files);
    for (Path file : files) {
      if (!file.toString().equals(SourcesConf.FILE_NAME)) {
        assertThat(Files.readAllBytes(second.resolve(file))).as(file.toString())
            .isEqualTo(Files.readAllBytes(first.resolve(file)));
      }
    }
    // the overlays differ only by the folder they point to
    assertThat(Files.readString(second.resolve(SourcesConf.FILE_NAME)))
        .isEqualTo(Files.readString(first.resolve(SourcesConf.FILE_NAME))
            .replace(first.toString(), second.toString()));
  }

  private static List<Path> relativeFiles(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
    }
  }
}
