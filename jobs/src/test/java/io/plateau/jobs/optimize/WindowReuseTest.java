package io.plateau.jobs.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plateau.study.Study;
import io.plateau.study.StudyReader;
import io.plateau.util.Hashing;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which windows a run takes from an earlier one, read from that run's manifest and plan. No Spark. */
class WindowReuseTest {

  private static final String CODE = "plateau.jar sha256:abc";

  @TempDir
  Path dir;

  private Study study;
  private String previous;
  private final List<Block> blocks = List.of(new Block(0, 0, "MES", 0, 4, null, 4),
      new Block(1, 0, "MES", 4, 8, null, 4));
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

  @BeforeEach
  void earlierRun() throws IOException {
    Path file = dir.resolve("study.yaml");
    Files.writeString(file, """
        name: wr
        bars: {store: bars, symbols: [MES], start: 2022-01-01, end: latest, bar_size: 15m}
        strategy:
          name: sma-cross
          params: {fast: [5, 10], slow: [30, 60], direction: [long, both]}
        walk_forward: {in_sample: 60 days, out_of_sample: 20 days, warm_up: 10 days, trials: per-window}
        """);
    study = StudyReader.read(file);
    RunDirectory run = RunDirectory.create(dir.resolve("runs").toString(), study, LocalDateTime.of(2024, 5, 6, 7, 8));
    run.writePlan(blocks);
    run.writeText("manifest.json", OptimizeJob.json().writeValueAsString(Map.of("study", Map.of("sha256",
        Hashing.sha256(study.text())), "code_version", CODE, "window_fingerprints", Map.of("MES",
            List.of("a", "b", "c")))));
    run.publish();
    previous = run.finalDir().toString();
  }

  private String said() {
    return printed.toString(StandardCharsets.UTF_8);
  }

  @Test
  void windowsWhoseFingerprintsTheEarlierRunRecordedAreTakenWithItsBlocks() {
    WindowReuse reuse = WindowReuse.of(previous, study, Map.of("MES", List.of("a", "x", "c", "d")), CODE, out);
    assertTrue(reuse.any());
    assertEquals(Set.of(0, 2), reuse.windows("MES"));
    assertEquals(blocks.size(), reuse.previousBlocks().size());
    assertEquals(4, reuse.previousBlocks().get(1).fromId());
    assertTrue(said().contains("reuse: MES: 2 of 4 windows' trials taken from " + previous
        + " (1 of its 3 windows' bars differ)"), said());
    assertSame(reuse, reuse.forPlan(blocks, out), "the run keeps the earlier blocks");
    assertTrue(reuse.appliesTo(blocks.get(1)));
    assertFalse(reuse.appliesTo(new Block(2, 1, "MES", 9, 10, new long[] {9}, 1)), "a later adaptive batch");
  }

  @Test
  void aResumedRunWhoseBlocksHoldOtherSetsTakesNothing() {
    WindowReuse reuse = WindowReuse.of(previous, study, Map.of("MES", List.of("a", "b", "c")), CODE, out);
    WindowReuse resumed = reuse.forPlan(List.of(new Block(0, 0, "MES", 0, 8, null, 8)), out);
    assertFalse(resumed.any());
    assertTrue(said().contains("nothing taken from " + previous + " after all: the resumed run's blocks hold other"),
        said());
  }

  @Test
  void anotherStudyOtherCodeOrNoRunTakesNothingAndSaysWhy() throws IOException {
    assertFalse(WindowReuse.of(previous, study, Map.of("MES", List.of("a")), "other.jar sha256:def", out).any());
    assertTrue(said().contains("it ran other code (" + CODE + ")"), said());
    Path changed = Files.writeString(dir.resolve("changed.yaml"), study.text().replace("60 days", "61 days"));
    assertFalse(WindowReuse.of(previous, StudyReader.read(changed), Map.of("MES", List.of("a")), CODE, out).any());
    assertTrue(said().contains("it ran another study text"), said());
    String missing = dir.resolve("runs/gone").toString();
    assertFalse(WindowReuse.of(missing, study, Map.of("MES", List.of("a")), CODE, out).any());
    assertTrue(said().contains("reuse: nothing taken from " + missing + ", which cannot be read"), said());
    assertTrue(WindowReuse.of(previous, study, Map.of("MES", List.of("z")), CODE, out).windows().isEmpty());
  }
}
