#!/usr/bin/env bash
# The static tests of the Airflow DAGs (jobs/airflow/tests, run by mvn verify) need python3 with jinja2.
set -euo pipefail
for python in python3 /usr/bin/python3; do
  if "$python" -c 'import jinja2' 2>/dev/null; then
    exit 0
  fi
done
apt-get update -qq
apt-get install -y -qq python3 python3-jinja2 >/dev/null
