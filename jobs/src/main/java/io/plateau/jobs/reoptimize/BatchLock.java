package io.plateau.jobs.reoptimize;

import io.plateau.util.InputException;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;

/**
 * The one batch allowed to work on a state directory: a lock file created exclusively, holding the holder's pid,
 * host and start time, removed when the batch ends. A holder that crashed leaves it behind; a later batch finds
 * the file, sees (on the same host) that its process is gone and reports a stale lock instead of breaking it, unless
 * told to break stale locks. A lock from another host cannot be checked and always counts as held.
 */
final class BatchLock implements AutoCloseable {

  private final Path file;

  private BatchLock(Path file) {
    this.file = file;
  }

  /**
   * Takes the lock {@code file}; with {@code breakStale}, first removes a lock whose holder is verifiably gone (same
   * host, no such process), saying so on {@code log}.
   *
   * @throws ReoptimizeJob.HeldException naming the holder, when another batch holds it or a stale lock is not to be
   *     broken
   */
  static BatchLock acquire(Path file, boolean breakStale, PrintStream log) throws IOException {
    String me = ProcessHandle.current().pid() + " " + host() + " " + Instant.now();
    for (int attempt = 0; attempt < 3; attempt++) {
      try {
        Files.writeString(file, me + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE);
        return new BatchLock(file);
      } catch (FileAlreadyExistsException held) {
        String holder = read(file).orElse("");
        if (holder.isEmpty()) {
          continue; // released between our attempt and our read
        }
        String who = describe(holder);
        if (!gone(holder)) {
          throw new ReoptimizeJob.HeldException("another batch holds " + file + " (" + who + "); this one does not "
              + "start");
        }
        if (!breakStale) {
          throw new ReoptimizeJob.HeldException("stale lock " + file + ": its batch (" + who + ") is gone without "
              + "releasing it. Check that no batch runs, then remove the file or run again with --break-stale-lock");
        }
        breakStale(file, holder, log);
      }
    }
    throw new ReoptimizeJob.HeldException("could not take " + file + ": other batches keep taking it");
  }

  /**
   * Moves the stale lock aside (one rename: of two batches breaking it at once, one wins) and checks that what moved
   * is the lock judged stale; a fresh lock taken meanwhile by another batch is put back.
   */
  private static void breakStale(Path file, String stale, PrintStream log) throws IOException {
    Path aside = file.resolveSibling(file.getFileName() + ".stale-" + ProcessHandle.current().pid());
    try {
      Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
    } catch (NoSuchFileException brokenByAnother) {
      return;
    }
    String moved = read(aside).orElse("");
    if (moved.equals(stale)) {
      log.printf("broke stale lock %s: its batch (%s) is gone%n", file, describe(stale));
      Files.delete(aside);
    } else {
      Files.move(aside, file, StandardCopyOption.ATOMIC_MOVE);
    }
  }

  /** Whether the lock's holder is verifiably gone: recorded on this host, and no such process runs. */
  private static boolean gone(String holder) {
    String[] parts = holder.split(" ");
    return parts.length >= 3 && parts[1].equals(host())
        && ProcessHandle.of(processId(parts[0])).map(process -> !process.isAlive()).orElse(true);
  }

  private static String describe(String holder) {
    String[] parts = holder.split(" ");
    return parts.length >= 3 ? "pid " + parts[0] + " on " + parts[1] + " since " + parts[2] : holder;
  }

  private static Optional<String> read(Path file) throws IOException {
    try {
      return Optional.of(Files.readString(file, StandardCharsets.UTF_8).trim());
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  private static long processId(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new InputException("lock file holds '" + text + "', not a process id");
    }
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown-host";
    }
  }

  @Override
  public void close() throws IOException {
    Files.deleteIfExists(file);
  }
}
