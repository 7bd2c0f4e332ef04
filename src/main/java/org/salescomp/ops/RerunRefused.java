package org.salescomp.ops;

/** A past run cannot be recomputed as it ran: the message says why and what would make it possible. */
public final class RerunRefused extends RuntimeException {
  public RerunRefused(String message) {
    super(message);
  }
}
