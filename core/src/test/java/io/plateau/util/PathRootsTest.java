package io.plateau.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Paths in study files stay inside the roots: escapes by {@code ..}, absolute paths, symbolic links and URIs. */
class PathRootsTest {

  private static final String WHERE = "study.yaml:3: bars.store";

  @TempDir
  Path temp;

  private Path root;
  private Path outside;
  private PathRoots roots;

  @BeforeEach
  void directories() throws IOException {
    root = Files.createDirectories(temp.resolve("root")).toRealPath();
    outside = Files.createDirectories(temp.resolve("outside")).toRealPath();
    Files.createDirectories(root.resolve("bars"));
    roots = PathRoots.parse(root.toString(), "test");
  }

  private String refusal(PathRoots roots, String location) {
    return assertThrows(InputException.class, () -> roots.require(location, WHERE)).getMessage();
  }

  @Test
  void aPathInsideARootIsReturnedAsWritten() {
    for (String inside : List.of(root.toString(), root + "/bars", root + "/bars/not-yet/made", root + "/./bars",
        root + "/bars/../runs", "file:" + root + "/bars", "file://" + root + "/bars", "file://localhost" + root)) {
      assertEquals(inside, roots.require(inside, WHERE));
    }
  }

  @Test
  void anAbsolutePathOutsideIsRefusedNamingTheKeyTheValueWhatItResolvesToAndTheRoots() {
    String message = refusal(roots, outside + "/bars");
    assertTrue(message.startsWith(WHERE + ": '" + outside + "/bars' resolves to " + outside + "/bars, outside the "
        + "roots a study's paths must stay in: [" + root + "] (test)"), message);
    assertTrue(refusal(roots, "/").contains("resolves to /,"));
    assertTrue(refusal(roots, root + "-sibling").contains("outside the roots"), "a shared prefix is not inside");
    assertTrue(refusal(roots, "file:" + outside).contains("resolves to " + outside + ","));
  }

  @Test
  void dotDotIsResolvedBeforeTheCheck() {
    String message = refusal(roots, root + "/bars/../../outside/x");
    assertTrue(message.contains("resolves to " + outside.resolve("x") + ","), message);
  }

  @Test
  void aRelativePathIsResolvedAgainstTheWorkingDirectory() throws IOException {
    Path resolved = Path.of("").toAbsolutePath().toRealPath().resolve("no-such-dir/bars");
    String message = refusal(roots, "no-such-dir/bars");
    assertTrue(message.contains("'no-such-dir/bars' resolves to " + resolved + ","), message);
    PathRoots here = PathRoots.parse(".", "test");
    assertEquals("data/bars", here.require("data/bars", WHERE));
    assertTrue(refusal(here, "../elsewhere").contains("outside the roots"));
  }

  @Test
  void aSymbolicLinkInsideARootThatPointsOutsideIsAnEscape() throws IOException {
    Files.createSymbolicLink(root.resolve("escape"), outside);
    String message = refusal(roots, root + "/escape/bars");
    assertTrue(message.contains("resolves to " + outside.resolve("bars") + ","), message);
    Files.createSymbolicLink(root.resolve("alias"), root.resolve("bars"));
    assertEquals(root + "/alias/2024", roots.require(root + "/alias/2024", WHERE), "a link that stays inside");
    Files.createSymbolicLink(root.resolve("dangling"), outside.resolve("missing"));
    String dangling = refusal(roots, root + "/dangling/bars");
    assertTrue(dangling.contains("cannot be resolved"), dangling);
  }

  @Test
  void aRootThatIsASymbolicLinkIsItsTarget() throws IOException {
    Path link = Files.createSymbolicLink(temp.resolve("link-to-root"), root);
    PathRoots linked = PathRoots.parse(link.toString(), "test");
    assertEquals(List.of(root.toString()), linked.roots());
    assertEquals(root + "/bars", linked.require(root + "/bars", WHERE));
    assertEquals(link + "/bars", linked.require(link + "/bars", WHERE));
  }

  @Test
  void uriPathsAreAllowedOnlyUnderAUriRootOfTheSameSchemeAndAuthority() {
    PathRoots mixed = PathRoots.parse(root + ":s3a://bucket/bars/:hdfs://nn:8020/data", "test");
    assertEquals(List.of(root.toString(), "s3a://bucket/bars/", "hdfs://nn:8020/data/"), mixed.roots());
    for (String inside : List.of("s3a://bucket/bars", "s3a://bucket/bars/MES", "S3A://Bucket/bars//x/./y",
        "hdfs://nn:8020/data/runs", "hdfs://nn:8020/data/a/../b")) {
      assertEquals(inside, mixed.require(inside, WHERE));
    }
    for (String escape : List.of("s3a://bucket/other", "s3a://bucket/barsx", "s3a://other/bars",
        "s3a://bucket/bars/../other", "hdfs://nn:9000/data", "hdfs://nn2:8020/data", "gs://bucket/bars",
        "s3://bucket/bars")) {
      assertTrue(refusal(mixed, escape).contains("outside the roots"), escape);
    }
    assertTrue(refusal(roots, "s3a://bucket/bars").contains("resolves to s3a://bucket/bars, outside the roots"),
        "no URI root, no URI");
    assertTrue(refusal(mixed, "s3a://bucket/../x").contains("climbs above its root"));
    assertTrue(refusal(mixed, "s3a://bucket/bars?versionId=1").contains("query"));
    assertTrue(refusal(mixed, "s3a:bucket/bars").contains("not a hierarchical URI"));
    assertTrue(refusal(mixed, "file://otherhost" + root).contains("a file: URI is a local path"));
  }

  @Test
  void credentialsInAUriAreRefusedAndNotRepeated() {
    PathRoots s3 = PathRoots.parse("s3a://bucket/", "test");
    String message = refusal(s3, "s3a://AKIAFAKEKEY:fake-secret-value@bucket/bars");
    assertTrue(message.contains("has credentials in it"), message);
    assertFalse(message.contains("AKIAFAKEKEY") || message.contains("fake-secret-value"), message);
    InputException root = assertThrows(InputException.class,
        () -> PathRoots.parse("s3a://AKIAFAKEKEY:fake-secret-value@bucket/", "test"));
    assertFalse(root.getMessage().contains("fake-secret-value"), root.getMessage());
  }

  @Test
  void withoutPropertyOrVariableTheRootsAreTheWorkingDirectoryAndTheStudysDirectory() throws IOException {
    PathRoots defaults = PathRoots.configured(null, null, outside);
    assertEquals(List.of(Path.of("").toAbsolutePath().toRealPath().toString(), outside.toString()),
        defaults.roots());
    assertTrue(defaults.toString().contains("the default"), defaults.toString());
    assertEquals(outside + "/bars", defaults.require(outside + "/bars", WHERE));
    assertEquals("data/bars", defaults.require("data/bars", WHERE));
    assertTrue(refusal(defaults, root + "/bars").contains("outside the roots"));

    assertEquals(List.of(root.toString()), PathRoots.configured(root.toString(), outside.toString(), outside)
        .roots(), "the property overrides the variable");
    assertEquals(List.of(outside.toString()), PathRoots.configured(" ", outside.toString(), root).roots(),
        "a blank property is unset");
    assertTrue(PathRoots.configured(null, outside.toString(), root).toString().contains("set by PLATEAU_ROOTS"));
    assertTrue(assertThrows(InputException.class, () -> PathRoots.parse(": :", "set by PLATEAU_ROOTS"))
        .getMessage().contains("lists no directory or URI"));
  }
}
