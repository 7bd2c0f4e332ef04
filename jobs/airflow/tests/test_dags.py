"""Static tests of the salescomp DAGs: structure, scheduling rules, and the command lines they render.

Run from the checkout's root after a build (mvn verify runs them through AirflowDagsTest):

    python3 -m unittest discover -s jobs/airflow/tests -v
"""
import datetime
import logging
import re
import shutil
import subprocess
import tempfile
import sys
import types
import unittest
from pathlib import Path

import dagcheck

AIRFLOW = dagcheck.REPO / "jobs" / "airflow"
DAG_FILES = sorted(p for p in AIRFLOW.glob("*.py") if dagcheck.is_dag_file(p))
LOGICAL_DATE = datetime.datetime(2026, 3, 30, 2, 0, tzinfo=datetime.timezone.utc)
RUN_ID = "scheduled__2026-03-30T02:00:00+00:00"
# Run ids as Airflow makes them: a scheduled run, and a manual trigger (its logical date is the trigger time)
REAL_RUNS = [
    (datetime.datetime(2026, 12, 5, 2, 0, tzinfo=datetime.timezone.utc), "scheduled__2026-12-05T02:00:00+00:00"),
    (datetime.datetime(2026, 12, 5, 10, 11, 12, 123456, tzinfo=datetime.timezone.utc),
     "manual__2026-12-05T10:11:12.123456+00:00"),
]
SIMULATION_ID = r"[A-Za-z0-9][A-Za-z0-9_.:-]*"  # SimulationJob.ID_PATTERN


def deploy_home(parent):
    """A SALESCOMP_HOME laid out as jobs/README.md says: the config bundled into one file, the scenarios, the jar."""
    home = Path(parent) / "salescomp-home"
    (home / "conf").mkdir(parents=True)
    bundled = subprocess.run([str(dagcheck.REPO / "jobs" / "spark-submit" / "bundle-conf.sh"), "conf/cluster.conf"],
                             cwd=dagcheck.REPO, check=True, capture_output=True, text=True).stdout
    (home / "conf" / "salescomp.conf").write_text(bundled)
    shutil.copytree(dagcheck.REPO / "conf" / "scenarios", home / "conf" / "scenarios")
    (home / "salescomp-spark.jar").write_bytes(b"")
    return home


class DagTestCase(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="dag-tests-")
        cls.home = deploy_home(cls.tmp)
        cls.env = {"SALESCOMP_HOME": str(cls.home)}
        cls.context = dagcheck.airflow_context(LOGICAL_DATE, RUN_ID)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def load(self, path):
        return dagcheck.load(path, self.env)


class StructureTest(DagTestCase):
    def test_the_helper_module_is_no_dag(self):
        self.assertNotIn(AIRFLOW / "salescomp_alerts.py", DAG_FILES)
        self.assertEqual(len(DAG_FILES), 3)

    def test_there_are_the_nightly_simulation_and_maintenance_dags(self):
        ids = {self.load(p).dag_kwargs.get("dag_id") for p in DAG_FILES}
        self.assertEqual(ids, {"salescomp_nightly", "salescomp_simulation", "salescomp_maintenance"})

    def test_scheduling_is_explicit(self):
        for path in DAG_FILES:
            dag = self.load(path)
            with self.subTest(dag=path.name):
                self.assertIn(dag.dag_kwargs.get("catchup"), (True, False), "catchup must be set explicitly")
                self.assertIsInstance(dag.dag_kwargs.get("max_active_runs"), int)
                schedule = dag.dag_kwargs.get("schedule")
                self.assertIsInstance(schedule, dagcheck.Timetable, "the timetable is explicit")
                self.assertEqual(schedule.kind, "CronDataIntervalTimetable")
                self.assertEqual(schedule.timezone, "UTC")
                self.assertEqual(len(schedule.cron.split()), 5, schedule.cron)
                self.assertEqual(dag.wall_clock_calls, [], "the logical date comes from the schedule, never the clock")

    def test_every_task_retries_with_backoff_and_has_a_timeout(self):
        for path in DAG_FILES:
            dag = self.load(path)
            self.assertTrue(dag.tasks, f"{path.name} has no SparkSubmitOperator")
            for task in dag.tasks:
                with self.subTest(dag=path.name, task=task.task_id):
                    self.assertGreaterEqual(dag.effective(task, "retries"), 1)
                    self.assertIs(dag.effective(task, "retry_exponential_backoff"), True)
                    self.assertIsInstance(dag.effective(task, "retry_delay"), datetime.timedelta)
                    self.assertIsInstance(dag.effective(task, "execution_timeout"), datetime.timedelta)

    def test_every_task_submits_the_shaded_jar_and_ships_the_config_it_names(self):
        for path in DAG_FILES:
            dag = self.load(path)
            for task in dag.tasks:
                with self.subTest(dag=path.name, task=task.task_id):
                    args = dagcheck.rendered(task, self.context)
                    self.assertEqual(args["java_class"], "org.salescomp.cli.Main")
                    self.assertTrue(args["application"].endswith("salescomp-spark.jar"))
                    shipped = {Path(f).name for f in args["files"].split(",")}
                    named = dagcheck.conf_args(args["application_args"])[1::2]
                    self.assertTrue(named, "the task names its config with --conf")
                    self.assertLessEqual(set(named), shipped, "every --conf file is shipped with files=")

    def test_every_task_alerts_on_failure(self):
        for path in DAG_FILES:
            dag = self.load(path)
            for task in dag.tasks:
                with self.subTest(dag=path.name, task=task.task_id):
                    self.assertEqual(dag.effective(task, "on_failure_callback"),
                                     dagcheck.Function("salescomp_alerts", "on_failure"))

    def test_the_failure_callback_logs_one_line_naming_the_task_and_run(self):
        sys.path.insert(0, str(AIRFLOW))
        try:
            import salescomp_alerts
        finally:
            sys.path.remove(str(AIRFLOW))
        context = {"dag": types.SimpleNamespace(dag_id="salescomp_nightly"), "run_id": REAL_RUNS[1][1],
                   "exception": RuntimeError("exit code 3"),
                   "task_instance": types.SimpleNamespace(task_id="run", try_number=2, log_url="http://airflow/log")}
        with self.assertLogs("salescomp.alerts", level=logging.ERROR) as logs:
            salescomp_alerts.on_failure(context)
        self.assertEqual(logs.output, ["ERROR:salescomp.alerts:salescomp: task salescomp_nightly.run failed (run "
                                       "manual__2026-12-05T10:11:12.123456+00:00, try 2): exit code 3;"
                                       " log http://airflow/log"])

    def test_the_published_tables_are_outlets_of_the_tasks_that_write_them(self):
        alerts = dagcheck.load_module(AIRFLOW / "salescomp_alerts.py", {})
        tables = alerts["PUBLISHED_TABLES"]
        readme = (dagcheck.REPO / "README.md").read_text().split("## Published tables", 1)[1].split("\n## ", 1)[0]
        self.assertEqual(tables, re.findall(r"^\| `(\w+)` \|", readme, re.M), "the README's published tables")
        nightly = self.load(AIRFLOW / "salescomp_nightly.py")
        self.assertEqual(nightly.task("run").kwargs["outlets"],
                         [dagcheck.Dataset(f"s3://salescomp/lakehouse/{t}") for t in tables])
        self.assertEqual(nightly.task("publish_postgres").kwargs["outlets"],
                         [dagcheck.Dataset(f"postgres://bi-db:5432/salescomp/salescomp/{t}") for t in tables])
        simulation = self.load(AIRFLOW / "salescomp_simulation.py")
        self.assertEqual(simulation.task("simulate").kwargs["outlets"],
                         [dagcheck.Dataset(f"s3://salescomp/lakehouse/{t}") for t in alerts["SIMULATION_TABLES"]])

    def test_the_nightly_validates_runs_checks_and_publishes_in_that_order(self):
        dag = self.load(AIRFLOW / "salescomp_nightly.py")
        self.assertEqual(dag.edges, {("validate", "run"), ("run", "check_published"),
                                     ("check_published", "publish_postgres")})
        args = dagcheck.rendered(dag.task("publish_postgres"), self.context)["application_args"]
        self.assertEqual(args, ["publish", "--target", "postgres", "--conf", "salescomp.conf"])
        self.assertIs(dag.dag_kwargs["catchup"], False)
        self.assertEqual(dag.dag_kwargs["max_active_runs"], 1)

    def test_the_nightly_passes_the_logical_date_and_the_run_id(self):
        dag = self.load(AIRFLOW / "salescomp_nightly.py")
        for task_id in ("validate", "run"):
            args = dag.task(task_id).kwargs["application_args"]
            self.assertEqual(args[args.index("--date") + 1], "{{ ds }}")
            self.assertEqual(args[args.index("--run-id") + 1], "{{ run_id }}")
        rendered = dagcheck.rendered(dag.task("run"), self.context)["application_args"]
        self.assertEqual(rendered, ["run", "--date", "2026-03-30", "--run-id", RUN_ID, "--conf", "salescomp.conf"])

    def test_tasks_that_write_the_lakehouse_share_one_pool(self):
        writers = [(p.name, t) for p in DAG_FILES for t in self.load(p).tasks
                   if t.kwargs["application_args"][0] in ("run", "simulate", "maintain")
                   and "--dry-run" not in t.kwargs["application_args"]]
        self.assertEqual(len(writers), 3)
        self.assertEqual({t.kwargs.get("pool") for _, t in writers}, {"salescomp_lakehouse"})

    def test_the_simulation_covers_last_year_and_this_year_to_date(self):
        dag = self.load(AIRFLOW / "salescomp_simulation.py")
        args = dagcheck.rendered(dag.task("simulate"), self.context)["application_args"]
        self.assertEqual(args[args.index("--from") + 1], "2025-01")
        self.assertEqual(args[args.index("--to") + 1], "2026-03")

    def test_the_simulation_id_is_valid_for_real_run_ids_and_stable_over_retries(self):
        dag = self.load(AIRFLOW / "salescomp_simulation.py")
        ids = []
        for logical_date, run_id in REAL_RUNS:
            context = dagcheck.airflow_context(logical_date, run_id)
            args = dagcheck.rendered(dag.task("simulate"), context)["application_args"]
            ids.append(args[args.index("--simulation-id") + 1])
            self.assertRegex(ids[-1], "^" + SIMULATION_ID + "$")
            again = dagcheck.rendered(dag.task("simulate"), dagcheck.airflow_context(logical_date, run_id))
            self.assertEqual(again["application_args"], args, "a retry renders the same id")
        # scheduled 2026-12-05T02:00; manual 10:11:12.123456 (microseconds dropped)
        self.assertEqual(ids, ["weekly-20261205T020000", "weekly-20261205T101112"])


class CommandLineTest(DagTestCase):
    """The rendered command lines of every task, checked by salescomp's own command line."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cli = dagcheck.Cli()
        cls.subcommands = cls.cli.subcommands()

    def check_dag(self, path, context=None):
        dag = self.load(path)
        failures = []
        for task in dag.tasks:
            args = dagcheck.rendered(task, context or self.context)
            for failed in dagcheck.check_task(self.cli, args, self.tmp):
                failures.append(f"{path.name} task {task.task_id}: {' '.join(failed.command)}\n{failed.output}")
        return failures

    def test_every_rendered_task_of_every_dag_runs_as_a_dry_run(self):
        for logical_date, run_id in REAL_RUNS:
            context = dagcheck.airflow_context(logical_date, run_id)
            for path in DAG_FILES:
                dag = self.load(path)
                self.assertLessEqual({t.kwargs["application_args"][0] for t in dag.tasks}, self.subcommands)
                with self.subTest(dag=path.name, run_id=run_id):
                    self.assertEqual(self.check_dag(path, context), [])

    def test_the_run_id_before_the_fix_fails_the_dry_run(self):
        # the simulation DAG passed {{ run_id }} as --simulation-id: a '+' the command rejects
        original = (AIRFLOW / "salescomp_simulation.py").read_text()
        broken = original.replace('"weekly-{{ ts_nodash }}"', '"{{ run_id }}"')
        self.assertNotEqual(broken, original)
        copy = Path(self.tmp) / "broken" / "run_id" / "salescomp_simulation.py"
        copy.parent.mkdir(parents=True)
        copy.write_text(broken)
        shutil.copy(AIRFLOW / "salescomp_alerts.py", copy.parent)
        failures = self.check_dag(copy, dagcheck.airflow_context(*REAL_RUNS[0]))
        self.assertEqual(len(failures), 1, failures)
        self.assertIn("--simulation-id must match", failures[0])

    def test_a_broken_copy_of_the_nightly_fails(self):
        original = (AIRFLOW / "salescomp_nightly.py").read_text()
        broken_arg = original.replace('"--run-id", "{{ run_id }}", *CONFIG_ARGS]',
                                      '"--run-id", "{{ run_id }}", "--reopen-months", "2", *CONFIG_ARGS]')
        unshipped = original.replace('files=CONFIG_FILE,\n        name="salescomp-run',
                                     'files=None,\n        name="salescomp-run')
        bad_date = original.replace('"run", "--date", "{{ ds }}", "--run-id", "{{ run_id }}", *CONFIG_ARGS]',
                                    '"run", "--date", "{{ ds_nodash }}", "--run-id", "{{ run_id }}", *CONFIG_ARGS]')
        for name, text, expected in [("unknown option", broken_arg, "Unknown options: '--reopen-months'"),
                                     ("config not shipped", unshipped, "salescomp.conf"),
                                     ("date format", bad_date, "20260330")]:
            with self.subTest(name):
                self.assertNotEqual(text, original, "the test's replacement must change the DAG")
                copy = Path(self.tmp) / "broken" / name.replace(" ", "_") / "salescomp_nightly.py"
                copy.parent.mkdir(parents=True)
                copy.write_text(text)
                shutil.copy(AIRFLOW / "salescomp_alerts.py", copy.parent)
                failures = self.check_dag(copy)
                self.assertTrue(failures, f"the broken copy ({name}) passed the check")
                self.assertTrue(all(" task run: " in f for f in failures), failures)
                self.assertIn(expected, "\n".join(failures))


if __name__ == "__main__":
    unittest.main()
