/**
 * The input data-quality gate of the data contract ("Bad input"): every input row is accepted,
 * quarantined with exactly one {@link org.salescomp.quality.ReasonCode}, or deferred, and
 * {@code read = accepted + quarantined + deferred} for every source.
 *
 * <h2>Using it (the nightly job)</h2>
 * <pre>{@code
 * SourceData raw = ...;                         // SourceReader.readRaw per source: SchemaError (exit 3) here
 * GateResult gate = InputGate.check(raw, scope.logicalDate(), settings.reportingCurrency(), lateRows);
 * List<SourceTally> counts = gate.tally();             // one Spark job; run_log's source_counts
 * gate.requireWithinThreshold(settings.quality());     // DataQualityException (exit 3), before any write
 * SourceData inputs = gate.accepted();                 // what the models compute from
 * ... publish the marts ...
 * publisher.publish(Quarantine.TABLE, gate.quarantine(runId), scope);
 * gate.unpersist();
 * }</pre>
 *
 * <h2>Decisions the contract leaves open</h2>
 * <ul>
 *   <li><b>One reason per row</b>, the first in {@link org.salescomp.quality.ReasonCode}'s order: a row is
 *       judged on parsing, then its key, then deferral, duplicates, its own values, then its references.
 *   <li><b>Text is parsed row by row</b> (CSV, or a text column of Parquet or Delta): a value that does not
 *       convert exactly is UNPARSEABLE, never a null or a rounded number ({@link ValueParser}). A column of a
 *       type that cannot hold the contract's (a struct or boolean where a date belongs) and a missing
 *       required column stop the run ({@link org.salescomp.io.SchemaError}, exit 3: the data is wrong, not
 *       the command line or the config).
 *   <li><b>Duplicates</b> are compared on converted values; of identical copies one goes on and each extra
 *       copy is quarantined as DUPLICATE_KEY ("an identical copy"), so every row read is counted once and
 *       the quarantine shows the double load.
 *   <li><b>Deferral</b>: deals by close_date, surveys by survey_date, complaints by opened_date, retention,
 *       adjustments by month, targets by period_start, training by completed_date, FX by rate_date; credits,
 *       surveys and complaints of a deferred deal wait with it. Teams, reps and customers are never
 *       deferred. Deferred rows are not judged at all (a deferred deal with a negative amount is judged the
 *       night it is due).
 *   <li><b>Status</b>: a won deal with a status_date, a cancelled or refunded one without, or another status
 *       is UNKNOWN_STATUS; a status_date before the close_date is DATE_ORDER.
 *   <li><b>Cascade</b>: references are checked against the <em>accepted</em> rows of the parent, so a row
 *       whose parent is quarantined is quarantined too, with the reference's code and a detail (a credit
 *       or survey of a quarantined deal: UNKNOWN_DEAL; a deal of a quarantined customer: UNKNOWN_CUSTOMER).
 *       The accepted tables are referentially whole: no later join drops a row silently.
 *   <li><b>Credits</b>: a deal is paid by all of its credit rows or not at all. Credits not summing to 1
 *       (tolerance 0.0001), or one credit row quarantined, quarantine the deal and its remaining credit
 *       rows as CREDITS_NOT_100.
 *   <li><b>Reps on the day</b>: a deal's owner and a credited rep need an accepted roster row holding on
 *       the close date, an adjustment's rep one in its month; targets, training, surveys, complaints and
 *       customer owners only a roster row at all. A mentor or manager is not checked: the engine pays a
 *       mentor only with a roster row in the month.
 *   <li><b>Late for a closed period</b> ({@link LateRows}): a deal, credit or adjustment dated in a closed
 *       month older than the restate window is LATE_FOR_CLOSED_PERIOD when that month did not pay it (no
 *       commission line for the deal and rep, no line for the adjustment): it arrived after the month went to
 *       payroll. Known rows of those months stay accepted (history: first deals, the clawback window).
 *       Within the window a late row is accepted and paid as a correction. A late credit of a paid deal
 *       then fails its deal as CREDITS_NOT_100, as any quarantined credit does.
 *   <li><b>Personal data</b> (customers.name, reps.name) never reaches {@link Quarantine}'s row.
 * </ul>
 *
 * <h2>Why hand-written Spark checks, not Deequ</h2>
 * Deequ computes metrics and pass/fail per constraint (completeness, uniqueness, ranges); its row-level
 * results cover only some single-column constraints. The contract needs one reason per row with a
 * precedence, references to the accepted rows of other tables (overlapping roster rows, a rep holding a
 * roster row on the close date, the FX fallback, credit sums), deferral and a cascade: joins and windows
 * that would have to be written in Spark anyway. The gate is about twenty small jobs of built-in
 * expressions; Deequ would add a dependency (not in the local repository) for a part of it.
 */
package org.salescomp.quality;
