package org.salescomp.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.salescomp.io.SourceTable;
import org.salescomp.testing.GeneratedSample;

/**
 * The generated data keeps the data contract: each check is a query for the rows that would break
 * it, and must find none (the data-quality gate must quarantine nothing of clean demo data).
 */
@Tag("slow")
class GeneratedContractTest {

  @BeforeAll
  static void views() {
    GeneratedSample.registerViews();
  }

  @AfterAll
  static void dropViews() {
    GeneratedSample.dropViews();
  }

  @TestFactory
  Stream<DynamicTest> schemasAreTheContractsIgnoringNullability() {
    return Arrays.stream(SourceTable.values()).map(table -> DynamicTest.dynamicTest(
        table.tableName(), () -> assertThat(fields(GeneratedSample.table(table).schema().fields()))
            .isEqualTo(fields(table.schema().fields()))));
  }

  @TestFactory
  Stream<DynamicTest> keysAreUniqueAndComplete() {
    return Arrays.stream(SourceTable.values()).map(table -> DynamicTest.dynamicTest(
        table.tableName(), () -> {
          String key = String.join(", ", table.key());
          assertNoRows(table.tableName() + " key " + key, "select " + key + " from "
              + table.tableName() + " group by " + key + " having count(*) > 1");
        }));
  }

  @TestFactory
  Stream<DynamicTest> requiredColumnsHaveNoNulls() {
    return Arrays.stream(SourceTable.values()).map(table -> DynamicTest.dynamicTest(
        table.tableName(), () -> assertNoRows(table.tableName() + " required columns",
            "select * from " + table.tableName() + " where "
                + String.join(" is null or ", table.requiredColumns()) + " is null")));
  }

  @TestFactory
  Stream<DynamicTest> noRowBreaksARule() {
    return RULES.stream().map(rule -> DynamicTest.dynamicTest(rule.name(),
        () -> assertNoRows(rule.name(), rule.sql())));
  }

  private record Rule(String name, String sql) {}

  /** "r holds a roster row on day d", for a rep row aliased r. */
  private static String holds(String r, String day) {
    return r + ".valid_from <= " + day + " and (" + r + ".valid_to is null or " + day + " < " + r
        + ".valid_to)";
  }

  private static final List<Rule> RULES = List.of(
      new Rule("deal owner holds a roster row on the close date", """
          select deal_id from deals d where not exists (
            select 1 from reps r where r.rep_id = d.owner_rep_id and %s)"""
          .formatted(holds("r", "d.close_date"))),
      new Rule("deal customer exists and was created by the close date", """
          select deal_id from deals d left join customers c using (customer_id)
          where c.customer_id is null or c.created_date > d.close_date"""),
      new Rule("deal amount positive", "select deal_id from deals where amount <= 0"),
      new Rule("deal codes from the vocabulary", """
          select deal_id from deals
          where product_category not in ('software', 'hardware', 'services', 'subscription')
             or channel not in ('direct', 'partner', 'online')
             or currency not in ('USD', 'EUR', 'GBP', 'CAD')"""),
      new Rule("won without status date; cancelled or refunded 1 to 150 days after closing", """
          select deal_id from deals
          where not (status = 'won' and status_date is null
             or status in ('cancelled', 'refunded')
                and datediff(status_date, close_date) between 1 and 150)"""),
      new Rule("every non-USD deal has a rate at most 7 days old", """
          select deal_id from deals d where currency <> 'USD' and not exists (
            select 1 from fx_rates f where f.currency = d.currency
              and f.rate_date between date_sub(d.close_date, 7) and d.close_date)"""),
      new Rule("FX rates on business days only, positive", """
          select * from fx_rates where dayofweek(rate_date) in (1, 7) or rate_to_reporting <= 0"""),
      new Rule("credits name an existing deal", """
          select deal_id from deal_credits left anti join deals using (deal_id)"""),
      new Rule("credits of a deal sum to exactly 1 over 2 or 3 reps, the owner among them", """
          select c.deal_id from deal_credits c join deals d using (deal_id)
          group by c.deal_id, d.owner_rep_id
          having sum(c.credit_pct) <> 1 or count(*) not in (2, 3)
              or sum(case when c.rep_id = d.owner_rep_id then 1 else 0 end) <> 1"""),
      new Rule("credited reps are on the owner's team on the close date", """
          select c.deal_id, c.rep_id from deal_credits c join deals d using (deal_id)
          join reps o on o.rep_id = d.owner_rep_id and %s
          where not exists (select 1 from reps r
            where r.rep_id = c.rep_id and r.team_id = o.team_id and %s)"""
          .formatted(holds("o", "d.close_date"), holds("r", "d.close_date"))),
      new Rule("roster rows of a rep are contiguous, never overlap, end the day after the termination or stay open", """
          select rep_id, valid_from from (
            select *, lead(valid_from) over (partition by rep_id order by valid_from) next_from,
              min(valid_from) over (partition by rep_id) first_from
            from reps)
          where valid_to <= valid_from
             or (next_from is not null and (valid_to is null or valid_to <> next_from))
             or (next_from is null and not (valid_to <=> date_add(termination_date, 1)
                 or (valid_to is null and termination_date is not null)))
             or first_from <> hire_date"""),
      new Rule("roster codes, teams and salaries", """
          select rep_id, valid_from from reps left join teams t using (team_id)
          where t.team_id is null
             or role not in ('account-executive', 'inside-sales', 'manager')
             or plan_id not in ('field-sales', 'inside-sales', 'new-hire', 'manager')
             or ((role = 'manager') <> (plan_id = 'manager'))
             or (role = 'inside-sales' and plan_id = 'field-sales')
             or (role <> 'inside-sales' and plan_id = 'inside-sales')
             or base_salary_monthly not between 4000 and 9000"""),
      new Rule("a rep's manager is the manager of the row's team", """
          select r.rep_id, r.valid_from from reps r join teams t using (team_id)
          where (r.role = 'manager' and r.manager_id is not null)
             or (r.role <> 'manager' and not (r.manager_id <=> t.manager_rep_id))"""),
      new Rule("a mentor is a teammate holding a row when the mentee's row starts", """
          select r.rep_id, r.valid_from from reps r where r.mentor_id is not null and not exists (
            select 1 from reps m where m.rep_id = r.mentor_id and m.team_id = r.team_id
              and %s)""".formatted(holds("m", "r.valid_from"))),
      new Rule("new-hire rows: the first three months of a rep with a mentor", """
          select rep_id from reps where plan_id = 'new-hire' and (valid_from <> hire_date
            or valid_to <> add_months(trunc(hire_date, 'MM'), 3) or mentor_id is null)"""),
      new Rule("each team is managed by a manager on it", """
          select team_id from teams t where not exists (select 1 from reps r
            where r.rep_id = t.manager_rep_id and r.role = 'manager' and r.team_id = t.team_id)"""),
      new Rule("customers: codes, and the owner exists in the customer's region", """
          select customer_id from customers c
          where segment not in ('enterprise', 'mid-market', 'smb')
             or region not in ('north', 'south', 'east', 'west')
             or (owner_rep_id is not null and not exists (
               select 1 from reps r join teams t using (team_id)
               where r.rep_id = c.owner_rep_id and t.region = c.region))"""),
      new Rule("retention: known customer, month starts, from creation, no return after churn", """
          select r.customer_id, r.month from customer_retention r
          left join customers c using (customer_id)
          where c.customer_id is null or dayofmonth(r.month) <> 1
             or r.month < trunc(c.created_date, 'MM')
             or (r.active and exists (select 1 from customer_retention p
               where p.customer_id = r.customer_id and p.month < r.month and not p.active))"""),
      new Rule("surveys: known customer, deal and rep; score 1..5; after the deal", """
          select s.survey_id from csat_surveys s left join customers c using (customer_id)
          left join deals d using (deal_id)
          where c.customer_id is null
             or (s.deal_id is not null and (d.deal_id is null or d.customer_id <> s.customer_id
               or s.survey_date < d.close_date))
             or (s.rep_id is not null and s.rep_id not in (select rep_id from reps))
             or s.score not between 1 and 5
             or s.source not in ('online', 'phone_callback', 'email')"""),
      new Rule("complaints: known customer, deal and rep; codes; resolved after opened", """
          select k.complaint_id from complaints k left join customers c using (customer_id)
          left join deals d using (deal_id)
          where c.customer_id is null
             or (k.deal_id is not null and (d.deal_id is null or d.customer_id <> k.customer_id))
             or (k.rep_id is not null and k.rep_id not in (select rep_id from reps))
             or k.severity not in ('low', 'medium', 'high', 'critical')
             or k.category not in ('billing', 'delivery', 'product', 'service')
             or k.resolved_date < k.opened_date"""),
      new Rule("targets: known rep or team, codes, periods start on the 1st, positive", """
          select * from targets t
          where not (scope = 'rep' and scope_id in (select rep_id from reps)
                  or scope = 'team' and scope_id in (select team_id from teams))
             or period_type not in ('month', 'quarter')
             or metric not in ('revenue', 'new_customers', 'csat', 'complaint_rate',
               'retention_rate')
             or dayofmonth(period_start) <> 1
             or (period_type = 'quarter' and month(period_start) not in (1, 4, 7, 10))
             or target <= 0"""),
      new Rule("a monthly quota only for a month the rep is employed in", """
          select * from targets t where period_type = 'month' and not exists (
            select 1 from reps r where r.rep_id = t.scope_id
              and r.valid_from <= last_day(t.period_start)
              and (r.valid_to is null or r.valid_to > t.period_start))"""),
      new Rule("training: known rep employed that day; course codes; passed from 70", """
          select * from training_results t where not exists (
              select 1 from reps r where r.rep_id = t.rep_id and %s)
             or course_id not in ('C-101', 'C-102', 'C-103', 'C-104', 'C-105')
             or score not between 0 and 100 or passed <> (score >= 70)"""
          .formatted(holds("r", "t.completed_date"))),
      new Rule("adjustments: known rep, approved by a manager, month start, non-zero", """
          select * from adjustments a
          where rep_id not in (select rep_id from reps)
             or approved_by not in (select rep_id from reps where role = 'manager')
             or dayofmonth(month) <> 1 or amount = 0"""));

  private static List<String> fields(StructField[] fields) {
    return Arrays.stream(fields).map(f -> f.name() + " " + f.dataType().simpleString()).toList();
  }

  private static void assertNoRows(String rule, String sql) {
    Dataset<Row> broken = GeneratedSample.spark().sql(sql);
    assertThat(broken.limit(5).collectAsList()).as(rule + ": " + sql).isEmpty();
  }
}
