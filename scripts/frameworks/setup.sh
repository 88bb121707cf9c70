#!/usr/bin/env bash
# Creates .venv-frameworks/ (once) with the CPU builds of the frameworks that the parity suite runs
# the exported scripts against, at the versions pinned in requirements.txt. Re-running it is cheap:
# an up-to-date venv is left alone (the stamp holds the requirements it was built from).
# A framework that cannot be installed fails the run with one line naming it.
set -euo pipefail
cd "$(dirname "$0")/../.."
venv=.venv-frameworks
req=scripts/frameworks/requirements.txt
python=${PYTHON:-python3}

if [ -f "$venv/.stamp" ] && cmp -s "$req" "$venv/.stamp"; then
  exit 0
fi

"$python" -c 'import sys; assert sys.version_info >= (3, 10), sys.version' ||
  { echo "frameworks: Python 3.10 or newer is needed ($python)"; exit 1; }
rm -rf "$venv"
"$python" -m venv "$venv"
# One package at a time, so a failure names the framework that could not be installed. No
# dependency resolution across the whole list is lost: each line is an exact pin.
while read -r line; do
  spec=${line%%#*}
  spec=$(echo "$spec" | tr -d '[:space:]')
  [ -z "$spec" ] && continue
  if ! "$venv/bin/pip" install --quiet --retries 1 --prefer-binary "$spec" >"$venv/pip.log" 2>&1; then
    echo "frameworks: could not install $spec (see $venv/pip.log)"
    exit 1
  fi
done <"$req"
cp "$req" "$venv/.stamp"
