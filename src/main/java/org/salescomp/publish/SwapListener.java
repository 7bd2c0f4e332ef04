package org.salescomp.publish;

/**
 * Observes a publish between its steps. Production passes {@link #NONE}; the tests use it to fail or kill
 * a publish halfway and to read the target while the swap transaction is open.
 */
interface SwapListener {
  SwapListener NONE = new SwapListener() {};

  /** Every staging table is loaded; the swap transaction has not begun. */
  default void staged() throws Exception {}

  /** {@code table} is replaced inside the open swap transaction, on the connection of {@code backendPid}. */
  default void swapped(String table, int backendPid) throws Exception {}
}
