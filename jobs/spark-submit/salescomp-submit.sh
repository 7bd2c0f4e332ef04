#!/usr/bin/env bash
# Runs a salescomp subcommand on a cluster with the shaded jar (Spark itself comes from the cluster):
#
#   salescomp-submit.sh [spark-submit options --] SUBCOMMAND [ARGS...]
#
# Options before "--" go to spark-submit, everything after it to salescomp. The Airflow DAGs
# (jobs/airflow/) submit the same command lines; jobs/README.md is the deploy guide. Masters:
#   YARN:        --master yarn --deploy-mode cluster [--queue Q]
#   Kubernetes:  --master k8s://https://<api-server>:6443 --deploy-mode cluster
#                --conf spark.kubernetes.container.image=<image with Spark 3.5, Scala 2.12, Java 17>
#                --conf spark.kubernetes.file.upload.path=<s3a:// or hdfs:// folder for --files and the jar>
#   standalone:  --master spark://<host>:7077 (client mode: the driver runs here)
# The config: in client mode the driver reads --conf from local disk. In cluster mode (YARN, Kubernetes)
# ship it with the job: --files puts it in the driver's working directory, so --conf names it bare.
# Make one file of a config and the plans it includes with bundle-conf.sh:
#   jobs/spark-submit/bundle-conf.sh conf/cluster.conf > salescomp.conf
#   salescomp-submit.sh --master yarn --deploy-mode cluster --files salescomp.conf \
#     -- run --date 2026-03-31 --run-id nightly_2026-03-31 --conf salescomp.conf
# Resources: --properties-file with lines like spark-defaults.conf.example, or --conf KEY=VALUE.
# SALESCOMP_JAR overrides the jar. Driver: --driver-memory (SALESCOMP_DRIVER_MEMORY, default 4g),
# --driver-java-options "-Dsalescomp.KEY=VALUE" (system properties win over the --conf files).
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
