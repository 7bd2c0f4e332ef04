package org.salescomp.generate;

import java.io.Serializable;
import java.util.List;

/**
 * A rep and their roster rows, in date order and contiguous from the hire date to the termination
 * date (excluded) or open. {@code skill} (about 1, log-normal) drives how many deals and how large;
 * {@code quality} (0.2 to 1) drives CSAT scores and complaints.
 */
record Rep(int index, String name, String role, int hireDay, int terminationDay, double skill,
    double quality, List<RosterRow> rows) implements Serializable {

  /** The roster row holding on a day, or null when the rep is not employed that day. */
  RosterRow rowOn(int day) {
    for (RosterRow row : rows) {
      if (row.holdsOn(day)) {
        return row;
      }
    }
    return null;
  }

  /** The last day of employment within {@code [from, to]}, or -1 when there is none. */
  int lastActiveDay(int from, int to) {
    int last = Math.min(to, terminationDay == Period.OPEN ? to : terminationDay - 1);
    return last >= Math.max(from, hireDay) ? last : -1;
  }

  boolean isManager() {
    return Vocabulary.MANAGER.equals(role);
  }

  /** The month index (in the period) the rep was hired in; negative when hired before it. */
  int hireMonth(Period period) {
    return period.monthIndex(hireDay);
  }
}
