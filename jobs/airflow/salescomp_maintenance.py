"""salescomp weekly maintenance: OPTIMIZE and VACUUM of every published table.

``maintain`` compacts the small files nightly runs leave and vacuums files older than
``salescomp.maintenance.vacuum-retention-hours`` (default 720 = 30 days: a published version stays
readable that long, for ``rerun --verify``, audits and restores). It takes the ``salescomp_lakehouse``
pool slot, so it never runs while a nightly run or a simulation writes. Safe to retry: OPTIMIZE and
VACUUM of an already maintained table do nothing.
"""
import os
from datetime import timedelta

import pendulum
from airflow import DAG
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator
from airflow.timetables.interval import CronDataIntervalTimetable
from salescomp_alerts import on_failure

SALESCOMP_HOME = os.environ.get("SALESCOMP_HOME", "/opt/salescomp")
JAR = f"{SALESCOMP_HOME}/salescomp-spark.jar"
MAIN_CLASS = "org.salescomp.cli.Main"
CONFIG_FILE = f"{SALESCOMP_HOME}/conf/salescomp.conf"
CONFIG_ARGS = ["--conf", "salescomp.conf"]
SPARK_CONN = "spark_default"
LAKEHOUSE_POOL = "salescomp_lakehouse"

default_args = {
    "owner": "salescomp",
    "retries": 2,
    "retry_delay": timedelta(minutes=15),
    "retry_exponential_backoff": True,
    "max_retry_delay": timedelta(hours=2),
    "execution_timeout": timedelta(hours=2),
    "on_failure_callback": on_failure,
}

with DAG(
    dag_id="salescomp_maintenance",
    description="salescomp: compact and vacuum the published tables",
    schedule=CronDataIntervalTimetable("0 4 * * 0", timezone="UTC"),
    start_date=pendulum.datetime(2026, 1, 4, tz="UTC"),
    catchup=False,
    max_active_runs=1,
    default_args=default_args,
    tags=["salescomp"],
    doc_md=__doc__,
) as dag:
    maintain = SparkSubmitOperator(
        task_id="maintain",
        conn_id=SPARK_CONN,
        application=JAR,
        java_class=MAIN_CLASS,
        files=CONFIG_FILE,
        name="salescomp-maintain-{{ ds }}",
        application_args=["maintain", "--run-id", "{{ run_id }}", *CONFIG_ARGS],
        pool=LAKEHOUSE_POOL,
    )
