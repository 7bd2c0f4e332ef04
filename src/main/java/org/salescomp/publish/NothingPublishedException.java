package org.salescomp.publish;

/**
 * What a command asked for is not in the published tables: a table is missing (the pipeline has not run
 * into this lakehouse) or a rep or month has no rows. A usage error, not a bug.
 */
public final class NothingPublishedException extends IllegalArgumentException {
  public NothingPublishedException(String message) {
    super(message);
  }
}
