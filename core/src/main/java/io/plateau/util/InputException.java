package io.plateau.util;

/**
 * A problem with what the user gave us (a file, a config key, a command-line value), as opposed to a bug.
 *
 * <p>The command line maps it to exit code 2. The message must let the user fix the input without reading
 * code: it names the file and line or the config key, quotes the bad value and says what is allowed.
 */
public class InputException extends RuntimeException {

  public InputException(String message) {
    super(message);
  }

  public InputException(String message, Throwable cause) {
    super(message, cause);
  }
}
