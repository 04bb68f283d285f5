#!/usr/bin/env bash
# An AllianceTracker cluster on this machine, supervised: PostgreSQL (Debian's, its own cluster in
# a data folder that outlives the script), N app instances on it and nginx in front, all on
# 127.0.0.1. An instance that exits for any reason is started again. docs/deployment.md.
#
#   deploy/cluster.sh [start] [--port 8080] [--instances 2] [--no-build | --app PUBLISHED.dll]
#                     [--data DIR | --throwaway] [--streams-per-client N] [--with-parent]
#   deploy/cluster.sh status    [--port 8080 | --data DIR]
#   deploy/cluster.sh restart N|postgresql [--port 8080 | --data DIR]
#   deploy/cluster.sh stop      [--port 8080 | --data DIR] [--delete-data]
#
# start (the default) prints "READY <url>" once every instance answers through nginx (tests wait
# for that line), then supervises until Ctrl+C, SIGTERM or `stop`, which stop everything in order.
# The data folder (PostgreSQL's data, the editor's password) is kept and reused by the next start:
# ${XDG_STATE_HOME:-~/.local/state}/alliancetracker-cluster/PORT, or /var/lib/alliancetracker-cluster/PORT
# as root. --throwaway uses a new temporary folder and deletes it at exit; `stop --delete-data` deletes
# a kept one. --with-parent stops everything once the process that started the script is gone (a
# test host that crashed or timed out leaves no PostgreSQL behind). Installs postgresql and nginx
# with apt when missing and run as root.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() { sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; }
say() { printf 'cluster.sh: %s\n' "$*" 2>/dev/null || true; }   # never dies on a closed stdout
fail() { printf 'cluster.sh: %s\n' "$*" >&2; exit 1; }
# Whoever reads our output may go away (a pipe to head, a test that stopped reading): a write
# then fails quietly instead of killing the supervisor and orphaning the cluster.
trap '' PIPE

command=start
port=8080
instances=2
build=1
published=""
data_option=""
throwaway=0
delete_data=0
streams_per_client=""
restart_which=""
watch_parent=""
positive() { [[ "$2" =~ ^[1-9][0-9]*$ ]] || { echo "cluster.sh: $1 needs a positive number, not '$2'" >&2; exit 2; }; }
while [ $# -gt 0 ]; do
  case "$1" in
    start|status|stop) command="$1"; shift ;;
    restart) command=restart
             if [ "${2:-}" = postgresql ]; then restart_which=postgresql; else positive "restart" "${2:-}"; restart_which="$2"; fi
             shift 2 ;;
    --port) positive "$1" "${2:-}"; port="$2"; shift 2 ;;
    --instances) positive "$1" "${2:-}"; instances="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    --app) [ -f "${2:-}" ] || { echo "cluster.sh: --app needs a published AllianceTracker.Web.dll" >&2; exit 2; }
           published="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"; shift 2 ;;
    --data) [ -n "${2:-}" ] || { echo "cluster.sh: --data needs a folder" >&2; exit 2; }
            data_option="$(realpath -m "$2")"; shift 2 ;;
    --throwaway) throwaway=1; shift ;;
    --with-parent) watch_parent=$PPID; shift ;;
    --delete-data) delete_data=1; shift ;;
    --streams-per-client) positive "$1" "${2:-}"; streams_per_client="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "cluster.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
[ "$throwaway" = 1 ] && [ -n "$data_option" ] && { echo "cluster.sh: --throwaway or --data, not both" >&2; exit 2; }

# ---------------------------------------------------------------------------------------------
# Where things live. The data folder holds what must survive the script:
#   pg/                   PostgreSQL's data (owned by postgres when run as root)
#   editor-password.txt   the editor's sign-in (owner-only)
#   log/                  instance-N.log, nginx-error.log, postgresql.log (appended, kept)
#   run/                  while running only: state (the supervisor's pid, every instance's pid,
#                         port and restarts), nginx's configuration, pid and temp folders, the
#                         PostgreSQL socket, restart requests. `stop` and `status` read run/state.
#   .alliancetracker-cluster   marks the folder as ours: only such a folder is ever deleted.
default_data() {
  if [ "$(id -u)" = 0 ]; then
    # Root's home is 0700 and PostgreSQL runs as the postgres user, who must reach its data.
    echo "/var/lib/alliancetracker-cluster/$port"
  else
    echo "${XDG_STATE_HOME:-$HOME/.local/state}/alliancetracker-cluster/$port"
  fi
}

set_paths() { # set_paths DATA
  data="$1"
  run="$data/run"
  logs="$data/log"
  state="$run/state"
}

# Which cluster a subcommand means: --data, else the port's kept folder, else a throwaway cluster
# on that port (its temporary folder says its port in run/state).
locate() {
  if [ -n "$data_option" ]; then set_paths "$data_option"; return; fi
  set_paths "$(default_data)"
  [ -f "$state" ] && return
  local candidate
  for candidate in "${TMPDIR:-/tmp}"/alliance-cluster.*/run/state; do
    if [ -f "$candidate" ] && [ "$(state_get port "$candidate")" = "$port" ]; then
      set_paths "${candidate%/run/state}"
      return
    fi
  done
}

state_get() { # state_get KEY [FILE]: the value of a "KEY value" line of run/state
  awk -v key="$1" '$1 == key { print $2; exit }' "${2:-$state}" 2>/dev/null || true
}
state_instances() { # the numbers of the instances in run/state
  awk '$1 == "instance" { print $2 }' "$state" 2>/dev/null || true
}
state_instance() { # state_instance N: "PID PORT RESTARTS" of instance N
  awk -v n="$1" '$1 == "instance" && $2 == n { print $3, $4, $5; exit }' "$state" 2>/dev/null || true
}

# ---------------------------------------------------------------------------------------------
# Processes. Everything is started in its own session (setsid): Ctrl+C reaches the supervisor
# alone, which stops things in order, and a group (nginx's master and workers) can be stopped as
# one even when its leader was SIGKILLed and left its workers behind.

alive() { # alive PID: running (a zombie, exited but not yet reaped, is not)
  local stat
  [ -n "${1:-}" ] && [ "$1" != 0 ] || return 1
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  stat=${stat##*) }
  [ "${stat%% *}" != Z ]
}

# ours PID: a process this cluster started — pid files outlive their processes, and a pid may
# have been given to someone else's process since. Instances carry ALLIANCE_CLUSTER_DATA in their
# environment; nginx (which rewrites its environment) is known by its command line.
ours() {
  alive "${1:-}" || return 1
  tr '\0' '\n' <"/proc/$1/environ" 2>/dev/null | grep -qxF "ALLIANCE_CLUSTER_DATA=$data" && return 0
  tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null | grep -qF "$run/nginx/"
}

wait_gone() { # wait_gone SECONDS PID...: until none is alive, or the time is up (then 1)
  local deadline=$(( $(now_ms) + $1 * 1000 )) pid left
  shift
  while :; do
    left=0
    for pid in "$@"; do alive "$pid" && left=1; done
    [ "$left" = 0 ] && return 0
    [ "$(now_ms)" -ge "$deadline" ] && return 1
    sleep 0.1
  done
}

now_ms() { local t=${EPOCHREALTIME//[!0-9]/}; echo $(( t / 1000 )); }
seconds_since() { local ms=$(( $(now_ms) - $1 )); printf '%d.%d s' $(( ms / 1000 )) $(( ms % 1000 / 100 )); }

# nginx_group PGID: the nginx processes in that process group (a master and its workers). Checked
# by name, so a stale pid file never makes us signal a group that is someone else's now.
nginx_group() {
  local f s pgrp
  [ -n "${1:-}" ] && [ "$1" != 0 ] || return 0
  for f in /proc/[0-9]*/stat; do
    s=$(cat "$f" 2>/dev/null) || continue
    [[ "$s" == *" (nginx) "* ]] || continue
    s=${s##*) }
    read -r _ _ pgrp _ <<<"$s"
    if [ "$pgrp" = "$1" ]; then f=${f#/proc/}; echo "${f%/stat}"; fi
  done
}

# No curl or python on a bare machine: bash's /dev/tcp does.
free_port() {
  local candidate
  while :; do
    candidate=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then echo "$candidate"; return; fi
  done
}
# ready PORT: /healthz/ready answers 200 within 2 s. The read has a timeout because a hung
# (stopped) instance still accepts connections — the kernel does that — and then says nothing.
ready() {
  local status
  status=$( (exec 3<>"/dev/tcp/127.0.0.1/$1" \
    && printf 'GET /healthz/ready HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3 \
    && IFS= read -r -t 2 line <&3 && printf '%s' "$line") 2>/dev/null) || return 1
  [[ "$status" == *" 200 "* ]]
}

pgbin() { # the newest PostgreSQL installed (Debian keeps each major version in its own folder)
  local newest
  newest=$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  if [ -d "$newest" ]; then echo "$newest"; fi
}
as_postgres=()
[ "$(id -u)" = 0 ] && as_postgres=(runuser -u postgres --)

# The graceful stop, for the supervisor and for `stop` after a supervisor that was SIGKILLed:
# the instances first (SIGTERM: they drain their streams and exit within 5 s; SIGKILL after 10 s),
# then nginx (SIGQUIT: finish what is in flight), then PostgreSQL (fast: roll back, close, stop).
# stop_processes INSTANCE-PID... (nginx and PostgreSQL are found through their own pid files).
stop_processes() {
  local pid pids=() nginx_pid pg leftover
  for pid in "$@"; do ours "$pid" && pids+=("$pid"); done
  if [ "${#pids[@]}" -gt 0 ]; then
    for pid in "${pids[@]}"; do
      kill -TERM "$pid" 2>/dev/null || true
      kill -CONT "$pid" 2>/dev/null || true   # a stopped (SIGSTOP) instance handles TERM only once continued
    done
    if ! wait_gone 10 "${pids[@]}"; then
      for pid in "${pids[@]}"; do
        alive "$pid" && { say "instance pid $pid did not stop within 10 s: SIGKILL"; kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true; }
      done
      wait_gone 5 "${pids[@]}" || true
    fi
  fi

  nginx_pid=$(cat "$run/nginx/nginx.pid" 2>/dev/null || state_get nginx)
  if ours "$nginx_pid"; then
    kill -QUIT "$nginx_pid" 2>/dev/null || true
    wait_gone 5 "$nginx_pid" || kill -TERM "$nginx_pid" 2>/dev/null || true
    wait_gone 2 "$nginx_pid" || true
  fi
  # nginx's workers outlive a master that was SIGKILLed: they are in its process group.
  for leftover in $(nginx_group "$nginx_pid"); do kill -KILL "$leftover" 2>/dev/null || true; done

  pg=$(pgbin)
  if [ -f "$data/pg/postmaster.pid" ] && [ -n "$pg" ]; then
    "${as_postgres[@]}" "$pg/pg_ctl" -D "$data/pg" -m fast -w stop >/dev/null 2>&1 || true
  fi
}

# ---------------------------------------------------------------------------------------------
# Subcommands that talk to a running cluster.

supervisor_pid() { # the running supervisor's pid (run/state names it; it runs this script), or nothing
  local pid
  pid=$(state_get supervisor)
  if alive "$pid" && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF "cluster.sh"; then echo "$pid"; fi
}

# Leftovers of a supervisor that was SIGKILLed: its instances, nginx and PostgreSQL still run.
clean_leftovers() {
  local pids=() n pid
  [ -f "$state" ] || [ -f "$data/pg/postmaster.pid" ] || return 0
  while read -r n; do
    read -r pid _ <<<"$(state_instance "$n")"
    pids+=("${pid:-0}")
  done < <(state_instances)
  say "stopping what a supervisor that is gone left running (pid files in $run)"
  stop_processes "${pids[@]}"
  rm -rf "$run"
}

delete_data_folder() {
  if [ -f "$data/.alliancetracker-cluster" ]; then
    rm -rf "$data"
    say "deleted $data"
  elif [ -d "$data" ]; then
    fail "$data has no .alliancetracker-cluster marker: not deleting it"
  fi
}

cmd_stop() {
  locate
  local sup
  sup=$(supervisor_pid)
  if [ -n "$sup" ]; then
    say "stopping the cluster of $data (supervisor pid $sup)..."
    kill -TERM "$sup"
    # Up to 10 s for the instances, 7 s for nginx, PostgreSQL's fast stop: a minute is plenty.
    if ! wait_gone 60 "$sup"; then
      say "the supervisor did not stop within 60 s: SIGKILL, then its leftovers"
      kill -KILL "$sup" 2>/dev/null || true
    fi
  fi
  [ -d "$data" ] && clean_leftovers
  if [ "$delete_data" = 1 ]; then delete_data_folder; fi
  say "stopped"
}

cmd_status() {
  locate
  [ -f "$state" ] || { say "no cluster runs on port $port (nothing in $run)"; exit 3; }
  local sup n pid iport restarts all_ready=1 pg_pid pgport nginx_pid note
  sup=$(supervisor_pid)
  if [ -n "$sup" ]; then
    echo "supervisor: pid $sup, data $data"
  else
    echo "supervisor: NOT RUNNING (pid $(state_get supervisor) is gone) — run: deploy/cluster.sh stop --data $data"
    all_ready=0
  fi
  while read -r n; do
    read -r pid iport restarts <<<"$(state_instance "$n")"
    if [ "$pid" = 0 ]; then
      note="down, starting again in $(( ($(state_get "next-start-$n") - $(now_ms) + 999) / 1000 )) s"; all_ready=0
    elif ! alive "$pid"; then
      note="down"; all_ready=0
    elif ready "$iport"; then
      note="up, ready"
    else
      note="up, NOT ready (/healthz/ready no 200 within 2 s)"; all_ready=0
    fi
    echo "instance $n: pid $pid, port 127.0.0.1:$iport, $note, restarts $restarts"
  done < <(state_instances)
  pg_pid=$(head -n 1 "$data/pg/postmaster.pid" 2>/dev/null || true)
  pgport=$(state_get pgport)
  if alive "$pg_pid"; then echo "PostgreSQL: up, pid $pg_pid, 127.0.0.1:$pgport"; else echo "PostgreSQL: DOWN"; all_ready=0; fi
  nginx_pid=$(cat "$run/nginx/nginx.pid" 2>/dev/null || true)
  if alive "$nginx_pid"; then echo "nginx: up, pid $nginx_pid, http://127.0.0.1:$(state_get port)"; else echo "nginx: DOWN"; all_ready=0; fi
  [ "$all_ready" = 1 ]
}

# A graceful restart of one instance: the supervisor starts it again at once (no back-off) when
# it finds run/restart-N; this waits until the new process answers /healthz/ready with 200.
cmd_restart() {
  locate
  local n=$restart_which sup pid iport new started
  if [ "$n" = postgresql ]; then
    # The database server under the instances (a failover drill, a minor upgrade): they see their
    # connections drop, answer 503 meanwhile, and reconnect by themselves (their listeners too).
    started=$(now_ms)
    "${as_postgres[@]}" "$(pgbin)/pg_ctl" -D "$data/pg" -m fast -w restart >/dev/null
    say "PostgreSQL restarted in $(seconds_since "$started")"
    return 0
  fi
  sup=$(supervisor_pid)
  [ -n "$sup" ] || fail "no supervisor runs for $data (deploy/cluster.sh status)"
  read -r pid iport _ <<<"$(state_instance "$n")"
  [ -n "$iport" ] || fail "there is no instance $n"
  started=$(now_ms)
  if ours "$pid"; then
    : >"$run/restart-$n"
    say "instance $n: SIGTERM to pid $pid"
    kill -TERM "$pid"; kill -CONT "$pid" 2>/dev/null || true
    if ! wait_gone 10 "$pid"; then
      say "instance $n: still running after 10 s: SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
    fi
    say "instance $n stopped after $(seconds_since "$started"); waiting for it to start again"
  else
    say "instance $n is down; waiting for the supervisor to start it again"
  fi
  # The new process, then its readiness: migrations and warm-up take ~15–20 s on two cores.
  for _ in $(seq 1 1200); do
    [ -n "$(supervisor_pid)" ] || fail "the supervisor has gone (deploy/cluster.sh status)"
    read -r new _ <<<"$(state_instance "$n")"
    if [ "$new" != 0 ] && [ "$new" != "$pid" ] && alive "$new" && ready "$iport"; then
      say "instance $n ready again: pid $new, 127.0.0.1:$iport, $(seconds_since "$started") after the restart began"
      # nginx counted the refused connections while it was down as failures and sends it nothing
      # for fail_timeout (5 s) after the last one. Restarting the next instance sooner left nginx
      # with no instance it would use: 502s for ~5 s (measured). So the restart ends after that.
      say "instance $n: waiting 5 s (nginx's fail_timeout) until nginx sends it requests again"
      sleep 5
      return 0
    fi
    sleep 0.25
  done
  fail "instance $n is not ready after 5 minutes: see $logs/instance-$n.log and docs/operations.md"
}

case "$command" in
  status) cmd_status; exit $? ;;
  stop) cmd_stop; exit 0 ;;
  restart) cmd_restart; exit 0 ;;
esac

# ---------------------------------------------------------------------------------------------
# start

need() { # need PACKAGE TEST-COMMAND...
  local package="$1"; shift
  if ! "$@" >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      say "installing $package (apt-get install $package)..."
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null
    else
      fail "$package is missing: sudo apt-get install -y $package"
    fi
  fi
}
need postgresql bash -c 'ls /usr/lib/postgresql/*/bin/initdb'
need nginx command -v nginx
pg=$(pgbin)

if [ "$throwaway" = 1 ]; then
  set_paths "$(mktemp -d "${TMPDIR:-/tmp}/alliance-cluster.XXXXXX")"
else
  set_paths "${data_option:-$(default_data)}"
  sup=$(supervisor_pid)
  [ -z "$sup" ] || fail "a cluster already runs on $data (supervisor pid $sup): deploy/cluster.sh stop --data $data"
  clean_leftovers
fi
mkdir -p "$data" "$logs"
chmod 755 "$data"
if [ "$(id -u)" = 0 ] && ! runuser -u postgres -- test -x "$data"; then
  fail "the postgres user cannot reach $data (a folder above it is closed, like root's home): choose another --data"
fi
: >"$data/.alliancetracker-cluster"
rm -rf "$run"
mkdir -p "$run/nginx" "$run/pg-socket"
if [ "$(id -u)" = 0 ]; then
  # PostgreSQL runs as postgres: its data, socket and log are its own.
  mkdir -p "$data/pg"
  chown postgres:postgres "$data/pg" "$run/pg-socket"
  touch "$logs/postgresql.log"
  chown postgres:postgres "$logs/postgresql.log"
fi

# Runtime state, rewritten whenever a pid changes (atomically: status may read it at any time).
declare -A pid_of=() port_of=() restarts_of=() started_at=() backoff_of=() next_start=()
nginx_pid=0
pgport=0
write_state() {
  local n
  {
    echo "supervisor $$"
    echo "port $port"
    echo "pgport $pgport"
    echo "nginx $nginx_pid"
    for n in $(seq 1 "$instances"); do
      [ -n "${port_of[$n]:-}" ] || continue
      echo "instance $n ${pid_of[$n]:-0} ${port_of[$n]} ${restarts_of[$n]:-0}"
      if [ "${pid_of[$n]:-0}" = 0 ]; then echo "next-start-$n ${next_start[$n]:-0}"; fi
    done
  } >"$state.new"
  mv -f "$state.new" "$state"
}

shutdown() {
  local code=$?
  trap '' INT TERM HUP   # a second Ctrl+C must not cut the stop short and leak processes
  trap - EXIT
  say "stopping..."
  local n pids=()
  for n in "${!pid_of[@]}"; do pids+=("${pid_of[$n]}"); done
  stop_processes "${pids[@]}"
  if [ "$throwaway" = 1 ]; then rm -rf "$data"; else rm -rf "$run"; fi
  say "stopped"
  exit "$code"
}
trap shutdown EXIT
trap 'exit 0' INT TERM HUP   # through the EXIT trap: one way out, whatever the reason

write_state

# PostgreSQL: its own cluster, trust on loopback only (it listens nowhere else), one database.
# A data folder from an earlier run is started as it is: the database, accounts and history stay.
if [ -f "$data/pg/PG_VERSION" ]; then
  [ "$(cat "$data/pg/PG_VERSION")" = "$(basename "$(dirname "$pg")")" ] \
    || fail "$data/pg is PostgreSQL $(cat "$data/pg/PG_VERSION"), this machine has $(basename "$(dirname "$pg")"): pg_upgrade it, or start with --data elsewhere"
else
  "${as_postgres[@]}" "$pg/initdb" -D "$data/pg" -A trust -U postgres -E UTF8 --no-locale >/dev/null
fi
pgport=$(free_port)
"${as_postgres[@]}" "$pg/pg_ctl" -D "$data/pg" -o "-p $pgport -k $run/pg-socket -c listen_addresses=127.0.0.1 -c max_connections=400" \
  -l "$logs/postgresql.log" -w start >/dev/null
write_state
new_database=0
if [ -z "$("${as_postgres[@]}" "$pg/psql" -h 127.0.0.1 -p "$pgport" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'alliance_tracker'")" ]; then
  "${as_postgres[@]}" "$pg/createdb" -h 127.0.0.1 -p "$pgport" -U postgres alliance_tracker
  new_database=1
fi
connection="Host=127.0.0.1;Port=$pgport;Database=alliance_tracker;Username=postgres"
say "PostgreSQL on 127.0.0.1:$pgport ($data/pg)"

if [ -n "$published" ]; then
  # A build published already (the load harness's): as deployed.
  app=("dotnet" "$published")
  content_root="$(dirname "$published")"
  environment=Production
elif [ "$build" = 1 ]; then
  dotnet publish src/AllianceTracker.Web -c Release -o "$run/app" --nologo -v quiet >/dev/null
  app=("dotnet" "$run/app/AllianceTracker.Web.dll")
  content_root="$run/app"
  environment=Production
else
  # The build's output serves its static files from the project (static web assets) only in Development.
  app=("dotnet" "$PWD/src/AllianceTracker.Web/bin/Debug/net10.0/AllianceTracker.Web.dll")
  content_root="$PWD/src/AllianceTracker.Web"
  environment=Development
fi
export ASPNETCORE_ENVIRONMENT="$environment" ASPNETCORE_CONTENTROOT="$content_root" Access__CreateDemoEditor=false
# Behind nginx a starting instance answers 503 at once rather than holding requests (operations.md,
# Health): nginx then tries a ready one (proxy_next_upstream http_503).
export Site__HoldRequestsWhileStarting=00:00:00
# Marks every process we start, so pid files are checked against the process they name.
export ALLIANCE_CLUSTER_DATA="$data"

# Open live streams per client address, at nginx and in the instances (Live:StreamsPerClient).
# --streams-per-client sets both; without it an exported Live__StreamsPerClient (the load harness
# lifts it: its readers all come from 127.0.0.1) reaches the instances and sets nginx's too. nginx
# must not allow fewer than the instances: an instance's 503 would count as its failure (below).
if [ -n "$streams_per_client" ]; then export Live__StreamsPerClient="$streams_per_client"; fi
nginx_streams=${Live__StreamsPerClient:-16}
[[ "$nginx_streams" =~ ^[0-9]+$ ]] || fail "Live__StreamsPerClient must be a number, not '$nginx_streams'"
[ "$nginx_streams" -le 65535 ] || nginx_streams=65535   # nginx's largest limit_conn

start_instance() { # start_instance N: in the background, on its fixed port, logging to log/instance-N.log
  local n=$1
  echo "=== cluster.sh: instance $n starting $(date -u +%FT%TZ)" >>"$logs/instance-$n.log"
  ASPNETCORE_URLS="http://127.0.0.1:${port_of[$n]}" Site__InstanceName="$n" \
    Database__Provider=PostgreSQL ConnectionStrings__PostgreSQL="$connection" Database__Path="$run/instance-$n-unused.db" \
    setsid "${app[@]}" >>"$logs/instance-$n.log" 2>&1 &
  pid_of[$n]=$!
  started_at[$n]=$(now_ms)
  write_state
}

for n in $(seq 1 "$instances"); do
  port_of[$n]=$(free_port)
  restarts_of[$n]=0
  backoff_of[$n]=1
  start_instance "$n"
  # The first instance migrates and seeds a new database; the others start once it is ready.
  for _ in $(seq 1 120); do
    if ready "${port_of[$n]}"; then break; fi
    if ! alive "${pid_of[$n]}"; then
      echo "cluster.sh: instance $n stopped; the end of its log ($logs/instance-$n.log):" >&2
      tail -n 40 "$logs/instance-$n.log" >&2
      exit 1
    fi
    sleep 0.5
  done
  ready "${port_of[$n]}" || fail "instance $n is not ready after 60 s (see $logs/instance-$n.log)"
  say "instance $n on 127.0.0.1:${port_of[$n]}"
done

# An editor to try the cluster with, made with the database; the password goes to a file only its
# owner can read. A kept database keeps its editor, and this file keeps saying the password.
if [ "$new_database" = 1 ]; then
  password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
  umask 077
  printf '%s\n' "$password" | Database__Provider=PostgreSQL ConnectionStrings__PostgreSQL="$connection" \
    "${app[@]}" users add --email editor@cluster.test --display-name "Cluster editor" --role Editor >"$logs/users-add.log" 2>&1
  printf 'email:    editor@cluster.test\npassword: %s\n' "$password" >"$data/editor-password.txt"
  umask 022
elif [ ! -f "$data/editor-password.txt" ]; then
  say "$data/editor-password.txt is gone: give editor@cluster.test a new password with users reset-password"
fi

# nginx: the template, with this cluster's folder, address, instances and stream limit.
for temp in client_body proxy fastcgi uwsgi scgi; do mkdir -p "$run/nginx/$temp"; done
chmod -R 777 "$run/nginx"   # its workers run as nobody when we are root
for n in $(seq 1 "$instances"); do echo "127.0.0.1:${port_of[$n]}"; done >"$run/nginx/instances"
# Its error log goes with the other logs, kept after a stop.
awk -v prefix="$run/nginx" -v listen="127.0.0.1:$port" -v instances="$run/nginx/instances" \
    -v streams="$nginx_streams" -v errors="$logs/nginx-error.log" '
  /^[ \t]*server[ \t]+@INSTANCE@/ {
    while ((getline address < instances) > 0) { line = $0; sub(/@INSTANCE@/, address, line); print line }
    close(instances); next }
  { gsub(/@PREFIX@\/error\.log/, errors); gsub(/@PREFIX@/, prefix); gsub(/@LISTEN@/, listen)
    gsub(/@STREAMS_PER_CLIENT@/, streams); print }' \
  deploy/nginx.conf.template >"$run/nginx/nginx.conf"
nginx_args=(-e "$logs/nginx-error.log" -p "$run/nginx" -c "$run/nginx/nginx.conf")
nginx -t -q "${nginx_args[@]}"
start_nginx() {
  setsid nginx "${nginx_args[@]}" &
  nginx_pid=$!
  started_at[nginx]=$(now_ms)
  write_state
}
start_nginx
backoff_of[nginx]=1
for _ in $(seq 1 40); do
  ready "$port" && break
  alive "$nginx_pid" || fail "nginx did not start (see $logs/nginx-error.log)"
  sleep 0.25
done

say "$instances instances behind nginx; an editor's sign-in is in $data/editor-password.txt"
printf "READY http://127.0.0.1:%s\n" "$port" 2>/dev/null || true
say "Ctrl+C stops everything."
say "supervising: an instance that exits is started again; deploy/cluster.sh status|restart N|stop --port $port (data: $data)"

# ---------------------------------------------------------------------------------------------
# Supervision. Sleep until a child exits (wait -n) or a second passes; start again whatever
# exited, after a back-off that doubles from 1 s to 30 s while it keeps failing and is forgotten
# once it has stayed up 60 s. A restart asked for (`restart N`) happens at once.

describe_exit() { # describe_exit STATUS
  if [ "$1" -gt 128 ]; then
    echo "status $1 (signal $(kill -l "$(( $1 - 128 ))" 2>/dev/null || echo $(( $1 - 128 ))))"
  else
    echo "status $1"
  fi
}

exited() { # exited NAME PID STATUS: schedule its start again
  local name=$1 pid=$2 status=$3 up delay leftover
  up=$(( ($(now_ms) - started_at[$name]) / 1000 ))
  if [ "$name" != nginx ] && [ -e "$run/restart-$name" ]; then
    rm -f "$run/restart-$name"
    delay=0
    say "instance $name (pid $pid) stopped on request, $(describe_exit "$status"); starting it again"
  else
    [ "$up" -ge 60 ] && backoff_of[$name]=1
    delay=${backoff_of[$name]}
    backoff_of[$name]=$(( delay * 2 > 30 ? 30 : delay * 2 ))
    if [ "$name" = nginx ]; then
      say "nginx (pid $pid) exited with $(describe_exit "$status") after $up s; starting it again in $delay s"
    else
      say "instance $name (pid $pid) exited with $(describe_exit "$status") after $up s; restart $(( restarts_of[$name] + 1 )) in $delay s"
    fi
  fi
  next_start[$name]=$(( $(now_ms) + delay * 1000 ))
  if [ "$name" = nginx ]; then
    nginx_pid=0
    # Workers a SIGKILLed master left behind hold the port: the next master could not listen.
    for leftover in $(nginx_group "$pid"); do kill -KILL "$leftover" 2>/dev/null || true; done
  else
    pid_of[$name]=0
  fi
  write_state
}

while :; do
  if [ -n "$watch_parent" ] && ! kill -0 "$watch_parent" 2>/dev/null; then
    say "the process that started the cluster (pid $watch_parent) is gone: stopping everything"
    exit 0   # through the EXIT trap
  fi
  now=$(now_ms)
  tick=1000
  for name in $(seq 1 "$instances") nginx; do
    if [ "$name" = nginx ]; then current=$nginx_pid; else current=${pid_of[$name]}; fi
    [ "$current" = 0 ] || continue
    if [ "${next_start[$name]}" -le "$now" ]; then
      if [ "$name" = nginx ]; then
        start_nginx
        say "nginx started again: pid $nginx_pid"
      else
        restarts_of[$name]=$(( restarts_of[$name] + 1 ))
        start_instance "$name"
        say "instance $name started again: pid ${pid_of[$name]}, 127.0.0.1:${port_of[$name]} (restart ${restarts_of[$name]})"
      fi
    else
      wait_for=$(( next_start[$name] - now ))
      [ "$wait_for" -lt "$tick" ] && tick=$wait_for
    fi
  done

  sleep "$(( tick / 1000 )).$(printf '%03d' $(( tick % 1000 )))" &
  ticker=$!
  status=0
  child=""
  # (bash's own "Killed" notice for a job goes to /dev/null: `exited` says it, with the instance's name.)
  wait -n -p child 2>/dev/null || status=$?
  if [ "${child:-}" = "$ticker" ] || [ -z "${child:-}" ]; then continue; fi
  kill "$ticker" 2>/dev/null || true
  wait "$ticker" 2>/dev/null || true
  if [ "$child" = "$nginx_pid" ]; then
    exited nginx "$child" "$status"
  else
    for name in "${!pid_of[@]}"; do
      if [ "${pid_of[$name]}" = "$child" ]; then exited "$name" "$child" "$status"; fi
    done
  fi
done
