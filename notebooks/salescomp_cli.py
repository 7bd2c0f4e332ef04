"""The project's command line from a notebook: run a subcommand, or load a query's result into pandas.

Notebooks reach the data only through `bin/salescomp` (never by reading the lakehouse files), so they
see exactly what the command line shows and keep working when the tables change place. Queries go to one
`bin/salescomp sql --stdin` process per notebook kernel, started by the first query: one JVM, not one per
query.

Environment (all optional):
  SALESCOMP_HOME  the checkout (default: the folder above this file)
  SALESCOMP_BIN   the command to run (default: $SALESCOMP_HOME/bin/salescomp)
  SALESCOMP_CONF  --conf files, separated by ':' (default: conf/local.conf), relative to SALESCOMP_HOME
"""
import io
import os
import subprocess
import tempfile
from pathlib import Path

import pandas as pd

HOME = Path(os.environ.get("SALESCOMP_HOME", Path(__file__).resolve().parent.parent)).resolve()
BIN = os.environ.get("SALESCOMP_BIN", str(HOME / "bin" / "salescomp"))
CONF = [c for c in os.environ.get("SALESCOMP_CONF", "conf/local.conf").split(os.pathsep) if c]


def run(command, *args):
    """Runs `salescomp COMMAND --conf ... ARGS` in the checkout; returns its stdout, raises on failure."""
    conf = [arg for path in CONF for arg in ("--conf", path)]
    done = subprocess.run([BIN, command, *conf, *args], cwd=HOME, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"salescomp {command} exited {done.returncode}:\n{done.stderr[-4000:]}")
    return done.stdout


class _Session:
    """One `salescomp sql --stdin` process for the notebook: one JVM and Spark session for all its queries."""

    def __init__(self):
        conf = [arg for path in CONF for arg in ("--conf", path)]
        # stderr to a file, not a pipe: a pipe nobody reads would block the process once full
        self.errors = tempfile.TemporaryFile()
        self.process = subprocess.Popen([BIN, "sql", "--stdin", *conf], cwd=HOME, stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=self.errors)

    def ask(self, query):
        # one statement per line: line breaks inside it are only white space to SQL
        self.process.stdin.write((" ".join(query.split()) + "\n").encode("utf-8"))
        self.process.stdin.flush()
        header = self.process.stdout.readline().decode("utf-8")
        if header.startswith("#salescomp-result "):
            # the answer's length is given in bytes: read exactly those, then decode
            return self.process.stdout.read(int(header.split(" ", 1)[1])).decode("utf-8")
        if header.startswith("#salescomp-error "):
            raise RuntimeError("salescomp sql: " + header.split(" ", 1)[1].strip())
        self.process.wait()
        self.errors.seek(0)
        raise RuntimeError("salescomp sql --stdin exited %s:\n%s" % (
            self.process.returncode, self.errors.read().decode("utf-8", "replace")[-4000:]))


_session = None


def sql(query):
    """A read-only query over the published tables, as a DataFrame. The first query starts one
    `salescomp sql --stdin` process; later queries reuse it (no JVM per query)."""
    global _session
    if _session is None or _session.process.poll() is not None:
        _session = _Session()
    return pd.read_csv(io.StringIO(_session.ask(query)))
