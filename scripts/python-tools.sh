#!/usr/bin/env bash
# Makes the Python virtual environment the FHIR checks run in (.build/python-tools) with exactly
# the versions in Tests/fhir-check/requirements.txt, unless it is there already. Prints the path
# of its python. Run by .ci/run before `swift test`, and by the test itself when it is missing.
# Needs python3 with its venv module (Debian: python3-venv) and access to PyPI.
set -euo pipefail
cd "$(dirname "$0")/.."

venv=.build/python-tools
requirements=Tests/fhir-check/requirements.txt
stamp=$venv/requirements.installed

if [ -x "$venv/bin/python" ] && cmp -s "$requirements" "$stamp"; then
  echo "$PWD/$venv/bin/python"
  exit 0
fi

# Other processes (parallel test runs) may be here at the same time: one makes it, the others wait.
mkdir -p .build
exec 9>.build/python-tools.lock
flock 9
if [ -x "$venv/bin/python" ] && cmp -s "$requirements" "$stamp"; then
  echo "$PWD/$venv/bin/python"
  exit 0
fi

echo "python-tools: making $venv from $requirements" >&2
rm -rf "$venv"
if ! python3 -m venv "$venv" >&2; then
  echo "python-tools: python3 -m venv failed (on Debian: apt-get install python3-venv)" >&2
  exit 1
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$requirements" >&2
cp "$requirements" "$stamp"
echo "$PWD/$venv/bin/python"
