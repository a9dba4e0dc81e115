#!/usr/bin/env bash
# Builds the ten Lambda zips Terraform deploys: for each function, the events build
# (-Dlambda=events: S3, MSK and schedule entry points) and the http build (-Dlambda=http: API
# Gateway). Both builds write functions/<fn>/target/function.zip, so each is copied away at once:
#   infra/terraform/dist/<fn>-events.zip, infra/terraform/dist/<fn>-http.zip
# Native (default) needs GraalVM/Mandrel for Java 17 (provided.al2023 zips); --jvm builds JVM zips
# (set runtime_mode = "jvm"). Every zip carries the RDS CA bundle (rds-global-bundle.pem, at the root:
# /var/task/ in Lambda), which the functions verify PostgreSQL's certificate against (verify-full);
# RDS_CA_BUNDLE names a local copy instead of downloading AWS's.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
native=(-Pnative)
[[ "${1:-}" == --jvm ]] && native=()
dist=infra/terraform/dist
mkdir -p "$dist"
bundle="$dist/rds-global-bundle.pem"
if [[ -n "${RDS_CA_BUNDLE:-}" ]]; then
  cp "$RDS_CA_BUNDLE" "$bundle"
else
  curl -fsS --proto '=https' -o "$bundle" https://truststore.pki.rds.amazonaws.com/global/global-bundle.pem
fi
grep -q "BEGIN CERTIFICATE" "$bundle" || { echo "no certificate in $bundle" >&2; exit 1; }
mvn -B -q install -DskipTests -pl events,functions/core -am
for binding in events http; do
  for fn in ingest validate solve export backup; do
    mvn -B -q package -DskipTests "-Dlambda=$binding" "${native[@]}" -pl "functions/$fn"
    cp "functions/$fn/target/function.zip" "$dist/$fn-$binding.zip"
    (cd "$dist" && zip -q "$fn-$binding.zip" rds-global-bundle.pem)
    echo "$dist/$fn-$binding.zip"
  done
done
