#!/usr/bin/env bash
# The Lumen demo, from a fresh clone with JDK 17+ and Maven:
#
#   ./demo.sh [--protocol grpc|http/protobuf] [--all-attributes]
#
# Builds only what the demo needs (the agent, the OTLP receiver, the example app; tests skipped),
# then runs io.lumen.examples.demo.Demo: an OTLP receiver on free ports inside the demo's JVM, the
# users service of examples/demo-app forked with -javaagent, a few requests, and the traces that
# arrived printed as trees. Everything the demo starts is stopped when it ends, on Ctrl-C too.
set -euo pipefail

cd "$(dirname "$0")"

java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
if ! command -v "$java" >/dev/null 2>&1 || ! command -v mvn >/dev/null 2>&1; then
  echo "demo.sh needs a JDK 17 or newer (java on the PATH or JAVA_HOME) and Maven (mvn)." >&2
  exit 1
fi
java_major="$("$java" -XshowSettings:properties -version 2>&1 \
  | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p')"
if [[ -z "$java_major" || "$java_major" -lt 17 ]]; then
  echo "demo.sh needs a JDK 17 or newer; $java is version ${java_major:-unknown}." >&2
  exit 1
fi

echo "Building the agent, the OTLP receiver and the demo app (mvn install, tests skipped)..."
mvn -q -B -Dstyle.color=never -DskipTests install -pl agent,examples/demo-app,examples/demo-runner -am

runner=examples/demo-runner/target
exec "$java" -cp "$runner/lumen-demo.jar:$(cat "$runner/demo-classpath.txt")" \
  io.lumen.examples.demo.Demo "$@"
