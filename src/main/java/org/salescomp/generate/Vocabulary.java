package org.salescomp.generate;

import java.util.Arrays;

/** The codes the generated tables use; the plans and tests depend on these exact values. */
final class Vocabulary {
  static final String[] PRODUCT_CATEGORIES = {"software", "hardware", "services", "subscription"};
  static final String[] CHANNELS = {"direct", "partner", "online"};
  static final String WON = "won";
  static final String CANCELLED = "cancelled";
  static final String REFUNDED = "refunded";
  static final String[] STATUSES = {WON, CANCELLED, REFUNDED};

  static final String ACCOUNT_EXECUTIVE = "account-executive";
  static final String INSIDE_SALES = "inside-sales";
  static final String MANAGER = "manager";

  static final String PLAN_FIELD_SALES = "field-sales";
  static final String PLAN_INSIDE_SALES = "inside-sales";
  static final String PLAN_NEW_HIRE = "new-hire";
  static final String PLAN_MANAGER = "manager";

  static final String[] SEGMENTS = {"enterprise", "mid-market", "smb"};
  static final String[] REGIONS = {"north", "south", "east", "west"};
  /** Index 0 is the reporting currency, which needs no FX rate. */
  static final String[] CURRENCIES = {"USD", "EUR", "GBP", "CAD"};

  static final String[] SURVEY_SOURCES = {"online", "phone_callback", "email"};
  static final String[] SEVERITIES = {"low", "medium", "high", "critical"};
  static final String[] COMPLAINT_CATEGORIES = {"billing", "delivery", "product", "service"};
  static final String[] COURSES = {"C-101", "C-102", "C-103", "C-104", "C-105"};

  static final String SCOPE_REP = "rep";
  static final String SCOPE_TEAM = "team";
  static final String MONTH = "month";
  static final String QUARTER = "quarter";
  static final String REVENUE = "revenue";
  static final String NEW_CUSTOMERS = "new_customers";
  static final String CSAT = "csat";
  static final String COMPLAINT_RATE = "complaint_rate";
  static final String RETENTION_RATE = "retention_rate";

  private Vocabulary() {}

  static int regionIndex(String region) {
    return Arrays.asList(REGIONS).indexOf(region);
  }

  /** The regular plan of a role (a new hire moves to it after the {@code new-hire} months). */
  static String planOf(String role) {
    return INSIDE_SALES.equals(role) ? PLAN_INSIDE_SALES : MANAGER.equals(role) ? PLAN_MANAGER : PLAN_FIELD_SALES;
  }
}
