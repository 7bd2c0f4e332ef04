package org.salescomp.generate;

import java.io.Serializable;
import java.util.List;

/** The teams and reps of the generated company, with the lookups the other generators need. */
record Roster(List<Team> teams, List<Rep> reps, int[][] teamMembers) implements Serializable {

  Rep rep(int index) {
    return reps.get(index);
  }

  Team team(int index) {
    return teams.get(index);
  }

  /** Indexes of the reps who hold a row on the team at any time, in index order. */
  int[] membersEver(int team) {
    return teamMembers[team];
  }

  /** The manager of a team other than {@code team}, preferring the same region (a regional peer). */
  int peerManager(int team) {
    Team own = team(team);
    int fallback = own.manager();
    for (Team other : teams) {
      if (other.index() != team) {
        if (other.region().equals(own.region())) {
          return other.manager();
        }
        if (fallback == own.manager()) {
          fallback = other.manager();
        }
      }
    }
    return fallback;
  }
}
