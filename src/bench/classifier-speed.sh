#!/usr/bin/env bash
# How long the review classifier takes: one 5,000-character review (target: under 1 ms) and the
# throughput over ordinary reviews. Runs the classifier on its own, outside Quarkus.
#
# Usage: src/bench/classifier-speed.sh     (about a minute, most of it compiling)
set -euo pipefail
cd "$(dirname "$0")/../.."

./mvnw -q -DskipTests test-compile
./mvnw -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
java -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" io.shopscore.insight.classify.ClassifierSpeed
