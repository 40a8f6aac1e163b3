package io.plateau.data;

import java.time.Instant;

/**
 * One input that contributed bars to a symbol: a vendor file, or a generator run. Kept in the symbol's
 * metadata so the store can tell where its data came from; the content hash makes re-ingesting a file a no-op.
 *
 * @param name the file name or a description ({@code synthetic seed=7})
 * @param sha256 hex SHA-256 of the file's bytes, or of the generator's parameters
 * @param format the vendor format or {@code synthetic}
 * @param bars bars accepted from it
 * @param addedAt when it was committed
 */
public record SourceRecord(String name, String sha256, String format, long bars, Instant addedAt) {}
