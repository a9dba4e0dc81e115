#!/usr/bin/env bash
# summary: native build check without GraalVM: every function builds with quarkus.native.sources-only=true
#
# Runs the Quarkus native build steps of each function (reflection and resource registration,
# build-time initialization, substitutions, the native-image command line) up to the sources GraalVM
# would compile (functions/<fn>/target/native-sources/), and fails when a step fails. GraalVM/Mandrel
# is not needed (and not available on this machine kind). It builds the default binding (funqy-http,
# the same @Funq code and extensions as the Lambda builds): Quarkus' Amazon Lambda extensions refuse
# the native-sources package type (AmazonLambdaCommonProcessor#failForNativeSources), so the two Lambda
# bindings' own native steps run only in a real native build (infra/terraform/scripts/
# package-functions.sh). .ci/run runs it after the tests; it prints the time it took.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$FLEXTIME_ROOT"

case "${1:-}" in
  -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
esac

FUNCTIONS=(ingest validate solve export backup)
mkdir -p "$FT_LOGS"
log="$FT_LOGS/native-sources.log"
t0="$(ft_now)"
ft_step "Native sources of ${FUNCTIONS[*]}"
if ! mvn -B package -DskipTests -Dnative -Dquarkus.native.sources-only=true \
    -pl "$(printf 'functions/%s,' "${FUNCTIONS[@]}" | sed 's/,$//')" -am >"$log" 2>&1; then
  ft_tail_log "$log" 60
  ft_die "the native build steps failed (log: ${log#"$FLEXTIME_ROOT"/})"
fi
for fn in "${FUNCTIONS[@]}"; do
  [[ -s "functions/$fn/target/native-sources/native-image.args" ]] \
    || ft_die "functions/$fn/target/native-sources/native-image.args is missing after the build (log: ${log#"$FLEXTIME_ROOT"/})"
done
ft_ok "native sources of ${#FUNCTIONS[@]} functions in $(ft_since "$t0")"
