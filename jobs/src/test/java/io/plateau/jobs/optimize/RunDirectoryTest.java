package io.plateau.jobs.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plateau.study.Study;
import io.plateau.study.StudyReader;
import io.plateau.util.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's directory: created whole or refused naming the path, and cleaned up after a failure. No Spark. */
class RunDirectoryTest {

  private static final LocalDateTime NOW = LocalDateTime.of(2024, 5, 6, 7, 8, 9);

  @TempDir
  Path dir;

  private Study study;

  @BeforeEach
  void readStudy() throws IOException {
    Path file = dir.resolve("study.yaml");
    Files.writeString(file, """
        name: rd
        bars: {store: bars, symbols: [MES], start: 2022-01-01, end: 2022-12-31, bar_size: 15m}
        strategy:
          name: sma-cross
          params: {fast: [5, 10], slow: [30, 60], direction: [long]}
        walk_forward: {scheme: rolling, in_sample: 60 days, out_of_sample: 20 days, warm_up: 10 days}
        objective: net-profit
        """);
    study = StudyReader.read(file);
  }

  private static Path local(org.apache.hadoop.fs.Path path) {
    return Path.of(path.toUri());
  }

  private static List<String> names(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.map(p -> root.relativize(p).toString()).sorted().toList();
    }
  }

  @Test
  void aFailedNewRunWithoutACommittedBlockLeavesNothing() throws IOException {
    Path out = dir.resolve("runs");
    RunDirectory run = RunDirectory.create(out.toString(), study, NOW);
    RunDirectory.writeAtomically(run.fs(), new org.apache.hadoop.fs.Path(run.staging(), "plan.json"), new byte[10]);
    Files.createDirectories(local(run.staging()).resolve("trials"));
    Files.writeString(local(run.staging()).resolve("trials/.block-00000.parquet.x.tmp"), "half a block");

    String left = run.abandon(false);
    assertFalse(Files.exists(local(run.staging())), left);
    assertEquals(List.of(""), names(out), "the output directory is as it was");
    assertTrue(left.contains("no block had committed"), left);
  }

  @Test
  void whatTasksWroteAfterTheirRunWasRemovedIsNeverResumedAndTheNextRunRemovesIt() throws IOException {
    Path out = dir.resolve("runs");
    RunDirectory failed = RunDirectory.create(out.toString(), study, NOW);
    failed.abandon(false);
    // A task of the failed run, still running, then wrote its temporary and even its marker: no study, no plan.
    Path debris = local(failed.staging());
    Files.createDirectories(debris.resolve("trials"));
    Files.createDirectories(debris.resolve("blocks"));
    Files.writeString(debris.resolve("trials/.block-00003.parquet.x.tmp"), "half a block");
    Files.writeString(debris.resolve("blocks/block-00002.done"), "[]");

    assertFalse(RunDirectory.hasInterrupted(out.toString(), study));
    InputException none = assertThrows(InputException.class, () -> RunDirectory.resume(out.toString(), study));
    assertTrue(none.getMessage().startsWith("--resume: no interrupted run of study 'rd'"), none.getMessage());

    RunDirectory next = RunDirectory.create(out.toString(), study, NOW.plusSeconds(1));
    assertFalse(Files.exists(debris), "removed by the next run");
    assertTrue(RunDirectory.hasInterrupted(out.toString(), study), "the new run's staging directory");
    assertEquals(next.runId(), RunDirectory.resume(out.toString(), study).runId());
  }

  @Test
  void aFailedRunKeepsItsCommittedBlocksForResumeAndDropsTemporaries() throws IOException {
    Path out = dir.resolve("runs");
    RunDirectory run = RunDirectory.create(out.toString(), study, NOW);
    Path staging = local(run.staging());
    Files.createDirectories(staging.resolve("blocks"));
    Files.createDirectories(staging.resolve("trials"));
    Files.writeString(staging.resolve("blocks/block-00000.done"), "[]");
    Files.writeString(staging.resolve("trials/block-00000.parquet"), "block 0");
    Files.writeString(staging.resolve("trials/.block-00001.parquet.x.tmp"), "half of block 1");

    String left = run.abandon(false);
    assertTrue(Files.exists(staging.resolve("trials/block-00000.parquet")), left);
    assertFalse(Files.exists(staging.resolve("trials/.block-00001.parquet.x.tmp")), left);
    assertTrue(left.startsWith("1 committed block(s) are kept in " + run.staging()), left);
    assertTrue(left.contains("--resume"), left);
  }

  @Test
  void aFailedResumeNeverRemovesTheRunItResumed() throws IOException {
    Path out = dir.resolve("runs");
    RunDirectory run = RunDirectory.create(out.toString(), study, NOW);
    run.abandon(true);
    assertTrue(Files.isDirectory(local(run.staging())), "the run being resumed stays, committed blocks or not");
  }

  @Test
  void anOutputThatIsAFileOrUnderAFileIsRefusedNamingItAndLeftAsItWas() throws IOException {
    Path file = dir.resolve("runs-file");
    Files.writeString(file, "not a directory");
    InputException isFile = assertThrows(InputException.class,
        () -> RunDirectory.create(file.toString(), study, NOW));
    assertTrue(isFile.getMessage().contains(file + " is a file; runs go in a directory"), isFile.getMessage());

    InputException under = assertThrows(InputException.class,
        () -> RunDirectory.create(file.resolve("runs").toString(), study, NOW));
    assertTrue(under.getMessage().startsWith("cannot create the run directory under " + file.resolve("runs")),
        under.getMessage());
    assertTrue(under.getMessage().contains(file.toString()), under.getMessage());
    assertEquals("not a directory", Files.readString(file));
  }
}
