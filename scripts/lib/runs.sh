# Shared by scripts/check-determinism and scripts/chaos: the standalone cluster's lifecycle, runs of `optimize` in
# the background, waiting on their logs, killing a worker mid-run, and finding a run's directories.
# Source it after scripts/lib/common.sh, with "here" set to the repository root.

# ---- runs and their directories ----

# The published run under OUT (a run's staging directory starts with a dot and is not one).
run_dir() {
  find "$1" -mindepth 1 -maxdepth 1 -type d ! -name '.*' 2>/dev/null | sort | tail -1
}

# The staging directories (interrupted or failed runs) under OUT, one a line.
staging_dirs() {
  find "$1" -mindepth 1 -maxdepth 1 -type d -name '.*.staging' 2>/dev/null | sort
}

# Committed blocks of the run staged or published in DIR (its blocks/*.done markers).
committed_blocks() {
  find "$1/blocks" -maxdepth 1 -name 'block-*.done' 2>/dev/null | wc -l
}

# Runs COMMAND... with stdout and stderr to LOG; sets RUN_EXIT and RUN_SECONDS; never fails itself.
run_logged() {
  local log="$1" start=$SECONDS
  shift
  RUN_EXIT=0
  "$@" >"$log" 2>&1 || RUN_EXIT=$?
  RUN_SECONDS=$((SECONDS - start))
}

# Waits until a line of LOG matches the extended regex REGEX while process PID runs: 0 when it matched, 1 when the
# process ended first or TIMEOUT seconds (default 600) passed.
wait_for_log() {
  local log="$1" regex="$2" pid="$3" timeout="${4:-600}" start=$SECONDS
  while kill -0 "$pid" 2>/dev/null; do
    if grep -qE "$regex" "$log" 2>/dev/null; then
      return 0
    fi
    if [ $((SECONDS - start)) -gt "$timeout" ]; then
      return 1
    fi
    sleep 0.2
  done
  return 1
}

# ---- the standalone cluster ----

# Whether something listens on 127.0.0.1:PORT.
port_busy() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Brings up a standalone cluster (scripts/standalone-cluster) and sets CLUSTER_MASTER (its URL), CLUSTER_DIR (PIDs and
# logs) and CLUSTER_STARTED (1 when this call started it; cluster_down stops only such a cluster). This worktree's
# running cluster is reused; when another one (another checkout's) holds the default ports, a private cluster is
# started on free ones, so that our workers never join someone else's master.
cluster_up() {
  local default_dir="$here/target/standalone-cluster"
  CLUSTER_STARTED=0
  export PLATEAU_CLUSTER_DIR="${PLATEAU_CLUSTER_DIR:-$default_dir}"
  export PLATEAU_MASTER_PORT="${PLATEAU_MASTER_PORT:-7077}" PLATEAU_MASTER_UI_PORT="${PLATEAU_MASTER_UI_PORT:-8080}"
  if ! "$here/scripts/standalone-cluster" status 2>/dev/null | grep -q 'master: running'; then
    local port="$PLATEAU_MASTER_PORT" ui="$PLATEAU_MASTER_UI_PORT" workers="${PLATEAU_WORKERS:-2}" w busy
    for _ in $(seq 1 20); do
      busy=0
      for p in "$port" $(seq "$ui" $((ui + workers))); do
        if port_busy "$p"; then busy=1; fi
      done
      [ "$busy" = 0 ] && break
      port=$((port + 100))
      ui=$((ui + 100))
    done
    if [ "$port" != "$PLATEAU_MASTER_PORT" ]; then
      echo "cluster: ports $PLATEAU_MASTER_PORT/$PLATEAU_MASTER_UI_PORT are taken (another checkout's cluster?);" \
        "starting a private one on $port/$ui" >&2
      export PLATEAU_CLUSTER_DIR="$here/target/standalone-cluster-$port" PLATEAU_MASTER_PORT="$port" \
        PLATEAU_MASTER_UI_PORT="$ui"
    fi
    CLUSTER_STARTED=1
  fi
  "$here/scripts/standalone-cluster" start >/dev/null
  CLUSTER_DIR="$PLATEAU_CLUSTER_DIR"
  CLUSTER_MASTER="spark://127.0.0.1:$PLATEAU_MASTER_PORT"
  for w in $(seq 1 "${PLATEAU_WORKERS:-2}"); do
    if ! grep -q "Successfully registered with master" "$CLUSTER_DIR/logs/worker-$w.log" 2>/dev/null; then
      echo "cluster: worker $w did not register with $CLUSTER_MASTER (see $CLUSTER_DIR/logs)" >&2
      return 1
    fi
  done
}

# Restarts the cluster's workers that are not running (after one was killed).
cluster_heal() {
  "$here/scripts/standalone-cluster" start >/dev/null
}

# Stops the cluster if cluster_up started it.
cluster_down() {
  if [ "${CLUSTER_STARTED:-0}" = 1 ]; then
    "$here/scripts/standalone-cluster" stop >/dev/null
    CLUSTER_STARTED=0
  fi
}

# Kills worker N (default 1) of the cluster with SIGKILL (its executor follows it); prints the worker's PID.
kill_worker() {
  local pid
  pid="$(cat "$CLUSTER_DIR/worker-${1:-1}.pid")"
  kill -9 "$pid"
  echo "$pid"
}

# Submits `optimize ARGS...` to the cluster with --out OUT and LOG as its log, kills worker 1 (kill -9) once the first
# block has committed, and waits for the run. Sets KILLED_WORKER (the PID, empty when the run ended before a block
# committed) and RUN_EXIT, RUN_SECONDS as run_logged does; restarts the killed worker afterwards.
submit_killing_worker() {
  local out="$1" log="$2" start=$SECONDS pid
  shift 2
  "$here/scripts/submit" --master "$CLUSTER_MASTER" optimize "$@" --out "$out" >"$log" 2>&1 &
  pid=$!
  KILLED_WORKER=""
  if wait_for_log "$log" '^  blocks 1/' "$pid"; then
    KILLED_WORKER="$(kill_worker 1)"
  fi
  RUN_EXIT=0
  wait "$pid" || RUN_EXIT=$?
  RUN_SECONDS=$((SECONDS - start))
  cluster_heal
}
