package io.plateau.jobs.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.nio.file.AccessDeniedException;
import java.util.Optional;
import org.apache.hadoop.fs.FSError;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;

/** Refused writes are told apart from bugs, on the driver and from an executor's failure text. */
class OutputFailureTest {

  private static final Path BLOCK = new Path("file:/runs/.wf-20240506-070809.staging/trials/block-00003.parquet");

  /** What Hadoop's local file system throws for a failed write (its constructor is not public). */
  private static FSError fsError(IOException cause) throws ReflectiveOperationException {
    Constructor<FSError> constructor = FSError.class.getDeclaredConstructor(Throwable.class);
    constructor.setAccessible(true);
    return constructor.newInstance(cause);
  }

  @Test
  void aFullDiskOnAnExecutorIsRecognisedFromSparksTextAndNamesTheFile() throws ReflectiveOperationException {
    // What the driver gets when a task fails on a cluster: the executor's exception as text, its cause not attached.
    IOException ours = OutputFailure.asIOException(BLOCK, fsError(new IOException("No space left on device")));
    assertEquals("cannot write " + BLOCK + ": No space left on device", ours.getMessage());
    RuntimeException sparks = new RuntimeException("Job aborted due to stage failure: Task 3 in stage 0.0 failed 4 "
        + "times, most recent failure: Lost task 3.3 in stage 0.0 (TID 9) (127.0.0.1 executor 1): "
        + "java.io.UncheckedIOException: block 3 (MES): " + ours.getMessage() + "\n\tat io.plateau.jobs.optimize."
        + "BlockTask.run(BlockTask.java:90)\n");

    OutputFailure.Refusal refusal = OutputFailure.refusal(sparks).orElseThrow();
    assertEquals("no space left on the device", refusal.reason());
    assertEquals(ours.getMessage(), refusal.detail());
  }

  @Test
  void aRefusalIsFoundAmongTheCausesAndWithoutOurWordsToo() {
    Throwable readOnly = new UncheckedIOException(new IOException("/runs/x: Read-only file system"));
    assertEquals(Optional.of(new OutputFailure.Refusal("read-only file system", "/runs/x: Read-only file system")),
        OutputFailure.refusal(readOnly));
    assertEquals("disk quota exceeded", OutputFailure.refusal(new IllegalStateException("wrapped",
        new IOException("java.io.IOException: Disk quota exceeded"))).orElseThrow().reason());
    assertEquals("permission denied", OutputFailure.refusal(new AccessDeniedException("/runs")).orElseThrow()
        .reason());
  }

  @Test
  void otherFailuresAreNotRefusals() {
    assertTrue(OutputFailure.refusal(new IllegalStateException("parameter fast collides with a column")).isEmpty());
    assertTrue(OutputFailure.refusal(new IOException((String) null)).isEmpty());
  }
}
