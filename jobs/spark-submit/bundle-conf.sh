#!/usr/bin/env bash
# Writes one self-contained config file for spark-submit --files (and so for the Airflow DAGs): the
# given HOCON file with every `include required("...")` line replaced by the included file's text,
# recursively, relative to the including file. HOCON merges repeated keys in order, so the result
# loads as the original does; `bin/salescomp validate-config` prints the same hash for both.
#
#   jobs/spark-submit/bundle-conf.sh conf/cluster.conf > salescomp.conf
set -euo pipefail

inline() {
  local file="$1" dir line included
  dir="$(dirname "$file")"
  while IFS= read -r line || [[ -n "$line" ]]; do
    if [[ "$line" =~ ^[[:space:]]*include[[:space:]]+required\(\"([^\"]+)\"\)[[:space:]]*$ ]]; then
      included="$dir/${BASH_REMATCH[1]}"
      if [[ ! -f "$included" ]]; then
        echo "bundle-conf: $file includes $included, which does not exist" >&2
        exit 2
      fi
      echo "# --- $(basename "$included") ---"
      inline "$included"
    else
      printf '%s\n' "$line"
    fi
  done < "$file"
}

if [[ $# -ne 1 ]]; then
  echo "usage: bundle-conf.sh FILE.conf > bundled.conf" >&2
  exit 2
fi
inline "$1"
