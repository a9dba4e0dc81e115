#!/usr/bin/env bash
# Builds the ten Lambda zips Terraform deploys: for each function, the events build
# (-Dlambda=events: S3, MSK and schedule entry points) and the http build (-Dlambda=http: API
# Gateway). Both builds write functions/<fn>/target/function.zip, so each is copied away at once:
#   infra/terraform/dist/<fn>-events.zip, infra/terraform/dist/<fn>-http.zip
# Native (default) needs GraalVM/Mandrel for Java 17 (provided.al2023 zips); --jvm builds JVM zips
# (set runtime_mode = "jvm").
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
native=(-Pnative)
[[ "${1:-}" == --jvm ]] && native=()
dist=infra/terraform/dist
mkdir -p "$dist"
mvn -B -q install -DskipTests -pl events,functions/core -am
for binding in events http; do
  for fn in ingest validate solve export backup; do
    mvn -B -q package -DskipTests "-Dlambda=$binding" "${native[@]}" -pl "functions/$fn"
    cp "functions/$fn/target/function.zip" "$dist/$fn-$binding.zip"
    echo "$dist/$fn-$binding.zip"
  done
done
