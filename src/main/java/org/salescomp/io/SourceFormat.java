package org.salescomp.io;

/** How an input table is stored. */
public enum SourceFormat { PARQUET, DELTA, CSV, TABLE }
