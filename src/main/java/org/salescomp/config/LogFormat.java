package org.salescomp.config;

/** How the command line writes its log lines to stderr ({@code salescomp.logging.format}). */
public enum LogFormat {
  /** One human-readable line per message. */
  TEXT,
  /** One JSON object per line, for log collectors. */
  JSON
}
