package org.salescomp.pipeline;

import java.util.Map;
import org.salescomp.domain.RunScope;

/** What a run published: rows written per table, for the console summary and the run log. */
public record RunResult(String runId, RunScope scope, Map<String, Long> rowsWritten, long elapsedMillis) {}
