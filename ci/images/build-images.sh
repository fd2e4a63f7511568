#!/usr/bin/env bash
# Builds the dependency images tracegate's tests start (PostgreSQL 15, Redis 7, RabbitMQ 3) on this machine, from
# Debian packages, with no container registry: one debootstrap'd bookworm root filesystem is imported as a shared
# base image, each dependency is installed into a container of that base with apt, and the result is flattened with
# `docker export | docker import` so it carries its own CMD/ENV/USER. A no-op when every image exists and was built
# from the current recipe (each image carries a label with a hash of its build steps, packages and entrypoint).
#
# Usage: ci/images/build-images.sh [--force]     (--force rebuilds the base and every image)
# Environment:
#   TRACEGATE_POSTGRES_IMAGE / TRACEGATE_REDIS_IMAGE / TRACEGATE_RABBITMQ_IMAGE   image names (defaults below)
#   TRACEGATE_DEBIAN_MIRROR       Debian mirror (default: the first one in this machine's apt sources)
#   TRACEGATE_IMAGES_STEP_TIMEOUT seconds allowed for each step (default 900)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
base_image="tracegate/debian-base:bookworm"
step_timeout="${TRACEGATE_IMAGES_STEP_TIMEOUT:-900}"
recipe_label="org.tracegate.recipe"
force=false
[[ "${1:-}" == "--force" ]] && force=true

# Per dependency: image name, the user it runs as, its packages, and commands that trim the image.
declare -A image_of=(
  [redis]="${TRACEGATE_REDIS_IMAGE:-tracegate/redis:7}"
  [postgres]="${TRACEGATE_POSTGRES_IMAGE:-tracegate/postgres:15}"
  [rabbitmq]="${TRACEGATE_RABBITMQ_IMAGE:-tracegate/rabbitmq:3}"
)
declare -A user_of=([redis]=redis [postgres]=postgres [rabbitmq]=rabbitmq)
declare -A packages_of=([redis]=redis-server [postgres]=postgresql-15 [rabbitmq]=rabbitmq-server)
# The PostgreSQL entrypoint runs initdb in /tmp, so the packaged cluster goes; without llvmjit.so PostgreSQL runs
# without JIT, which drops LLVM (about 130 MB) that a test database never uses.
declare -A trim_of=(
  [redis]=":"
  [postgres]="rm -rf /var/lib/postgresql/15 /etc/postgresql/15 /usr/lib/postgresql/15/lib/llvmjit* \
/usr/lib/postgresql/15/lib/bitcode /usr/lib/x86_64-linux-gnu/libLLVM-14.so* /usr/lib/x86_64-linux-gnu/libz3.so*"
  [rabbitmq]=":"
)
kinds=(redis postgres rabbitmq)

say() { printf '[build-images] %s\n' "$*"; }
fail() {
  printf '[build-images] FAILED: %s\n' "$*" >&2
  exit 1
}

# The mirror this machine's apt already uses is the one known to be reachable (deb822 or one-line sources).
default_mirror() {
  local uri
  uri="$(grep -hE '^URIs:.*/debian/?$' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -n1 | awk '{print $2}')"
  if [[ -z "$uri" ]]; then
    uri="$(grep -hE '^deb .*/debian/? bookworm' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null |
      head -n1 | awk '{print $2}')"
  fi
  echo "${uri:-http://deb.debian.org/debian}"
}

build_base() {
  command -v debootstrap >/dev/null || fail "debootstrap is not installed (apt-get install debootstrap)"
  local rootfs="$work/rootfs" began=$SECONDS
  say "base: debootstrap --variant=minbase bookworm from $mirror (1-3 min)"
  timeout "$step_timeout" debootstrap --variant=minbase bookworm "$rootfs" "$mirror" >"$work/debootstrap.log" 2>&1 ||
    {
      tail -n 20 "$work/debootstrap.log" >&2
      fail "debootstrap of bookworm from $mirror failed or ran past ${step_timeout} s (log above)"
    }
  cat >"$rootfs/etc/apt/sources.list" <<EOF
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb ${mirror%/debian}/debian-security bookworm-security main
EOF
  # Images are for throwaway test containers: no recommends, no docs, and a mirror snapshot may carry an old Release.
  cat >"$rootfs/etc/apt/apt.conf.d/90tracegate" <<'EOF'
APT::Install-Recommends "false";
APT::Install-Suggests "false";
Acquire::Check-Valid-Until "false";
Acquire::Languages "none";
EOF
  cat >"$rootfs/etc/dpkg/dpkg.cfg.d/90tracegate" <<'EOF'
path-exclude=/usr/share/doc/*
path-exclude=/usr/share/man/*
path-exclude=/usr/share/locale/*
EOF
  # Package scripts must not try to start services inside the build container.
  printf '#!/bin/sh\nexit 101\n' >"$rootfs/usr/sbin/policy-rc.d"
  chmod 755 "$rootfs/usr/sbin/policy-rc.d"
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
  say "base: docker import -> $base_image"
  tar -C "$rootfs" -c . | import_as "$base_image" --change 'ENV LANG=C.UTF-8' --change 'CMD ["/bin/bash"]' \
    --change "LABEL $recipe_label=$(recipe_of base)"
  rm -rf "$rootfs"
  say "base: done in $((SECONDS - began)) s ($(size_of "$base_image"))"
}

# build_image KIND: installs the kind's packages and entrypoint into a base container, then flattens it into its image.
build_image() {
  local kind="$1" image="${image_of[$1]}" began=$SECONDS
  say "$image: apt-get install ${packages_of[$kind]}"
  build_container="tracegate-build-$kind-$$"
  timeout "$step_timeout" docker run --name "$build_container" --network host \
    -v "$here/entrypoints:/tracegate-entrypoints:ro" "$base_image" bash -euc "
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${packages_of[$kind]} >/dev/null
      install -m 755 /tracegate-entrypoints/$kind.sh /usr/local/bin/tracegate-$kind
      ${trim_of[$kind]}
      apt-get clean
      rm -rf /var/lib/apt/lists/* /var/log/apt /var/log/dpkg.log
    " >"$work/$kind.log" 2>&1 ||
    {
      tail -n 20 "$work/$kind.log" >&2
      fail "installing ${packages_of[$kind]} into $image failed or ran past ${step_timeout} s (log above)"
    }
  say "$image: docker export | docker import"
  docker export "$build_container" | import_as "$image" \
    --change "USER ${user_of[$kind]}" --change 'WORKDIR /tmp' --change 'ENV LANG=C.UTF-8' \
    --change "CMD [\"/usr/local/bin/tracegate-$kind\"]" --change "LABEL org.tracegate.kind=$kind" \
    --change "LABEL $recipe_label=$(recipe_of "$kind")"
  docker rm -f "$build_container" >/dev/null
  build_container=""
  say "$image: done in $((SECONDS - began)) s ($(size_of "$image"))"
}

# recipe_of KIND|base: a hash of what the image is built from; a different hash means the image is stale.
recipe_of() {
  {
    declare -f build_base
    echo "$mirror"
    if [[ "$1" != base ]]; then
      declare -f build_image
      echo "${user_of[$1]} ${packages_of[$1]} ${trim_of[$1]}"
      cat "$here/entrypoints/$1.sh"
    fi
  } | sha256sum | cut -c1-16
}
# import_as IMAGE [--change ...]: imports a root filesystem tar from stdin as IMAGE, and removes the image it replaces
# (unless something still uses it), so rebuilds do not pile up untagged images.
import_as() {
  local image="$1" previous
  shift
  previous="$(docker image inspect --format '{{.Id}}' "$image" 2>/dev/null || true)"
  docker import "$@" - "$image" >/dev/null
  if [[ -n "$previous" && "$previous" != "$(docker image inspect --format '{{.Id}}' "$image")" ]]; then
    docker image rm "$previous" >/dev/null 2>&1 || true
  fi
}
label_of() { docker image inspect --format "{{index .Config.Labels \"$recipe_label\"}}" "$1" 2>/dev/null || true; }
is_current() { [[ "$(label_of "$1")" == "$(recipe_of "$2")" ]]; }
size_of() { docker image inspect --format '{{.Size}}' "$1" | awk '{printf "%d MB", $1/1000000}'; }

mirror="${TRACEGATE_DEBIAN_MIRROR:-$(default_mirror)}"
mirror="${mirror%/}"

command -v docker >/dev/null || fail "the docker client is not installed (apt-get install docker.io)"
docker info >/dev/null 2>&1 ||
  fail "no Docker engine answers at ${DOCKER_HOST:-unix:///var/run/docker.sock}; start one (dockerd &) and rerun"

stale=()
for kind in "${kinds[@]}"; do
  if $force || ! is_current "${image_of[$kind]}" "$kind"; then stale+=("$kind"); fi
done
if ((${#stale[@]} == 0)); then
  say "all images current: ${image_of[*]} (nothing to do; --force rebuilds)"
  exit 0
fi

started_at=$SECONDS
work="$(mktemp -d "${TMPDIR:-/var/tmp}/tracegate-images.XXXXXX")"
build_container=""
cleanup() {
  if [[ -n "$build_container" ]]; then docker rm -f "$build_container" >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

if $force || ! is_current "$base_image" base; then
  build_base
else
  say "base: $base_image current"
fi
# RabbitMQ brings Erlang, so it is the slowest of the three to build and to start.
for kind in "${stale[@]}"; do build_image "$kind"; done
say "built ${stale[*]} in $((SECONDS - started_at)) s: ${image_of[*]}"
