package io.plateau.data.ingest;

/**
 * Where an ingest sends its rejected rows as it finds them, so that a file of millions of bad rows streams to the
 * quarantine instead of piling up in memory. {@link QuarantineCsv} writes them to disk; a test may collect them in
 * a list ({@code rejections::add}).
 */
@FunctionalInterface
public interface RejectionSink {

  void accept(Rejection rejection);
}
