#!/bin/sh
# tracegate/redis: Redis 7 on 127.0.0.1:$TRACEGATE_PORT (host networking), no persistence.
set -eu
port="${TRACEGATE_PORT:-6379}"
exec redis-server --port "$port" --bind 127.0.0.1 --protected-mode no --save '' --appendonly no --dir /tmp
