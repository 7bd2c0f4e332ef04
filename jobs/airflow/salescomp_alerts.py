"""Alerting and asset declarations shared by the salescomp DAGs (imported from the DAG folder; no DAG here).

``on_failure`` is every salescomp task's ``on_failure_callback``: it logs one line naming the DAG, the task,
the run id, the try number and the log URL, and mails it when ``SALESCOMP_ALERT_EMAIL`` is set (Airflow's
SMTP settings). It imports nothing from Airflow at module level, so the DAG tests can call it with a
context of their own.
"""
import logging
import os

log = logging.getLogger("salescomp.alerts")

LAKEHOUSE_URI = os.environ.get("SALESCOMP_LAKEHOUSE_URI", "s3://salescomp/lakehouse")
POSTGRES_URI = os.environ.get("SALESCOMP_POSTGRES_URI", "postgres://bi-db:5432/salescomp/salescomp")

# The tables the nightly run publishes (marts.PublishedCatalog, docs/published-tables.md): one Dataset
# each, so a downstream DAG (a BI refresh, an extract) can be scheduled on them.
PUBLISHED_TABLES = [
    "commission_lines",
    "payouts",
    "rep_balances",
    "kpi_rep_period",
    "kpi_team_period",
    "kpi_region_period",
    "team_awards",
    "special_awards",
    "coaching_flags",
    "dim_rep",
    "dim_team",
    "dim_month",
    "dim_plan_version",
    "quarantine",
    "period_close",
    "run_log",
]
SIMULATION_TABLES = ["scenario_payouts", "scenario_summary", "simulation_log"]


def failure_line(context):
    """The one line an alert says: which DAG, task, run and try failed, and where its log is."""
    ti = context.get("task_instance")
    task_id = getattr(ti, "task_id", None) or getattr(context.get("task"), "task_id", "?")
    return (f"salescomp: task {context.get('dag').dag_id if context.get('dag') else '?'}.{task_id} failed"
            f" (run {context.get('run_id')}, try {getattr(ti, 'try_number', '?')}): {context.get('exception')}"
            f"; log {getattr(ti, 'log_url', '?')}")


def on_failure(context):
    line = failure_line(context)
    log.error(line)
    recipients = os.environ.get("SALESCOMP_ALERT_EMAIL")
    if recipients:
        from airflow.utils.email import send_email  # only on a worker, where Airflow is installed
        send_email(to=[r.strip() for r in recipients.split(",") if r.strip()], subject=line[:200], html_content=line)
