"""salescomp nightly: recompute the open months and publish them, on the team's Spark cluster.

Tasks, each safe to retry (a retry repeats the same command with the same logical date and run id):

- ``validate``: ``run --dry-run`` checks the arguments and the whole configuration (sources, plans)
  without starting Spark. Cheap, and it stops a bad deploy before the cluster is asked for anything.
- ``run``: the nightly job for the logical date ``{{ ds }}``: reads the sources (the data-quality gate
  stops it before any write, exit 3), computes, and publishes. Publishing is part of this task: each
  table replaces exactly the run's months in one Delta commit carrying the run id, so there is no
  half-published state to clean up and a retry replaces the same months again.
- ``check_published``: a read-only query that fails unless run_log holds this run as succeeded.
- ``publish_postgres``: copies the published tables into the BI schema of PostgreSQL in one transaction
  (``publish --target postgres``); the password comes from the driver's environment or a mounted file
  (``salescomp.publish.postgres.password-env`` / ``password-file``), never from the DAG.

Every command also takes ``--dry-run`` (arguments and config checked, no Spark, nothing written); the DAG
tests run each task's rendered command that way. The ``run`` task's outlets are the published Delta tables
and ``publish_postgres``'s the PostgreSQL copies, as Datasets a downstream DAG can be scheduled on. A failed
task calls ``salescomp_alerts.on_failure`` (a log line, and a mail when ``SALESCOMP_ALERT_EMAIL`` is set).

The logical date comes from the schedule (``{{ ds }}``), never from the wall clock: a rerun of an old
DAG run recomputes that date. The timetable is explicit, ``CronDataIntervalTimetable`` in UTC: the run
at 02:00 on day D+1 covers the interval starting on D, so ``{{ ds }}`` is D, the last complete day
(the same under Airflow 2 and 3, whose defaults for a cron string differ). catchup is off because every run recomputes its month and
``salescomp.run.reopen-months`` months before it, so the next run heals a missed night; backfill with
``airflow dags backfill`` or ``run --from --to``. One active run at a time, and the tasks that write
the lakehouse share the ``salescomp_lakehouse`` pool (one slot) with maintenance and simulations.

Deploy (see jobs/README.md): the shaded jar and ``conf/salescomp.conf`` under ``SALESCOMP_HOME``,
and a Spark connection ``spark_default`` for YARN or Kubernetes in cluster deploy mode, where
spark-submit's ``--files`` puts the config in the driver's working directory.
"""
import os
from datetime import timedelta

import pendulum
from airflow import DAG
from airflow.datasets import Dataset
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator
from airflow.timetables.interval import CronDataIntervalTimetable
from salescomp_alerts import LAKEHOUSE_URI, POSTGRES_URI, PUBLISHED_TABLES, SIMULATION_TABLES, on_failure

SALESCOMP_HOME = os.environ.get("SALESCOMP_HOME", "/opt/salescomp")
JAR = f"{SALESCOMP_HOME}/salescomp-spark.jar"
MAIN_CLASS = "org.salescomp.cli.Main"
CONFIG_FILE = f"{SALESCOMP_HOME}/conf/salescomp.conf"
# --files ships the config; the driver finds it by name in its working directory
CONFIG_ARGS = ["--conf", "salescomp.conf"]
SPARK_CONN = "spark_default"
LAKEHOUSE_POOL = "salescomp_lakehouse"

default_args = {
    "owner": "salescomp",
    "retries": 3,
    "retry_delay": timedelta(minutes=5),
    "retry_exponential_backoff": True,
    "max_retry_delay": timedelta(hours=1),
    "execution_timeout": timedelta(hours=3),
    "on_failure_callback": on_failure,
}

with DAG(
    dag_id="salescomp_nightly",
    description="salescomp: recompute and publish the open months",
    schedule=CronDataIntervalTimetable("0 2 * * *", timezone="UTC"),
    start_date=pendulum.datetime(2026, 1, 1, tz="UTC"),
    catchup=False,
    max_active_runs=1,
    default_args=default_args,
    tags=["salescomp"],
    doc_md=__doc__,
) as dag:
    validate = SparkSubmitOperator(
        task_id="validate",
        conn_id=SPARK_CONN,
        application=JAR,
        java_class=MAIN_CLASS,
        files=CONFIG_FILE,
        name="salescomp-validate-{{ ds }}",
        application_args=["run", "--date", "{{ ds }}", "--run-id", "{{ run_id }}", *CONFIG_ARGS, "--dry-run"],
        execution_timeout=timedelta(minutes=15),
    )

    run = SparkSubmitOperator(
        task_id="run",
        conn_id=SPARK_CONN,
        application=JAR,
        java_class=MAIN_CLASS,
        files=CONFIG_FILE,
        name="salescomp-run-{{ ds }}",
        application_args=["run", "--date", "{{ ds }}", "--run-id", "{{ run_id }}", *CONFIG_ARGS],
        pool=LAKEHOUSE_POOL,
        execution_timeout=timedelta(hours=3),
        outlets=[Dataset(f"{LAKEHOUSE_URI}/{table}") for table in PUBLISHED_TABLES],
    )

    check_published = SparkSubmitOperator(
        task_id="check_published",
        conn_id=SPARK_CONN,
        application=JAR,
        java_class=MAIN_CLASS,
        files=CONFIG_FILE,
        name="salescomp-check-{{ ds }}",
        application_args=[
            "sql",
            "select assert_true(count(*) = 1, 'run_log has no succeeded run {{ run_id }}') as published"
            " from run_log where run_id = '{{ run_id }}' and status = 'succeeded'",
            *CONFIG_ARGS,
        ],
        execution_timeout=timedelta(minutes=30),
    )

    publish_postgres = SparkSubmitOperator(
        task_id="publish_postgres",
        conn_id=SPARK_CONN,
        application=JAR,
        java_class=MAIN_CLASS,
        files=CONFIG_FILE,
        name="salescomp-publish-{{ ds }}",
        application_args=["publish", "--target", "postgres", *CONFIG_ARGS],
        execution_timeout=timedelta(hours=1),
        outlets=[Dataset(f"{POSTGRES_URI}/{table}") for table in PUBLISHED_TABLES],
    )

    validate >> run >> check_published >> publish_postgres
