package org.salescomp.generate;

import static org.salescomp.generate.Draws.between;
import static org.salescomp.generate.Draws.chance;
import static org.salescomp.generate.Draws.clamp;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.salescomp.generate.Draws.Stream;

/**
 * Builds the teams and the effective-dated roster. Team {@code t} is managed by rep {@code t}; the
 * reps on board at the start are spread round-robin over the teams. During the period some leave
 * (their row ends on the termination date), some move to another team of the same region (a second
 * row from the move date) and some are hired: a {@code new-hire} row for the hire month and the two
 * after it, then a row on the regular plan of their role, both naming a senior teammate as mentor.
 */
final class RosterBuilder {
  private static final String[] FIRST_NAMES = {"Ava", "Ben", "Chloe", "Daniel", "Elif", "Farid",
      "Grace", "Hugo", "Ines", "Jonas", "Kara", "Liam", "Maya", "Noah", "Olga", "Pedro", "Quinn",
      "Rosa", "Sami", "Tara", "Uma", "Victor", "Wen", "Xavier", "Yara", "Zoe", "Aiko", "Bruno",
      "Carmen", "Dmitri", "Emma", "Felix", "Gita", "Hannah", "Ivan", "Julia", "Kofi", "Lena"};
  private static final String[] LAST_NAMES = {"Adams", "Berg", "Costa", "Dubois", "Eriksen",
      "Fischer", "Garcia", "Haddad", "Ito", "Jensen", "Kowalski", "Larsen", "Moreau", "Nakamura",
      "Okafor", "Petrov", "Quist", "Rossi", "Schmidt", "Tanaka", "Usman", "Varga", "Weber", "Xu",
      "Yilmaz", "Zhang", "Novak", "Silva", "Murphy", "Khan", "Lopez", "Meyer", "Nguyen", "Patel"};
  private static final String[] TEAM_NAMES = {"Falcons", "Otters", "Lynx", "Herons", "Bison",
      "Foxes", "Orcas", "Ravens", "Wolves", "Cranes", "Badgers", "Eagles", "Hares", "Pumas"};

  private enum Fate { STABLE, LEAVER, MOVER }

  private final long seed;
  private final Sizes sizes;
  private final Period period;

  private RosterBuilder(long seed, Sizes sizes, Period period) {
    this.seed = seed;
    this.sizes = sizes;
    this.period = period;
  }

  static Roster build(long seed, Sizes sizes, Period period) {
    return new RosterBuilder(seed, sizes, period).build();
  }

  private Roster build() {
    List<Team> teams = new ArrayList<>();
    for (int t = 0; t < sizes.teams(); t++) {
      teams.add(team(t));
    }
    Fate[] fates = fates();
    List<Rep> reps = new ArrayList<>();
    for (int i = 0; i < sizes.initialReps(); i++) {
      reps.add(initialRep(i, fates[i]));
    }
    for (int i = sizes.initialReps(); i < sizes.reps(); i++) {
      reps.add(newHire(i, reps, fates));
    }
    return new Roster(List.copyOf(teams), List.copyOf(reps), members(reps));
  }

  private Team team(int t) {
    String region = Vocabulary.REGIONS[t % Vocabulary.REGIONS.length];
    int perRegion = t / Vocabulary.REGIONS.length;
    int round = perRegion / TEAM_NAMES.length;
    String name = region.substring(0, 1).toUpperCase(Locale.ROOT) + region.substring(1) + " "
        + TEAM_NAMES[perRegion % TEAM_NAMES.length] + (round > 0 ? " " + (round + 1) : "");
    return new Team(t, name, region, t);
  }

  /** Which of the sellers on board at the start leave or move during the period. */
  private Fate[] fates() {
    Fate[] fates = new Fate[sizes.initialReps()];
    Arrays.fill(fates, Fate.STABLE);
    int[] sellers = new int[sizes.initialReps() - sizes.teams()];
    for (int i = 0; i < sellers.length; i++) {
      sellers[i] = sizes.teams() + i;
    }
    SplittableRandom rng = Draws.rng(seed, Stream.ROSTER, 0);
    for (int i = sellers.length - 1; i > 0; i--) { // Fisher-Yates
      int j = rng.nextInt(i + 1);
      int swap = sellers[i];
      sellers[i] = sellers[j];
      sellers[j] = swap;
    }
    for (int i = 0; i < sizes.leavers() + sizes.movers() && i < sellers.length; i++) {
      fates[sellers[i]] = i < sizes.leavers() ? Fate.LEAVER : Fate.MOVER;
    }
    return fates;
  }

  private Rep initialRep(int index, Fate fate) {
    SplittableRandom rng = Draws.rng(seed, Stream.REP, index);
    int team = index % sizes.teams();
    boolean manager = index < sizes.teams();
    String role = manager ? Vocabulary.MANAGER : sellerRole(rng);
    int hire = period.firstDay() - between(rng, manager ? 730 : 60, 3650);
    double skill = clamp(Draws.logNormal(rng, 1.0, 0.3), 0.4, 2.5);
    double quality = qualityOf(rng);
    String name = name(rng);
    BigDecimal base = baseSalary(rng, role);
    int teamManager = manager ? -1 : team;
    String plan = Vocabulary.planOf(role);
    int termination = Period.OPEN;
    List<RosterRow> rows = new ArrayList<>();
    int moveTeam = fate == Fate.MOVER ? otherTeamInRegion(rng, team) : -1;
    if (fate == Fate.LEAVER) {
      termination = between(rng, period.firstDay() + 1, period.lastDay());
      rows.add(new RosterRow(team, role, plan, base, teamManager, -1, hire, termination));
    } else if (moveTeam >= 0) {
      int move = between(rng, period.firstDay() + 1, period.lastDay());
      rows.add(new RosterRow(team, role, plan, base, teamManager, -1, hire, move));
      rows.add(new RosterRow(moveTeam, role, plan, base, moveTeam, -1, move, Period.OPEN));
    } else {
      rows.add(new RosterRow(team, role, plan, base, teamManager, -1, hire, Period.OPEN));
    }
    return new Rep(index, name, role, hire, termination, skill, quality, List.copyOf(rows));
  }

  private Rep newHire(int index, List<Rep> initialReps, Fate[] fates) {
    SplittableRandom rng = Draws.rng(seed, Stream.NEW_HIRE, index);
    int team = rng.nextInt(sizes.teams());
    String role = sellerRole(rng);
    int firstMonth = period.months() > 1 ? 1 : 0;
    int hireMonth = between(rng, firstMonth, Math.max(firstMonth, period.months() - 4));
    int hire = Period.businessDayFrom(period.monthStart(hireMonth) + between(rng, 0, 24));
    int regularFrom = (int) YearMonth.from(Period.date(hire)).plusMonths(3).atDay(1).toEpochDay();
    double skill = clamp(Draws.logNormal(rng, 0.9, 0.3), 0.4, 2.5);
    double quality = qualityOf(rng);
    String name = name(rng);
    BigDecimal newHireBase = BigDecimal.valueOf(50L * between(rng, 80, 100)).setScale(2);
    BigDecimal regularBase = baseSalary(rng, role);
    int mentor = mentor(rng, team, initialReps, fates);
    List<RosterRow> rows = List.of(
        new RosterRow(team, role, Vocabulary.PLAN_NEW_HIRE, newHireBase, team, mentor, hire,
            regularFrom),
        new RosterRow(team, role, Vocabulary.planOf(role), regularBase, team, mentor, regularFrom,
            Period.OPEN));
    return new Rep(index, name, role, hire, Period.OPEN, skill, quality, rows);
  }

  /** A senior teammate who stays on the team throughout; the team's manager if there is none. */
  private int mentor(SplittableRandom rng, int team, List<Rep> initialReps, Fate[] fates) {
    List<Integer> seniors = new ArrayList<>();
    for (int i = sizes.teams() + team; i < sizes.initialReps(); i += sizes.teams()) {
      if (fates[i] == Fate.STABLE && initialReps.get(i).hireDay() <= period.firstDay() - 365) {
        seniors.add(i);
      }
    }
    return seniors.isEmpty() ? team : seniors.get(rng.nextInt(seniors.size()));
  }

  private int otherTeamInRegion(SplittableRandom rng, int team) {
    List<Integer> others = new ArrayList<>();
    for (int t = team % Vocabulary.REGIONS.length; t < sizes.teams(); t += Vocabulary.REGIONS.length) {
      if (t != team) {
        others.add(t);
      }
    }
    return others.isEmpty() ? -1 : others.get(rng.nextInt(others.size()));
  }

  private static String sellerRole(SplittableRandom rng) {
    return chance(rng, 0.6) ? Vocabulary.ACCOUNT_EXECUTIVE : Vocabulary.INSIDE_SALES;
  }

  private static double qualityOf(SplittableRandom rng) {
    return clamp(0.75 + 0.15 * Draws.gaussian(rng), 0.2, 1.0);
  }

  private static String name(SplittableRandom rng) {
    return Draws.pick(rng, FIRST_NAMES) + " " + Draws.pick(rng, LAST_NAMES);
  }

  /** Monthly base salary in steps of 50: managers 7,500-9,000, AEs 6,000-9,000, inside 4,500-6,500. */
  private static BigDecimal baseSalary(SplittableRandom rng, String role) {
    int steps = switch (role) {
      case Vocabulary.MANAGER -> between(rng, 150, 180);
      case Vocabulary.ACCOUNT_EXECUTIVE -> between(rng, 120, 180);
      default -> between(rng, 90, 130);
    };
    return BigDecimal.valueOf(50L * steps).setScale(2);
  }

  private int[][] members(List<Rep> reps) {
    List<List<Integer>> byTeam = new ArrayList<>();
    for (int t = 0; t < sizes.teams(); t++) {
      byTeam.add(new ArrayList<>());
    }
    for (Rep rep : reps) {
      rep.rows().stream().map(RosterRow::team).distinct()
          .forEach(t -> byTeam.get(t).add(rep.index()));
    }
    return byTeam.stream()
        .map(list -> list.stream().mapToInt(Integer::intValue).toArray())
        .toArray(int[][]::new);
  }
}
