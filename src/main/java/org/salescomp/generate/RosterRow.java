package org.salescomp.generate;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * One effective-dated roster row, holding on {@code [validFrom, validTo)} (epoch days;
 * {@link Period#OPEN} for an open end). {@code manager} and {@code mentor} are rep indexes or -1.
 */
record RosterRow(int team, String role, String plan, BigDecimal baseSalary, int manager, int mentor,
    int validFrom, int validTo) implements Serializable {

  boolean holdsOn(int day) {
    return validFrom <= day && day < validTo;
  }
}
