#!/usr/bin/env bash
# A throwaway AllianceTracker cluster on this machine: PostgreSQL (Debian's, a new cluster in a
# temporary folder), N app instances on it, and nginx in front — all on 127.0.0.1. Prints the
# address and stops everything (and deletes the folder) on Ctrl+C. docs/deployment.md.
#
#   deploy/cluster.sh [--port 8080] [--instances 2] [--no-build | --app PUBLISHED.dll]
#
# Installs postgresql and nginx with apt when missing and run as root. Prints "READY <url>" once
# every instance answers through nginx (tests wait for that line).
set -euo pipefail
cd "$(dirname "$0")/.."

port=8080
instances=2
build=1
published=""
while [ $# -gt 0 ]; do
  case "$1" in
    --port) port="$2"; shift 2 ;;
    --instances) instances="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    --app) published="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"; shift 2 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "cluster.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

need() { # need PACKAGE TEST-COMMAND...
  local package="$1"; shift
  if ! "$@" >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      echo "cluster.sh: installing $package (apt-get install $package)..."
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null
    else
      echo "cluster.sh: $package is missing: sudo apt-get install -y $package" >&2
      exit 1
    fi
  fi
}
need postgresql bash -c 'ls /usr/lib/postgresql/*/bin/initdb'
need nginx command -v nginx
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)

# No curl or python on a bare machine: bash's /dev/tcp does.
free_port() {
  local candidate
  while :; do
    candidate=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then echo "$candidate"; return; fi
  done
}
ready() { # ready PORT: /healthz/ready answers 200
  local status
  status=$( (exec 3<>"/dev/tcp/127.0.0.1/$1" && printf 'GET /healthz/ready HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3 && head -n 1 <&3) 2>/dev/null) || return 1
  [[ "$status" == *" 200 "* ]]
}

work=$(mktemp -d /tmp/alliance-cluster.XXXXXX)
chmod 755 "$work"
pids=()
as_postgres=()
if [ "$(id -u)" = 0 ]; then
  chown postgres:postgres "$work"
  as_postgres=(runuser -u postgres --)
fi

stop() {
  trap - INT TERM EXIT
  echo "cluster.sh: stopping..."
  [ -f "$work/nginx/nginx.pid" ] && kill -QUIT "$(cat "$work/nginx/nginx.pid")" 2>/dev/null || true
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  "${as_postgres[@]}" "$pgbin/pg_ctl" -D "$work/pg" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap stop INT TERM EXIT

# PostgreSQL: a new cluster, trust on loopback only (it listens nowhere else), one database.
pgport=$(free_port)
"${as_postgres[@]}" "$pgbin/initdb" -D "$work/pg" -A trust -U postgres -E UTF8 --no-locale >/dev/null
"${as_postgres[@]}" "$pgbin/pg_ctl" -D "$work/pg" -o "-p $pgport -k $work -c listen_addresses=127.0.0.1 -c max_connections=400" -l "$work/pg.log" -w start >/dev/null
"${as_postgres[@]}" "$pgbin/createdb" -h 127.0.0.1 -p "$pgport" -U postgres alliance_tracker
connection="Host=127.0.0.1;Port=$pgport;Database=alliance_tracker;Username=postgres"
echo "cluster.sh: PostgreSQL on 127.0.0.1:$pgport ($work/pg)"

if [ -n "$published" ]; then
  # A build published already (the load harness's): as deployed.
  app=("dotnet" "$published")
  content_root="$(dirname "$published")"
  environment=Production
elif [ "$build" = 1 ]; then
  dotnet publish src/AllianceTracker.Web -c Release -o "$work/app" --nologo -v quiet >/dev/null
  app=("dotnet" "$work/app/AllianceTracker.Web.dll")
  content_root="$work/app"
  environment=Production
else
  # The build's output serves its static files from the project (static web assets) only in Development.
  app=("dotnet" "$PWD/src/AllianceTracker.Web/bin/Debug/net10.0/AllianceTracker.Web.dll")
  content_root="$PWD/src/AllianceTracker.Web"
  environment=Development
fi
export ASPNETCORE_ENVIRONMENT="$environment" ASPNETCORE_CONTENTROOT="$content_root" Access__CreateDemoEditor=false

upstreams=""
for i in $(seq 1 "$instances"); do
  instance_port=$(free_port)
  mkdir -p "$work/instance-$i"
  ASPNETCORE_URLS="http://127.0.0.1:$instance_port" Site__InstanceName="$i" \
    Database__Provider=PostgreSQL ConnectionStrings__PostgreSQL="$connection" Database__Path="$work/instance-$i/unused.db" \
    "${app[@]}" >"$work/instance-$i.log" 2>&1 &
  pids+=($!)
  # The first instance migrates and seeds the new database; the others start once it is ready.
  for _ in $(seq 1 120); do
    if ready "$instance_port"; then break; fi
    if ! kill -0 "${pids[-1]}" 2>/dev/null; then echo "cluster.sh: instance $i stopped; its log:" >&2; cat "$work/instance-$i.log" >&2; exit 1; fi
    sleep 0.5
  done
  ready "$instance_port" || { echo "cluster.sh: instance $i is not ready" >&2; exit 1; }
  echo "cluster.sh: instance $i on 127.0.0.1:$instance_port"
  upstreams+="        server 127.0.0.1:$instance_port max_fails=0;"$'\n'
done

# An editor to try the cluster with; the password goes to a file only its owner can read.
password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
umask 077
printf '%s\n' "$password" | Database__Provider=PostgreSQL ConnectionStrings__PostgreSQL="$connection" \
  "${app[@]}" users add --email editor@cluster.test --display-name "Cluster editor" --role Editor >"$work/users-add.log" 2>&1
printf 'email:    editor@cluster.test\npassword: %s\n' "$password" >"$work/editor-password.txt"
umask 022

mkdir -p "$work/nginx"
for temp in client_body proxy fastcgi uwsgi scgi; do mkdir -p "$work/nginx/$temp"; done
chmod -R 777 "$work/nginx"
printf '%s' "$upstreams" >"$work/nginx/upstreams"
awk -v prefix="$work/nginx" -v listen="127.0.0.1:$port" -v upstreams="$work/nginx/upstreams" '
  /^[ \t]*@INSTANCES@[ \t]*$/ { while ((getline line < upstreams) > 0) print line; close(upstreams); next }
  { gsub(/@PREFIX@/, prefix); gsub(/@LISTEN@/, listen); print }' deploy/nginx.conf.template >"$work/nginx/nginx.conf"
nginx -t -q -e "$work/nginx/error.log" -p "$work/nginx" -c "$work/nginx/nginx.conf"
nginx -e "$work/nginx/error.log" -p "$work/nginx" -c "$work/nginx/nginx.conf" &
pids+=($!)
for _ in $(seq 1 40); do
  ready "$port" && break
  sleep 0.25
done

echo "cluster.sh: $instances instances behind nginx; an editor's sign-in is in $work/editor-password.txt"
echo "READY http://127.0.0.1:$port"
echo "cluster.sh: Ctrl+C stops everything."
wait "${pids[0]}"
