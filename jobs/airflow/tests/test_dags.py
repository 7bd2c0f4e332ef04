"""Static tests of the salescomp DAGs: structure, scheduling rules, and the command lines they render.

Run from the checkout's root after a build (mvn verify runs them through AirflowDagsTest):

    python3 -m unittest discover -s jobs/airflow/tests -v
"""
import datetime
import shutil
import subprocess
import tempfile
import unittest
from pathlib import Path

import dagcheck

AIRFLOW = dagcheck.REPO / "jobs" / "airflow"
DAG_FILES = sorted(AIRFLOW.glob("*.py"))
LOGICAL_DATE = datetime.datetime(2026, 3, 30, 2, 0, tzinfo=datetime.timezone.utc)
RUN_ID = "scheduled__2026-03-30T02:00:00+00:00"


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
    def test_there_are_the_nightly_simulation_and_maintenance_dags(self):
        ids = {self.load(p).dag_kwargs.get("dag_id") for p in DAG_FILES}
        self.assertEqual(ids, {"salescomp_nightly", "salescomp_simulation", "salescomp_maintenance"})

    def test_scheduling_is_explicit(self):
        for path in DAG_FILES:
            dag = self.load(path)
            with self.subTest(dag=path.name):
                self.assertIn(dag.dag_kwargs.get("catchup"), (True, False), "catchup must be set explicitly")
                self.assertIsInstance(dag.dag_kwargs.get("max_active_runs"), int)
                self.assertIsInstance(dag.dag_kwargs.get("schedule"), str)
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

    def test_the_nightly_validates_runs_and_checks_in_that_order(self):
        dag = self.load(AIRFLOW / "salescomp_nightly.py")
        self.assertEqual(dag.edges, {("validate", "run"), ("run", "check_published")})
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


class CommandLineTest(DagTestCase):
    """The rendered command lines of every task, checked by salescomp's own command line."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cli = dagcheck.Cli()
        cls.subcommands = cls.cli.subcommands()

    def check_dag(self, path):
        dag = self.load(path)
        failures = []
        for task in dag.tasks:
            args = dagcheck.rendered(task, self.context)
            for failed in dagcheck.check_task(self.cli, args, self.tmp):
                failures.append(f"{path.name} task {task.task_id}: {' '.join(failed.command)}\n{failed.output}")
        return failures

    def test_the_cli_accepts_every_rendered_task_of_every_dag(self):
        for path in DAG_FILES:
            dag = self.load(path)
            missing = {t.kwargs["application_args"][0] for t in dag.tasks} - self.subcommands
            with self.subTest(dag=path.name):
                if missing:
                    self.skipTest(f"salescomp has no subcommand {sorted(missing)} yet")
                self.assertEqual(self.check_dag(path), [])

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
                failures = self.check_dag(copy)
                self.assertTrue(failures, f"the broken copy ({name}) passed the check")
                self.assertTrue(all(" task run: " in f for f in failures), failures)
                self.assertIn(expected, "\n".join(failures))


if __name__ == "__main__":
    unittest.main()
