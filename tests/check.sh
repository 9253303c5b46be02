# Sourced by the end-to-end scripts: `check NAME COMMAND...` runs the
# command, prints "ok   NAME" or "FAIL NAME", and counts failures in
# $fails, which each script exits with.
fails=0
check() {
  local name=$1
  shift
  if "$@"; then echo "ok   $name"; else echo "FAIL $name"; fails=$((fails + 1)); fi
}
# `expect_status N COMMAND...`: the command exits with status N (its
# output is dropped).
expect_status() {
  local want=$1 rc=0
  shift
  "$@" >/dev/null 2>&1 || rc=$?
  test "$rc" -eq "$want"
}
