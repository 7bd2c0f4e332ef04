package org.salescomp.io;


/** Where one input table lives: a path (parquet, delta, csv) or a metastore table name (table). */
public record SourceSettings(SourceFormat format, String location) {}
