package org.salescomp.generate;

import java.io.Serializable;

/** A sales team; {@code manager} is the index of the rep who manages it. */
record Team(int index, String name, String region, int manager) implements Serializable {}
