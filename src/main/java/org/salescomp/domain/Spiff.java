package org.salescomp.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A SPIFF: a fixed amount per credited deal closed within {@code from .. to} (inclusive) in a product
 * category, and a channel when one is set ({@code channel} null: any). Paid in the close month, times the
 * rep's credit share, never clawed back.
 */
public record Spiff(String name, LocalDate from, LocalDate to, String productCategory, String channel,
    BigDecimal amountPerDeal) {}
