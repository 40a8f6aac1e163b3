package io.plateau.cli;

import io.plateau.util.InputException;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** What the commands that run on Spark share: their session, and how a bad input found in a task reaches them. */
final class SparkCommands {

  private SparkCommands() {}

  /** A session named {@code appName} on {@code master}, else spark-submit's master, else all local cores. */
  static SparkSession session(String appName, String master) {
    SparkSession.Builder builder = SparkSession.builder().appName(appName)
        .config("spark.ui.showConsoleProgress", "false");
    if (master != null) {
      builder.master(master);
    } else if (!new SparkConf().contains("spark.master")) {
      builder.master("local[*]");
    }
    return builder.getOrCreate();
  }

  /**
   * A bad input found inside a Spark task reaches the driver wrapped; unwrap it so that it exits 2. Callers catch
   * Exception, not RuntimeException: a failed Spark job is a SparkException, checked and thrown undeclared.
   */
  static Exception inputProblemWithin(Exception e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof InputException input) {
        return input;
      }
    }
    return e;
  }
}
