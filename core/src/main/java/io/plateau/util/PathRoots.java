package io.plateau.util;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The directories and URI prefixes ("roots") that the paths written in a study file must stay inside, so that a
 * study handed over by someone else can neither read nor write elsewhere on the machine or the cluster.
 *
 * <p>The roots are, first found: the system property {@value #PROPERTY}, the environment variable
 * {@value #VARIABLE} (entries separated by the platform's path separator, {@code :} on Unix; a URI's own colon, as
 * in {@code s3a://bucket/bars/} or {@code file:/data}, does not separate), else the working directory and the study
 * file's directory. A local path is checked after it is made absolute (against the working directory) and its
 * {@code ..} removed, and after the symbolic links of the part that exists are resolved: a link inside a root that
 * points outside is an escape. A {@code file:} URI is a local path; a URI of any other scheme ({@code hdfs://},
 * {@code s3a://}) is allowed only under a URI root of the same scheme and authority, and never with credentials in
 * it ({@code s3a://KEY:SECRET@bucket}). The check runs when the study is read; a link changed afterwards is not
 * seen. Paths the operator gives on the command line ({@code --out}, {@code --bars}) are not checked.
 */
public final class PathRoots {

  /** The environment variable listing the roots. */
  public static final String VARIABLE = "PLATEAU_ROOTS";
  /** The system property listing the roots; it overrides {@link #VARIABLE} (tests set it). */
  public static final String PROPERTY = "plateau.roots";

  private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*");
  private static final Pattern URI = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*):(?://([^/?#]*))?([^?#]*)");
  /** A list entry so far that is a URI still in its authority ({@code hdfs://nn}): a colon there starts a port. */
  private static final Pattern IN_AUTHORITY = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://[^/]*");
  private static final Pattern USER_INFO = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://)[^/?#]*@");

  private final List<Path> directories;
  private final List<UriRoot> prefixes;
  private final String origin;

  /** A URI root: scheme and authority in lower case, the path as its segments ({@code ..} and {@code .} removed). */
  private record UriRoot(String scheme, String authority, List<String> segments) {

    boolean contains(UriRoot other) {
      return scheme.equals(other.scheme) && authority.equals(other.authority) && other.segments.size()
          >= segments.size() && other.segments.subList(0, segments.size()).equals(segments);
    }

    /** The normalized URI, {@code s3a://bucket/bars}. */
    String location() {
      return scheme + ":" + (authority.isEmpty() ? "" : "//" + authority) + "/" + String.join("/", segments);
    }

    /** As a root: with a trailing slash, {@code s3a://bucket/bars/}. */
    @Override
    public String toString() {
      return location() + (segments.isEmpty() ? "" : "/");
    }
  }

  private PathRoots(List<Path> directories, List<UriRoot> prefixes, String origin) {
    this.directories = List.copyOf(directories);
    this.prefixes = List.copyOf(prefixes);
    this.origin = origin;
  }

  /** The roots in force for a study file in {@code studyDirectory}: the property, the variable, or the defaults. */
  public static PathRoots configured(Path studyDirectory) {
    return configured(System.getProperty(PROPERTY), System.getenv(VARIABLE), studyDirectory);
  }

  /** As {@link #configured(Path)}, with the property's and the variable's values given (null when unset). */
  public static PathRoots configured(String property, String variable, Path studyDirectory) {
    if (property != null && !property.isBlank()) {
      return parse(property, "set by -D" + PROPERTY);
    }
    if (variable != null && !variable.isBlank()) {
      return parse(variable, "set by " + VARIABLE);
    }
    List<Path> defaults = new ArrayList<>();
    for (Path directory : List.of(Path.of(""), studyDirectory)) {
      defaults.add(realRoot(directory.toAbsolutePath().normalize(), "the default roots"));
    }
    return new PathRoots(defaults, List.of(), "the default: the working directory and the study file's directory; "
        + VARIABLE + " sets others");
  }

  /** The roots listed in {@code list} (separated by the platform's path separator); {@code origin} says where from. */
  public static PathRoots parse(String list, String origin) {
    List<Path> directories = new ArrayList<>();
    List<UriRoot> prefixes = new ArrayList<>();
    for (String entry : split(list)) {
      if (!isUri(entry)) {
        directories.add(realRoot(localPath(entry, origin), origin));
        continue;
      }
      String problem = uriProblem(entry);
      if (problem != null) {
        throw new InputException("roots " + origin + ": '" + withoutUserInfo(entry) + "' " + problem);
      }
      Matcher uri = URI.matcher(entry);
      uri.matches();
      if (uri.group(1).equalsIgnoreCase("file")) {
        directories.add(realRoot(localPath(uri.group(3), origin), origin));
      } else {
        prefixes.add(uriRoot(uri));
      }
    }
    if (directories.isEmpty() && prefixes.isEmpty()) {
      throw new InputException("roots " + origin + ": '" + list + "' lists no directory or URI");
    }
    return new PathRoots(directories, prefixes, origin);
  }

  /**
   * Returns {@code location} (a path written in a study file at {@code where}, e.g. {@code study.yaml:3:
   * bars.store}) if it lies inside a root; otherwise an {@link InputException} naming {@code where}, the value, what
   * it resolves to and the roots.
   */
  public String require(String location, String where) {
    if (location.isBlank()) {
      throw new InputException(where + ": an empty path is not allowed; expected a directory");
    }
    if (isUri(location)) {
      String problem = uriProblem(location);
      if (problem != null) {
        throw new InputException(where + ": '" + withoutUserInfo(location) + "' " + problem);
      }
      Matcher uri = URI.matcher(location);
      uri.matches();
      if (!uri.group(1).equalsIgnoreCase("file")) {
        UriRoot target = uriRoot(uri);
        if (prefixes.stream().noneMatch(root -> root.contains(target))) {
          throw outside(location, target.location(), where);
        }
        return location;
      }
      requireLocal(location, uri.group(3), where);
      return location;
    }
    requireLocal(location, location, where);
    return location;
  }

  /** The directories, symbolic links resolved, then the URI prefixes. */
  public List<String> roots() {
    List<String> roots = new ArrayList<>();
    directories.forEach(directory -> roots.add(directory.toString()));
    prefixes.forEach(prefix -> roots.add(prefix.toString()));
    return roots;
  }

  @Override
  public String toString() {
    return roots() + " (" + origin + ")";
  }

  private void requireLocal(String location, String path, String where) {
    Path absolute;
    try {
      absolute = Path.of(path).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw new InputException(where + ": '" + location + "' is not a valid path: " + e.getMessage());
    }
    Path real;
    try {
      real = real(absolute);
    } catch (IOException e) {
      throw new InputException(where + ": '" + location + "' cannot be resolved (" + e + "); a symbolic link on "
          + "the way whose target is missing, or a directory that cannot be read");
    }
    if (directories.stream().noneMatch(real::startsWith)) {
      throw outside(location, real.toString(), where);
    }
  }

  private InputException outside(String location, String resolved, String where) {
    return new InputException(where + ": '" + location + "' resolves to " + resolved + ", outside the roots a "
        + "study's paths must stay in: " + this + "; move the data under a root or list its directory in "
        + VARIABLE);
  }

  /**
   * {@code absolute} with the symbolic links of its longest existing part resolved, the rest appended as written. A
   * link whose target is missing cannot be resolved: an {@link IOException}.
   */
  static Path real(Path absolute) throws IOException {
    Path existing = absolute;
    while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return absolute;
    }
    return existing.toRealPath().resolve(existing.relativize(absolute));
  }

  private static Path realRoot(Path absolute, String origin) {
    try {
      return real(absolute);
    } catch (IOException e) {
      throw new InputException("roots " + origin + ": '" + absolute + "' cannot be resolved (" + e + ")");
    }
  }

  private static Path localPath(String entry, String origin) {
    try {
      return Path.of(entry).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw new InputException("roots " + origin + ": '" + entry + "' is not a valid path: " + e.getMessage());
    }
  }

  /** Whether {@code location} starts with a URI scheme ({@code s3a:}, {@code file:}); Hadoop reads it as a URI. */
  private static boolean isUri(String location) {
    int colon = location.indexOf(':');
    return colon > 0 && SCHEME.matcher(location.substring(0, colon)).matches();
  }

  /** {@code location} with the user info of a URI ({@code KEY:SECRET@}) replaced, for messages. */
  private static String withoutUserInfo(String location) {
    return USER_INFO.matcher(location).replaceFirst("$1<credentials removed>@");
  }

  /** What is wrong with a URI as a study path or root, or null. */
  private static String uriProblem(String location) {
    Matcher uri = URI.matcher(location);
    if (!uri.matches()) {
      return "is not a path URI: a query (?) or fragment (#) is not allowed";
    }
    String authority = uri.group(2) == null ? "" : uri.group(2);
    if (authority.contains("@")) {
      return "has credentials in it (user info before '@'): they are refused in study files and never recorded; "
          + "give them in the Hadoop configuration or the environment";
    }
    String path = uri.group(3);
    if (!path.isEmpty() && !path.startsWith("/")) {
      return "is not a hierarchical URI; expected scheme://authority/path or file:/path";
    }
    if (uri.group(1).equalsIgnoreCase("file")) {
      if (!authority.isEmpty() && !authority.equalsIgnoreCase("localhost")) {
        return "names host '" + authority + "'; a file: URI is a local path (file:/path or file:///path)";
      }
      if (path.isEmpty()) {
        return "has no path; expected file:/path or file:///path";
      }
    }
    if (segments(path) == null) {
      return "climbs above its root with '..'";
    }
    return null;
  }

  private static UriRoot uriRoot(Matcher uri) {
    String authority = uri.group(2) == null ? "" : uri.group(2);
    return new UriRoot(uri.group(1).toLowerCase(Locale.ROOT), authority.toLowerCase(Locale.ROOT),
        segments(uri.group(3)));
  }

  /** The segments of a URI path with {@code .}, empty segments and {@code ..} resolved; null if {@code ..} climbs. */
  private static List<String> segments(String path) {
    List<String> segments = new ArrayList<>();
    for (String segment : path.split("/")) {
      if (segment.equals("..")) {
        if (segments.isEmpty()) {
          return null;
        }
        segments.remove(segments.size() - 1);
      } else if (!segment.isEmpty() && !segment.equals(".")) {
        segments.add(segment);
      }
    }
    return segments;
  }

  /**
   * The entries of a root list: split at the path separator, except (with {@code :} as separator) at a colon that
   * ends a URI scheme and is followed by {@code /}, or that starts a port in a URI's authority. A URI root's
   * authority ends at its first {@code /}: {@code s3a://bucket/}, not {@code s3a://bucket}, before another entry.
   */
  private static List<String> split(String list) {
    char separator = File.pathSeparatorChar;
    List<String> entries = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < list.length(); i++) {
      if (list.charAt(i) != separator) {
        continue;
      }
      String before = list.substring(start, i);
      if (separator == ':' && (SCHEME.matcher(before.strip()).matches() && list.startsWith("/", i + 1)
          || IN_AUTHORITY.matcher(before.strip()).matches())) {
        continue;
      }
      entries.add(before);
      start = i + 1;
    }
    entries.add(list.substring(start));
    return entries.stream().map(String::strip).filter(entry -> !entry.isEmpty()).toList();
  }
}
