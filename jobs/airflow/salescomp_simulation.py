"""salescomp weekly plan simulation: the scenarios of conf/scenarios against the plans in force.

One task, ``simulate``: every scenario file over the previous calendar year and the current year to
the logical date's month, compared with the actual plans, in one Spark job. Its rows carry the id
``weekly-<ts_nodash>`` (``weekly-20261207T060000``), derived from the logical date: Airflow's run ids
(``scheduled__2026-12-07T06:00:00+00:00``) hold a ``+``, which a simulation id may not (it names the
report file). A retry of a DAG run gets the same id and replaces its rows; a manual run has its own
logical date and so its own id. It shares the ``salescomp_lakehouse`` pool with the nightly run
and maintenance, so it never writes while they do. The scenario files and the config are shipped with
``files=``; the driver reads them by name from its working directory (cluster deploy mode).
"""
import os
from datetime import timedelta

import pendulum
from airflow import DAG
from airflow.datasets import Dataset
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator
from airflow.timetables.interval import CronDataIntervalTimetable
from salescomp_alerts import LAKEHOUSE_URI, SIMULATION_TABLES, on_failure

SALESCOMP_HOME = os.environ.get("SALESCOMP_HOME", "/opt/salescomp")
JAR = f"{SALESCOMP_HOME}/salescomp-spark.jar"
MAIN_CLASS = "org.salescomp.cli.Main"
CONFIG_FILE = f"{SALESCOMP_HOME}/conf/salescomp.conf"
CONFIG_ARGS = ["--conf", "salescomp.conf"]
SCENARIO_DIR = f"{SALESCOMP_HOME}/conf/scenarios"
SCENARIOS = [
    "higher-accelerator.conf",
    "software-push.conf",
    "gate-and-cap.conf",
    "stricter-cx.conf",
    "team-pool.conf",
    "inside-on-field-plan.conf",
]
SPARK_CONN = "spark_default"
LAKEHOUSE_POOL = "salescomp_lakehouse"

default_args = {
    "owner": "salescomp",
    "retries": 2,
    "retry_delay": timedelta(minutes=10),
    "retry_exponential_backoff": True,
    "max_retry_delay": timedelta(hours=1),
    "execution_timeout": timedelta(hours=4),
    "on_failure_callback": on_failure,
}

with DAG(
    dag_id="salescomp_simulation",
    description="salescomp: plan scenarios against the plans in force",
    schedule=CronDataIntervalTimetable("0 6 * * 1", timezone="UTC"),
    start_date=pendulum.datetime(2026, 1, 5, tz="UTC"),
    catchup=False,
    max_active_runs=1,
    default_args=default_args,
    tags=["salescomp"],
    doc_md=__doc__,
) as dag:
    simulate = SparkSubmitOperator(
        task_id="simulate",
        conn_id=SPARK_CONN,
        application=JAR,
        java_class=MAIN_CLASS,
        files=",".join([CONFIG_FILE] + [f"{SCENARIO_DIR}/{name}" for name in SCENARIOS]),
        name="salescomp-simulate-{{ ds }}",
        application_args=[
            "simulate",
            "--scenarios", *SCENARIOS,
            "--from", "{{ logical_date.year - 1 }}-01",
            "--to", "{{ logical_date.strftime('%Y-%m') }}",
            "--baseline", "actual",
            "--simulation-id", "weekly-{{ ts_nodash }}",
            *CONFIG_ARGS,
        ],
        pool=LAKEHOUSE_POOL,
        outlets=[Dataset(f"{LAKEHOUSE_URI}/{table}") for table in SIMULATION_TABLES],
    )
