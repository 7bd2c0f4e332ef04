package org.salescomp.domain;

import java.util.List;
import java.util.Map;

/** The whole {@code salescomp.comp} block: plans by id, awards, coaching and training rules. */
public record CompModel(
    Map<String, Plan> plans, Awards awards, Coaching coaching, List<String> requiredCourses) {}
