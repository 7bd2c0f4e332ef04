package org.salescomp.quality;

/**
 * Why an input row is quarantined. A row gets exactly one code: the first that applies in this
 * order (the declaration order), so a row that does not parse is never also judged on its values,
 * and a row is judged on its own values before its references to other tables. The data contract
 * names the codes up to {@link #DATE_ORDER} and {@link #LATE_FOR_CLOSED_PERIOD}; {@link #MISSING_VALUE}, {@link #UNKNOWN_CODE},
 * {@link #BAD_PERIOD_START}, {@link #UNKNOWN_TEAM} and {@link #UNKNOWN_DEAL} are this project's
 * additions for rules the contract states without naming a code.
 */
public enum ReasonCode {
  /**
   * A value that does not parse as its column's type (text, or a number that does not fit exactly), or a CSV
   * line with the wrong number of fields.
   */
  UNPARSEABLE,
  /** A key column is null. */
  NULL_KEY,
  /**
   * Several rows share a key: all copies when they differ; the extra copies when they are identical (one copy
   * goes on).
   */
  DUPLICATE_KEY,
  /** A required column that is not part of the key is null. */
  MISSING_VALUE,
  /**
   * {@code deals.amount <= 0}, {@code deal_credits.credit_pct <= 0}, {@code fx_rates.rate_to_reporting <= 0},
   * {@code targets.target < 0}.
   */
  NEGATIVE_AMOUNT,
  /**
   * A deal status other than won, cancelled, refunded; a won deal with a status_date; a cancelled or refunded
   * one without.
   */
  UNKNOWN_STATUS,
  /** Another closed vocabulary: complaints.severity, targets.scope, targets.period_type. */
  UNKNOWN_CODE,
  /** A csat score outside 1..5, a training score outside 0..100. */
  SCORE_OUT_OF_RANGE,
  /**
   * A month or period that is not named by its first day (a quarter by January, April, July, October; a year by
   * January 1).
   */
  BAD_PERIOD_START,
  /** status_date before close_date, valid_to not after valid_from, termination before hire, resolved before opened. */
  DATE_ORDER,
  /** Roster rows of one rep that overlap: every row involved. */
  OVERLAPPING_ROSTER,
  /** A roster row or a team target naming a team that is not an accepted team. */
  UNKNOWN_TEAM,
  /** A credit, survey or complaint naming a deal that is not an accepted deal. */
  UNKNOWN_DEAL,
  /** A deal, retention row, survey or complaint naming a customer that is not an accepted customer. */
  UNKNOWN_CUSTOMER,
  /**
   * A rep reference without an accepted roster row: a deal's owner or a credited rep on the close
   * date, an adjustment's rep in its month, any other rep reference at any time.
   */
  UNKNOWN_REP,
  /** A deal in another currency than the reporting one without a rate on its close date or up to 7 days before. */
  FX_MISSING,
  /**
   * A deal whose credit rows do not sum to 1 (tolerance 0.0001) or include a quarantined row: the deal and all
   * those rows.
   */
  CREDITS_NOT_100,
  /**
   * A deal, credit or adjustment dated in a closed month older than the restate window
   * ({@code salescomp.ledger.restate-months}) that the month did not pay: it arrived after the month went to
   * payroll and too late for a correction ({@link LateRows}). Within the window such a row is accepted and
   * paid as a correction.
   */
  LATE_FOR_CLOSED_PERIOD
}
