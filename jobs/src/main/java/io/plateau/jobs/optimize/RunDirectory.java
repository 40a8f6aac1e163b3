package io.plateau.jobs.optimize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plateau.study.Study;
import io.plateau.util.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSError;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * A run's directory and its write protocol. Everything is written under {@code OUT/.RUN_ID.staging/} and the whole
 * directory is renamed to {@code OUT/RUN_ID/} at the end, so a reader sees no run or a complete one. Inside the
 * staging directory each block commits on its own: its files are written under temporary names, renamed into
 * place, and then a marker {@code blocks/block-NNNNN.done} is created, holding the block's best sets per window; a
 * block is done exactly when its marker exists. {@code --resume} reopens the newest staging directory of the same
 * study text and runs only the blocks without a marker.
 */
final class RunDirectory {

  static final String STUDY_COPY = "study.yaml";
  private static final String PLAN = "plan.json";
  private static final String STAGING_SUFFIX = ".staging";
  private static final String TEMPORARY_SUFFIX = ".tmp";
  private static final DateTimeFormatter RUN_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private final FileSystem fs;
  private final Path out;
  private final String runId;

  private RunDirectory(FileSystem fs, Path out, String runId) {
    this.fs = fs;
    this.out = out;
    this.runId = runId;
  }

  /** A Hadoop configuration whose local file system writes no {@code .crc} side files. */
  static Configuration outputConf() {
    Configuration conf = new Configuration();
    conf.set("fs.file.impl", RawLocalFileSystem.class.getName());
    conf.setBoolean("fs.file.impl.disable.cache", true);
    return conf;
  }

  /**
   * A new run of {@code study} under {@code out}: its staging directory with a copy of the study. An output that
   * cannot take it (a file, a read-only or full file system, no permission) is refused naming the path, and nothing
   * is left behind. Staging directories of the study that can never resume (see {@link #interrupted}) go.
   */
  static RunDirectory create(String out, Study study, LocalDateTime now) {
    RunDirectory run = null;
    try {
      Path outPath = new Path(out);
      FileSystem fs = outPath.getFileSystem(outputConf());
      String runId = study.name() + "-" + RUN_TIME.format(now);
      run = new RunDirectory(fs, fs.makeQualified(outPath), runId);
      if (fs.exists(run.out) && !fs.getFileStatus(run.out).isDirectory()) {
        throw new InputException(run.out + " is a file; runs go in a directory (--out, or the study's output)");
      }
      if (fs.exists(run.finalDir()) || fs.exists(run.staging())) {
        throw new InputException(run.finalDir() + " already exists; wait a second or choose another --out");
      }
      for (String debris : interrupted(fs, run.out, study, false)) {
        fs.delete(new Path(run.out, "." + debris + STAGING_SUFFIX), true);
      }
      mkdirs(fs, run.staging());
      try (OutputStream copy = fs.create(new Path(run.staging(), STUDY_COPY), false)) {
        copy.write(study.text().getBytes(StandardCharsets.UTF_8));
      }
      return run;
    } catch (IOException | FSError e) {
      if (run != null && !(e instanceof FileAlreadyExistsException)) {
        run.deleteStagingQuietly();
      }
      throw new InputException("cannot create the run directory under " + out + ": " + e.getMessage(), e);
    }
  }

  /**
   * Creates {@code dir} and its parents. On a local disk through java.nio, whose exception says why it could not
   * (read-only file system, permission denied, a file in the way); Hadoop's local mkdirs only answers false.
   */
  private static void mkdirs(FileSystem fs, Path dir) throws IOException {
    if ("file".equals(dir.toUri().getScheme())) {
      java.nio.file.Files.createDirectories(java.nio.file.Path.of(dir.toUri()));
    } else if (!fs.mkdirs(dir)) {
      throw new IOException("cannot create " + dir);
    }
  }

  /** The newest interrupted run of {@code study} under {@code out}, whose study text must be unchanged. */
  static RunDirectory resume(String out, Study study) {
    try {
      Path outPath = new Path(out);
      FileSystem fs = outPath.getFileSystem(outputConf());
      Path qualified = fs.makeQualified(outPath);
      List<String> candidates = interrupted(fs, qualified, study, true);
      if (candidates.isEmpty()) {
        throw new InputException("--resume: no interrupted run of study '" + study.name() + "' under " + qualified
            + "; run without --resume to start one");
      }
      RunDirectory run = new RunDirectory(fs, qualified, candidates.get(candidates.size() - 1));
      String before;
      try (var in = fs.open(new Path(run.staging(), STUDY_COPY))) {
        before = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      if (!before.equals(study.text())) {
        throw new InputException("--resume: " + study.file() + " changed since run " + run.runId
            + " started; its results would mix two studies. Run without --resume to start afresh");
      }
      return run;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the runs under " + out, e);
    }
  }

  /** Whether {@code out} holds an interrupted run of {@code study} that {@link #resume} would continue. */
  static boolean hasInterrupted(String out, Study study) throws IOException {
    Path outPath = new Path(out);
    FileSystem fs = outPath.getFileSystem(outputConf());
    return !interrupted(fs, fs.makeQualified(outPath), study, true).isEmpty();
  }

  /**
   * The run ids of {@code study}'s staging directories under {@code out}, in order: with {@code resumable}, those
   * holding the study's copy (written first); without, the others: what tasks of a failed run, still running when
   * it removed its staging directory, wrote after that. Such a directory has no study and no plan, and is never
   * resumed.
   */
  private static List<String> interrupted(FileSystem fs, Path out, Study study, boolean resumable)
      throws IOException {
    List<String> runs = new ArrayList<>();
    String prefix = "." + study.name() + "-";
    if (fs.exists(out)) {
      for (FileStatus status : fs.listStatus(out)) {
        String name = status.getPath().getName();
        if (status.isDirectory() && name.startsWith(prefix) && name.endsWith(STAGING_SUFFIX)
            && fs.exists(new Path(status.getPath(), STUDY_COPY)) == resumable) {
          runs.add(name.substring(1, name.length() - STAGING_SUFFIX.length()));
        }
      }
    }
    runs.sort(null);
    return runs;
  }

  String runId() {
    return runId;
  }

  /** The directory the run goes in (the study's output or --out), qualified. */
  Path out() {
    return out;
  }

  Path staging() {
    return new Path(out, "." + runId + STAGING_SUFFIX);
  }

  Path finalDir() {
    return new Path(out, runId);
  }

  FileSystem fs() {
    return fs;
  }

  /** The indexes of the blocks committed so far. */
  int[] committedBlocks() throws IOException {
    Path markers = new Path(staging(), "blocks");
    if (!fs.exists(markers)) {
      return new int[0];
    }
    return Arrays.stream(fs.listStatus(markers)).map(s -> s.getPath().getName())
        .filter(n -> n.startsWith("block-") && n.endsWith(".done"))
        .mapToInt(n -> Integer.parseInt(n.substring("block-".length(), n.length() - ".done".length()))).sorted()
        .toArray();
  }

  /** A block's marker: its best sets per scheme and window, as JSON (Jackson writes NaN as "NaN" and reads it back). */
  static byte[] markerContent(List<OptimizeJob.Chosen> bests) throws IOException {
    return new ObjectMapper().writeValueAsBytes(bests);
  }

  /** The best sets recorded in every committed block's marker. */
  List<OptimizeJob.Chosen> committedBests() throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<OptimizeJob.Chosen> bests = new ArrayList<>();
    for (int index : committedBlocks()) {
      try (InputStream in = fs.open(new Path(staging(), String.format("blocks/block-%05d.done", index)))) {
        bests.addAll(Arrays.asList(json.readValue(in, OptimizeJob.Chosen[].class)));
      }
    }
    return bests;
  }

  /** Writes {@code text} to {@code relative} inside the staging directory, atomically (temporary name, rename). */
  void writeText(String relative, String text) throws IOException {
    writeAtomically(fs, new Path(staging(), relative), text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Records the run's blocks, so that {@code --resume} runs the same blocks on any cluster. An adaptive search
   * records each batch's blocks as it proposes them.
   */
  void writePlan(List<Block> blocks) throws IOException {
    List<Map<String, Object>> entries = new ArrayList<>();
    for (Block block : blocks) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("index", block.index());
      entry.put("batch", block.batch());
      entry.put("symbol", block.symbol());
      entry.put("from_id", block.fromId());
      entry.put("to_id", block.toId());
      entry.put("ids", block.ids());
      entry.put("admitted", block.admitted());
      entries.add(entry);
    }
    writeAtomically(fs, new Path(staging(), PLAN), new ObjectMapper().writeValueAsBytes(entries));
  }

  /** Whether the run recorded its plan (a run stopped before it did has committed no block). */
  boolean hasPlan() throws IOException {
    return fs.exists(new Path(staging(), PLAN));
  }

  List<Block> readPlan() throws IOException {
    return readPlan(fs, staging());
  }

  /** The plan of the run in {@code dir} (staging or published). */
  static List<Block> readPlan(FileSystem fs, Path dir) throws IOException {
    JsonNode entries;
    try (var in = fs.open(new Path(dir, PLAN))) {
      entries = new ObjectMapper().readTree(in);
    }
    List<Block> blocks = new ArrayList<>();
    for (JsonNode entry : entries) {
      JsonNode ids = entry.get("ids");
      long[] drawn = null;
      if (ids != null && ids.isArray()) {
        drawn = new long[ids.size()];
        for (int i = 0; i < drawn.length; i++) {
          drawn[i] = ids.get(i).longValue();
        }
      }
      blocks.add(new Block(entry.get("index").intValue(), entry.get("batch").intValue(), entry.get("symbol").asText(),
          entry.get("from_id").longValue(), entry.get("to_id").longValue(), drawn, entry.get("admitted").longValue()));
    }
    return blocks;
  }

  /**
   * Publishes the run: the staging directory, without the temporaries that attempts killed mid-write left, becomes
   * {@code OUT/RUN_ID}.
   */
  void publish() throws IOException {
    var files = fs.listFiles(staging(), true);
    while (files.hasNext()) {
      Path file = files.next().getPath();
      if (file.getName().startsWith(".") && file.getName().endsWith(TEMPORARY_SUFFIX)) {
        fs.delete(file, false);
      }
    }
    if (!fs.rename(staging(), finalDir())) {
      throw new IOException("cannot rename " + staging() + " to " + finalDir());
    }
  }

  /**
   * Cleans up after a run that failed: removes the temporaries its attempts left, and the whole staging directory
   * of a new run ({@code resumed} false) that committed no block, as there is nothing to resume. Otherwise the
   * staging directory stays for {@code --resume}. Never throws (the file system may be what failed); returns what
   * it left, in words.
   */
  String abandon(boolean resumed) {
    int committed;
    try {
      committed = fs.exists(staging()) ? committedBlocks().length : -1;
    } catch (IOException | RuntimeException | FSError e) {
      return "cannot read " + staging() + " (" + e.getMessage() + "); check it and remove it, or run with --resume";
    }
    if (committed < 0) {
      return "nothing was left under " + out;
    }
    if (committed == 0 && !resumed) {
      return deleteStagingQuietly() ? "no block had committed; removed " + staging() + ", nothing is left under " + out
          : "no block had committed, but " + staging() + " could not be removed; remove it";
    }
    try {
      var files = fs.listFiles(staging(), true);
      while (files.hasNext()) {
        Path file = files.next().getPath();
        if (file.getName().startsWith(".") && file.getName().endsWith(TEMPORARY_SUFFIX)) {
          fs.delete(file, false);
        }
      }
    } catch (IOException | RuntimeException | FSError e) {
      // Kept temporaries are harmless: readers skip them and publish removes them.
    }
    return committed + " committed block(s) are kept in " + staging() + "; once the cause is fixed, 'optimize "
        + "--resume' runs only the others (or remove that directory)";
  }

  private boolean deleteStagingQuietly() {
    try {
      return !fs.exists(staging()) || fs.delete(staging(), true);
    } catch (IOException | RuntimeException | FSError e) {
      return false;
    }
  }

  /**
   * A temporary name next to {@code target}, unique to the attempt: a task attempt that lost its executor but still
   * runs cannot write into the file its retry is writing. Readers skip it (a leading dot), publish removes it.
   */
  static Path temporaryFor(Path target) {
    return new Path(target.getParent(), "." + target.getName() + "." + UUID.randomUUID() + TEMPORARY_SUFFIX);
  }

  /** Deletes {@code file} if it can; for temporaries of a write that failed, whose own failure is the news. */
  static void deleteQuietly(FileSystem fs, Path file) {
    try {
      fs.delete(file, false);
    } catch (IOException | RuntimeException | FSError e) {
      // the write's failure is reported; a temporary left behind is skipped by readers and removed by publish
    }
  }

  static void writeAtomically(FileSystem fs, Path target, byte[] bytes) throws IOException {
    Path temporary = temporaryFor(target);
    try (OutputStream stream = fs.create(temporary, true)) {
      stream.write(bytes);
    } catch (IOException | FSError e) {
      deleteQuietly(fs, temporary);
      throw OutputFailure.asIOException(target, e);
    }
    fs.delete(target, false);
    if (!fs.rename(temporary, target)) {
      throw new IOException("cannot rename " + temporary + " to " + target);
    }
  }
}
