"""The project's command line from a notebook: run a subcommand, or load a query's result into pandas.

Notebooks reach the data only through `bin/salescomp` (never by reading the lakehouse files), so they
see exactly what the command line shows and keep working when the tables change place.

Environment (all optional):
  SALESCOMP_HOME  the checkout (default: the folder above this file)
  SALESCOMP_BIN   the command to run (default: $SALESCOMP_HOME/bin/salescomp)
  SALESCOMP_CONF  --conf files, separated by ':' (default: conf/local.conf), relative to SALESCOMP_HOME
"""
import io
import os
import subprocess
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


def sql(query):
    """A read-only query over the published tables, as a DataFrame (via `salescomp sql --format csv`)."""
    return pd.read_csv(io.StringIO(run("sql", "--format", "csv", query)))
