package org.salescomp.quality;

/**
 * The input data failed the quality threshold: the run stops before any published table changes
 * (exit code 3). The message names each failing source, its count of quarantined rows, and its top
 * reasons with an example row key each.
 */
public final class DataQualityException extends RuntimeException {
  public DataQualityException(String message) {
    super(message);
  }
}
