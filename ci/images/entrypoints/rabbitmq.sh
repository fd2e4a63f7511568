#!/bin/sh
# tracegate/rabbitmq: RabbitMQ 3 on 127.0.0.1:$TRACEGATE_PORT (host networking), guest/guest.
# Host networking shares ports with the host and with parallel containers, so the Erlang distribution port and the
# epmd port are chosen by the caller too, and the node name carries the AMQP port to stay unique.
set -eu
port="${TRACEGATE_PORT:-5672}"
export HOME=/var/lib/rabbitmq # the Erlang cookie lives here
export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
export RABBITMQ_NODE_PORT="$port"
dist_port="${TRACEGATE_DIST_PORT:-$((port + 20000))}"
# The default (AMQP port + 20000) only fits below 65536 for AMQP ports up to 45535.
if [ "$dist_port" -lt 1 ] || [ "$dist_port" -gt 65535 ]; then
  echo "tracegate/rabbitmq: distribution port $dist_port is outside 1-65535 (TRACEGATE_PORT=$port);" \
    "set TRACEGATE_DIST_PORT to a free port" >&2
  exit 64
fi
export RABBITMQ_DIST_PORT="$dist_port"
export ERL_EPMD_PORT="${TRACEGATE_EPMD_PORT:-4369}"
export ERL_EPMD_ADDRESS=127.0.0.1
export RABBITMQ_NODENAME="tracegate${port}@localhost"
export RABBITMQ_LOGS=-
export RABBITMQ_MNESIA_BASE=/tmp/tracegate-rabbitmq
export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
exec /usr/lib/rabbitmq/bin/rabbitmq-server
