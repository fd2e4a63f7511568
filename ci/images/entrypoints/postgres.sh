#!/bin/sh
# tracegate/postgres: PostgreSQL 15 on 127.0.0.1:$TRACEGATE_PORT (host networking), trust auth, data inside the container.
set -eu
port="${TRACEGATE_PORT:-5432}"
data=/tmp/tracegate-pgdata
bin=/usr/lib/postgresql/15/bin
if [ ! -s "$data/PG_VERSION" ]; then
  "$bin/initdb" --auth=trust --username=postgres --encoding=UTF8 --no-sync -D "$data" >/dev/null
fi
# fsync off: test data never needs to survive a crash. jit off: the image leaves LLVM out.
exec "$bin/postgres" -D "$data" -p "$port" -c listen_addresses=127.0.0.1 -c unix_socket_directories=/tmp \
  -c fsync=off -c jit=off
