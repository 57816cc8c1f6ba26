#!/usr/bin/env bash
# Lumen's overhead benchmark, from a fresh clone with JDK 17+ and Maven:
#
#   ./benchmarks/run.sh            # full run, about 20 minutes on 2 cores
#   ./benchmarks/run.sh --quick    # CI-sized run, about 5 minutes
#
# Builds what it needs (the agent, the Spring Boot example app, the benchmarks with the official
# agent jar; tests skipped), runs io.lumen.benchmarks.OverheadBenchmark and writes
# docs/benchmarks/<date>.md, docs/benchmarks/latest.md and docs/benchmarks/<date>-ratios.png.
# --no-build reuses what was built last time. Every other option is described in
# benchmarks/README.md.
set -euo pipefail

cd "$(dirname "$0")/.."

java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
if ! command -v "$java" >/dev/null 2>&1 || ! command -v mvn >/dev/null 2>&1; then
  echo "run.sh needs a JDK 17 or newer (java on the PATH or JAVA_HOME) and Maven (mvn)." >&2
  exit 1
fi
java_major="$("$java" -XshowSettings:properties -version 2>&1 \
  | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p')"
if [[ -z "$java_major" || "$java_major" -lt 17 ]]; then
  echo "run.sh needs a JDK 17 or newer; $java is version ${java_major:-unknown}." >&2
  exit 1
fi

build=true
args=()
for arg in "$@"; do
  if [[ "$arg" == "--no-build" ]]; then
    build=false
  else
    args+=("$arg")
  fi
done

if $build; then
  echo "Building the agent, the Spring Boot example app and the benchmarks (mvn install, tests skipped)..."
  mvn -q -B -Dstyle.color=never -DskipTests install \
    -pl agent,examples/spring-boot-app,benchmarks -am
fi

target=benchmarks/target
exec "$java" -cp "$target/lumen-benchmarks.jar:$target/lib/*" \
  io.lumen.benchmarks.OverheadBenchmark "${args[@]+"${args[@]}"}"
