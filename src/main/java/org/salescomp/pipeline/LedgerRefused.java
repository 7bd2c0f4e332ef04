package org.salescomp.pipeline;

/**
 * The pay ledger refuses a command: a month to close was not computed by a succeeded run, or a run
 * would only rewrite closed months. The message says why and what to do; nothing was written.
 */
public final class LedgerRefused extends RuntimeException {
  public LedgerRefused(String message) {
    super(message);
  }
}
