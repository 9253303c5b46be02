# Sourced by the end-to-end scripts: `check NAME COMMAND...` runs the
# command, prints "ok   NAME" or "FAIL NAME", and counts failures in
# $fails, which each script exits with.
fails=0
check() {
  local name=$1
  shift
  if "$@"; then echo "ok   $name"; else echo "FAIL $name"; fails=$((fails + 1)); fi
}
