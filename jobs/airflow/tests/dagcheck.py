"""Static checks of the salescomp DAG files, without Airflow.

A DAG file is parsed with ``ast``, never imported (Airflow is not installed here). The module's
constants are evaluated by a small evaluator that understands what the DAG files use (literals,
f-strings, ``os.environ.get``, ``timedelta``, ``",".join``, list concatenation, starred lists and
simple list comprehensions); anything else stays an ``Opaque`` value. The ``SparkSubmitOperator``
calls and the DAG's arguments are extracted as dicts, the templated fields are rendered with Jinja2
for realistic logical dates and run ids, and every rendered command line is run by salescomp's own
command line with ``--dry-run`` (arguments, config and what would run, without Spark), each in a folder
that holds the task's ``files`` as spark-submit's ``--files`` puts them in a cluster-mode driver's
working directory.
"""
import ast
import datetime
import os
import shutil
import subprocess
import tempfile
import types
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

REPO = Path(__file__).resolve().parents[3]
OPERATOR = "SparkSubmitOperator"
# SparkSubmitOperator.template_fields (apache-airflow-providers-apache-spark 4.x)
TEMPLATED = ("application", "conf", "files", "py_files", "jars", "driver_class_path", "packages",
             "exclude_packages", "keytab", "principal", "proxy_user", "name", "application_args",
             "env_vars", "properties_file")
WALL_CLOCK = {"datetime.now", "datetime.utcnow", "datetime.today", "date.today", "pendulum.now",
              "pendulum.today", "time.time", "days_ago", "datetime.datetime.now", "timezone.utcnow"}


@dataclass(frozen=True)
class Function:
    """A function defined in a DAG file or a module of the DAG folder (a callback)."""
    module: str
    name: str


@dataclass(frozen=True)
class Timetable:
    kind: str
    cron: str
    timezone: str


@dataclass(frozen=True)
class Dataset:
    uri: str


class Opaque:
    """A value the evaluator does not compute; keeps its source text."""

    def __init__(self, source):
        self.source = source

    def __repr__(self):
        return f"<opaque {self.source}>"


@dataclass
class Task:
    var: str
    kwargs: dict
    line: int

    @property
    def task_id(self):
        return self.kwargs.get("task_id")


@dataclass
class DagFile:
    path: Path
    dag_kwargs: dict
    default_args: dict
    tasks: list
    edges: set
    wall_clock_calls: list = field(default_factory=list)

    def task(self, task_id):
        return next(t for t in self.tasks if t.task_id == task_id)

    def effective(self, task, key):
        """A task's argument, or the DAG's default_args for it."""
        return task.kwargs.get(key, self.default_args.get(key))


class _Evaluator:
    def __init__(self, env, doc):
        self.names = {"__doc__": doc}
        self.env = env

    def value(self, node, local=None):
        local = local or {}
        if isinstance(node, ast.Constant):
            return node.value
        if isinstance(node, ast.Name):
            if node.id in local:
                return local[node.id]
            return self.names.get(node.id, Opaque(node.id))
        if isinstance(node, (ast.List, ast.Tuple)):
            items = []
            for elt in node.elts:
                if isinstance(elt, ast.Starred):
                    items.extend(self.value(elt.value, local))
                else:
                    items.append(self.value(elt, local))
            return items
        if isinstance(node, ast.Dict):
            return {self.value(k, local): self.value(v, local) for k, v in zip(node.keys, node.values)}
        if isinstance(node, ast.JoinedStr):
            return "".join(str(self.value(v.value, local)) if isinstance(v, ast.FormattedValue) else v.value
                           for v in node.values)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            return self.value(node.left, local) + self.value(node.right, local)
        if isinstance(node, ast.ListComp) and len(node.generators) == 1 and not node.generators[0].ifs:
            gen = node.generators[0]
            return [self.value(node.elt, {**local, gen.target.id: item}) for item in self.value(gen.iter, local)]
        if isinstance(node, ast.Call):
            return self._call(node, local)
        return Opaque(ast.unparse(node))

    def _call(self, node, local):
        name = ast.unparse(node.func)
        args = [self.value(a, local) for a in node.args]
        kwargs = {k.arg: self.value(k.value, local) for k in node.keywords if k.arg}
        if name in ("os.environ.get", "os.getenv"):
            return self.env.get(args[0], args[1] if len(args) > 1 else None)
        if name in ("timedelta", "datetime.timedelta"):
            return datetime.timedelta(*args, **kwargs)
        if isinstance(node.func, ast.Attribute) and node.func.attr == "join" and isinstance(node.func.value, ast.Constant):
            return node.func.value.value.join(args[0])
        if name == "dict":
            return kwargs
        if name in ("CronDataIntervalTimetable", "CronTriggerTimetable"):
            return Timetable(name, args[0], kwargs.get("timezone", args[1] if len(args) > 1 else None))
        if name in ("Dataset", "Asset"):
            return Dataset(args[0])
        return Opaque(ast.unparse(node))


def load(path, env=None):
    """Parses a DAG file: its DAG's arguments, default_args, SparkSubmitOperator tasks and edges."""
    path = Path(path)
    source = path.read_text()
    tree = ast.parse(source, filename=str(path))
    evaluator = _Evaluator(env if env is not None else dict(os.environ), ast.get_docstring(tree))
    dag_kwargs, tasks, edges, wall_clock = {}, [], set(), []

    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and ast.unparse(node.func) in WALL_CLOCK:
            wall_clock.append(f"{path.name}:{node.lineno}: {ast.unparse(node)}")

    def visit(statements):
        for stmt in statements:
            if isinstance(stmt, ast.ImportFrom) and stmt.module and (path.parent / f"{stmt.module}.py").is_file():
                # a helper module of the DAG folder (Airflow puts the folder on sys.path)
                helper = load_module(path.parent / f"{stmt.module}.py", evaluator.env)
                for alias in stmt.names:
                    evaluator.names[alias.asname or alias.name] = helper[alias.name]
            elif isinstance(stmt, ast.FunctionDef):
                evaluator.names[stmt.name] = Function(path.stem, stmt.name)
            elif isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
                var = stmt.targets[0].id
                if isinstance(stmt.value, ast.Call) and ast.unparse(stmt.value.func) == OPERATOR:
                    kwargs = {k.arg: evaluator.value(k.value) for k in stmt.value.keywords}
                    tasks.append(Task(var, kwargs, stmt.lineno))
                    evaluator.names[var] = tasks[-1]
                else:
                    evaluator.names[var] = evaluator.value(stmt.value)
            elif isinstance(stmt, ast.With):
                for item in stmt.items:
                    call = item.context_expr
                    if isinstance(call, ast.Call) and ast.unparse(call.func) == "DAG":
                        dag_kwargs.update({k.arg: evaluator.value(k.value) for k in call.keywords})
                visit(stmt.body)
            elif isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.BinOp):
                _chain(stmt.value, evaluator, edges)

    visit(tree.body)
    default_args = dag_kwargs.get("default_args")
    return DagFile(path, dag_kwargs, default_args if isinstance(default_args, dict) else {}, tasks, edges, wall_clock)


def load_module(path, env):
    """The module-level constants and functions of a helper module, evaluated like a DAG file's."""
    tree = ast.parse(Path(path).read_text(), filename=str(path))
    evaluator = _Evaluator(env, ast.get_docstring(tree))
    for stmt in tree.body:
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
            evaluator.names[stmt.targets[0].id] = evaluator.value(stmt.value)
        elif isinstance(stmt, ast.FunctionDef):
            evaluator.names[stmt.name] = Function(Path(path).stem, stmt.name)
    return evaluator.names


def is_dag_file(path):
    """A DAG file defines a DAG; the folder's helper modules do not."""
    return "with DAG(" in Path(path).read_text()


def _chain(node, evaluator, edges):
    """The tasks at the two ends of ``a >> b >> [c, d]``, recording each edge."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.RShift, ast.LShift)):
        left_first, left_last = _chain(node.left, evaluator, edges)
        right_first, right_last = _chain(node.right, evaluator, edges)
        upstream, downstream = (left_last, right_first) if isinstance(node.op, ast.RShift) else (right_last, left_first)
        for up in upstream:
            for down in downstream:
                edges.add((up, down))
        return left_first, right_last
    value = evaluator.value(node)
    tasks = value if isinstance(value, list) else [value]
    ids = [t.task_id for t in tasks if isinstance(t, Task)]
    return ids, ids


def airflow_context(logical_date, run_id):
    """The template variables a task sees for a scheduled run at ``logical_date`` (a subset of Airflow's)."""
    return {
        "ds": logical_date.strftime("%Y-%m-%d"),
        "ds_nodash": logical_date.strftime("%Y%m%d"),
        "ts": logical_date.isoformat(),
        "ts_nodash": logical_date.strftime("%Y%m%dT%H%M%S"),
        "run_id": run_id,
        "logical_date": logical_date,
        "data_interval_start": logical_date,
        "macros": types.SimpleNamespace(datetime=datetime.datetime, timedelta=datetime.timedelta),
    }


def render(value, context):
    """Renders a templated field as Airflow does: strings, and strings inside lists and dicts."""
    env = jinja2.Environment(undefined=jinja2.StrictUndefined)
    if isinstance(value, str):
        return env.from_string(value).render(context)
    if isinstance(value, list):
        return [render(v, context) for v in value]
    if isinstance(value, dict):
        return {k: render(v, context) for k, v in value.items()}
    return value


def rendered(task, context):
    """The task's arguments with every templated field rendered."""
    return {k: render(v, context) if k in TEMPLATED else v for k, v in task.kwargs.items()}


@dataclass
class Check:
    command: list
    exit_code: int
    output: str


class Cli:
    """salescomp's command line in a child JVM: the test classpath when Maven runs the tests, else target/."""

    def __init__(self):
        self.java = os.environ.get("SALESCOMP_JAVA") or shutil.which("java") or "java"
        classpath = os.environ.get("SALESCOMP_CLASSPATH")
        if not classpath:
            deps = (REPO / "target" / "classpath.txt").read_text().strip()
            classpath = os.pathsep.join([str(REPO / "target" / "test-classes"), str(REPO / "target" / "classes"), deps])
        self.classpath = classpath
        self._done = {}

    def run(self, main_class, args, cwd):
        """Runs the class in ``cwd``; the same command in a folder with the same files runs once."""
        folder = tuple(sorted((f.name, f.read_bytes()) for f in Path(cwd).iterdir() if f.is_file()))
        key = (main_class, tuple(args), folder)
        if key not in self._done:
            command = [self.java, "-cp", self.classpath, main_class, *args]
            done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=120)
            self._done[key] = Check([main_class, *args], done.returncode, done.stdout + done.stderr)
        return self._done[key]

    def subcommands(self):
        listing = self.run("org.salescomp.cli.Main", ["--help"], REPO).output
        commands = listing.split("Commands:", 1)[-1]
        return {line.split()[0] for line in commands.splitlines() if line.startswith("  ") and line.split()}


def driver_working_dir(task_args, parent):
    """A folder holding the task's --files by name, as in a cluster-mode driver's working directory."""
    workdir = Path(tempfile.mkdtemp(prefix=f"{task_args['task_id']}-", dir=parent))
    files = task_args.get("files") or ""
    for shipped in filter(None, (f.strip() for f in files.split(","))):
        source = Path(shipped)
        if not source.is_file():
            raise AssertionError(f"task {task_args['task_id']} ships {shipped}, which does not exist")
        shutil.copy(source, workdir / source.name)
    return workdir


def conf_args(args):
    """The --conf FILE pairs of a command line."""
    pairs = []
    for i, arg in enumerate(args):
        if arg == "--conf" and i + 1 < len(args):
            pairs += ["--conf", args[i + 1]]
        elif arg.startswith("--conf="):
            pairs.append(arg)
    return pairs


def check_task(cli, task_args, parent):
    """Runs one rendered task's command with --dry-run; returns the failed check (empty when it exits 0).

    --dry-run parses the arguments, loads and validates the config the task ships and names, checks what
    the command would do (a run's scope, a simulation's scenarios and id, a query's read-only parse), and
    stops before Spark starts: the real command line of the task, minus the cluster.
    """
    args = [str(a) for a in task_args["application_args"]]
    workdir = driver_working_dir(task_args, parent)
    if not conf_args(args):
        return [Check(args, 2, "the task names no --conf: the default conf/local.conf is not shipped")]
    dry_run = args if "--dry-run" in args else [*args, "--dry-run"]
    if args[0] == "run":
        dry_run.append("--skip-source-check")  # the DAG is checked away from the data its tasks read
    check = cli.run("org.salescomp.cli.Main", dry_run, workdir)
    return [check] if check.exit_code != 0 else []
