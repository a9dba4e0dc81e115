#!/usr/bin/env bash
# summary: run the test suite: stack up, then mvn -B verify [extra maven args]
#
# Starts (or checks) the local stack, exports its endpoints from .flextime/stack.env
# (FLEXTIME_PG_PORT, FLEXTIME_KAFKA_BOOTSTRAP, FLEXTIME_S3_ENDPOINT, ...), then runs the
# build at the repo root, NOT quiet (CI reads Surefire's "Tests run:" lines).
# The exit code is Maven's.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$FLEXTIME_ROOT"

case "${1:-}" in
  -h|--help)
    echo "usage: ./flextime test [maven args...]   e.g. ./flextime test -pl events -Dtest=TopicsTest"
    exit 0 ;;
esac

bash "$FLEXTIME_ROOT/scripts/stack.sh" up
ft_load_stack_env
ft_step "mvn -B verify $*"
exec mvn -B verify "$@"
