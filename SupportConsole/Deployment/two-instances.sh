#!/usr/bin/env bash
# Two SupportConsole instances on one PostgreSQL, on this machine: the multi-instance setup in miniature.
#   SupportConsole/Deployment/two-instances.sh        (Ctrl+C stops everything)
# Starts a local PostgreSQL cluster in db/two-instances/pg (Debian's 'postgresql' package; as root it runs as the
# postgres user), publishes the app once (Release) and starts instance A on http://127.0.0.1:5001 (SMTP 2525) and
# instance B on http://127.0.0.1:5002 (SMTP 2526), sharing the database and the db/two-instances/files folder.
# Put nginx (see the README's deployment section) in front of both for one address. Demo data as in Development.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
state=${STATE:-$root/db/two-instances}
pg_port=${PG_PORT:-55432}
mkdir -p "$state/files"

bin=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "PostgreSQL's server binaries are missing: install Debian's 'postgresql' package or set PG_BIN." >&2
  exit 1
fi
as_pg() { if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ ! -f "$state/pg/PG_VERSION" ]; then
  mkdir -p "$state/pg"
  [ "$(id -u)" = "0" ] && chown postgres "$state/pg"
  as_pg "$bin/initdb" -D "$state/pg" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
fi
as_pg "$bin/pg_ctl" -D "$state/pg" -l "$state/pg/server.log" -w \
  -o "-p $pg_port -k $state/pg -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null

echo "Publishing the app (Release) to $state/app ..."
dotnet publish "$root/SupportConsole" -c Release -o "$state/app" --nologo -v quiet >/dev/null

export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
export Database__Provider=PostgreSql
export ConnectionStrings__SupportConsole="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=supportconsole"
export Storage__Folder="$state/files"
export Email__Smtp__Address=127.0.0.1

pids=()
stop() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  as_pg "$bin/pg_ctl" -D "$state/pg" -m fast stop >/dev/null 2>&1 || true
}
trap stop INT TERM EXIT

start() { # name port smtp-port
  # From the app's folder: the content root (wwwroot, appsettings) is the working directory.
  (cd "$state/app" && ASPNETCORE_URLS="http://127.0.0.1:$2" Email__Smtp__Port="$3" exec dotnet SupportConsole.dll) >"$state/$1.log" 2>&1 &
  pids+=($!)
  echo "$!" >"$state/$1.pid"
  for _ in $(seq 1 120); do
    if curl -fs "http://127.0.0.1:$2/health" >/dev/null 2>&1; then
      echo "Instance $1: http://127.0.0.1:$2 (SMTP 127.0.0.1:$3, pid $(cat "$state/$1.pid"), log $state/$1.log)"
      return 0
    fi
    sleep 1
  done
  echo "Instance $1 did not start; see $state/$1.log" >&2
  exit 1
}
start a 5001 2525
start b 5002 2526
echo "Both instances are up on PostgreSQL port $pg_port. Ctrl+C stops them and the database."
wait
