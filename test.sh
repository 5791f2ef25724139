#!/usr/bin/env bash
# test.sh: the project's whole test suite (README's test command).
# go vet, then every package's tests, including the golden programs under
# testdata/ (each also checked against python3 when it is on PATH).
set -euo pipefail
cd "$(dirname "$0")"
go vet ./...
go test -count=1 ./...
