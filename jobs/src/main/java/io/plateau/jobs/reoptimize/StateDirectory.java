package io.plateau.jobs.reoptimize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.plateau.util.AtomicFiles;
import io.plateau.util.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A re-optimization's state directory, every file written whole or not at all:
 * <pre>
 *   lock            the batch at work (see {@link BatchLock})
 *   runs/RUN_ID/    each batch's optimize run (a crashed batch leaves runs/.RUN_ID.staging/ to resume)
 *   champion.json   the settings in production per symbol: when, why and from which run they were promoted
 *   watermark.json  what the last successful batch saw: per symbol the last trading date and the complete windows,
 *                   the store's files and the code version
 *   batch.json      the watermark of a batch under way (gone when it ends): a batch seeing the same data and code
 *                   resumes that batch's run
 *   history.jsonl   one line per batch: time, watermark, decision, reason
 * </pre>
 */
final class StateDirectory {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path root;

  StateDirectory(Path root) throws IOException {
    this.root = root.toAbsolutePath().normalize();
    if (Files.exists(this.root) && !Files.isDirectory(this.root)) {
      throw new InputException("--state " + root + ": not a directory");
    }
    Files.createDirectories(runs());
  }

  Path root() {
    return root;
  }

  Path lockFile() {
    return root.resolve("lock");
  }

  Path runs() {
    return root.resolve("runs");
  }

  Optional<JsonNode> champion() throws IOException {
    return read("champion.json");
  }

  void writeChampion(Object champion) throws IOException {
    write("champion.json", champion);
  }

  Optional<JsonNode> watermark() throws IOException {
    return read("watermark.json");
  }

  void writeWatermark(Object watermark) throws IOException {
    write("watermark.json", watermark);
  }

  Optional<JsonNode> batchUnderWay() throws IOException {
    return read("batch.json");
  }

  void writeBatchUnderWay(Object watermark) throws IOException {
    write("batch.json", watermark);
  }

  void endBatch() throws IOException {
    Files.deleteIfExists(root.resolve("batch.json"));
  }

  /**
   * Appends one line to history.jsonl: the whole file is rewritten beside it and moved over it, so a crash leaves
   * the old history or the new one, never a torn line.
   */
  void appendHistory(Object line) throws IOException {
    Path file = root.resolve("history.jsonl");
    String before = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    replace(file, before + new ObjectMapper().writeValueAsString(line) + "\n");
  }

  private Optional<JsonNode> read(String name) throws IOException {
    Path file = root.resolve(name);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readTree(file.toFile()));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new InputException(file + ": not the JSON a batch writes (" + e.getOriginalMessage() + "); restore it "
          + "from history.jsonl or the runs, or remove it to start afresh");
    }
  }

  private void write(String name, Object value) throws IOException {
    replace(root.resolve(name), JSON.writeValueAsString(value) + "\n");
  }

  /**
   * Replaces {@code file} whole; a write the file system refuses (no space, read-only, permission) is the operator's
   * to fix: an {@link InputException} naming the file, the old file left as it was.
   */
  private static void replace(Path file, String text) throws IOException {
    try {
      AtomicFiles.writeString(file, text);
    } catch (IOException e) {
      throw new InputException("cannot write " + file + " (" + e.getMessage() + "); it is left as it was", e);
    }
  }
}
