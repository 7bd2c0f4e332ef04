package org.salescomp.config;

/** How an input table is stored. */
public enum SourceFormat { PARQUET, DELTA, CSV, TABLE }
