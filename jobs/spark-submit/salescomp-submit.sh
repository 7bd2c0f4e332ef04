#!/usr/bin/env bash
# Runs a salescomp subcommand on a cluster with the shaded jar (Spark itself comes from the cluster):
#
#   salescomp-submit.sh [spark-submit options --] SUBCOMMAND [ARGS...]
#
# Options before "--" go to spark-submit, everything after it to salescomp. Masters:
#   YARN:        --master yarn --deploy-mode cluster
#   Kubernetes:  --master k8s://https://<api-server>:6443 --deploy-mode cluster
#                --conf spark.kubernetes.container.image=<image>
#   standalone:  --master spark://<host>:7077
# The config: in client mode the driver reads --conf from local disk. In cluster mode ship it with the
# job; --files puts a file in the driver's working directory:
#   --files /etc/salescomp/nightly.conf -- run --date 2026-03-31 --conf nightly.conf
# conf/cluster.conf includes plans/*.conf by relative path, so ship the whole folder for it:
#   (cd conf && zip -r ../conf.zip .)
#   --archives conf.zip#conf -- run --date 2026-03-31 --conf conf/cluster.conf
# SALESCOMP_JAR overrides the jar. Driver: --driver-memory (SALESCOMP_DRIVER_MEMORY, default 4g), --driver-java-options "-D...".
# spark-submit adds Spark's Java 17 --add-opens flags to the driver and the executors itself.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
jars=("$root"/target/salescomp-*-spark.jar)
jar="${SALESCOMP_JAR:-${jars[0]}}"
if [[ ! -f "$jar" ]]; then
  echo "salescomp-submit: no shaded jar at $jar; build it with: mvn -B -DskipTests package" >&2
  exit 2
fi

submit_opts=()
for arg in "$@"; do
  if [[ "$arg" == "--" ]]; then
    while [[ "$1" != "--" ]]; do
      submit_opts+=("$1")
      shift
    done
    shift
    break
  fi
done

exec spark-submit --class org.salescomp.cli.Main --driver-memory "${SALESCOMP_DRIVER_MEMORY:-4g}" \
  "${submit_opts[@]}" "$jar" "$@"
