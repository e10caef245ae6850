#!/usr/bin/env bash
# Brings the nats-server releases the tests run against, without installing them:
#   2.9.10  Debian bookworm (apt-get install nats-server puts it in /usr/sbin)
#   2.10.27 Debian trixie   }  apt-get download against a temporary sources list,
#   2.15.1  Debian forky    }  dpkg-deb -x into artifacts/nats-server/<version>/
# Tests find them through NATS_SERVER_DIR (default: artifacts/nats-server at the repository root).
# Usage: eng/nats-servers.sh            bring every release that is missing
#        eng/nats-servers.sh --list     print the releases found
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cache="${NATS_SERVER_DIR:-$root/artifacts/nats-server}"
mkdir -p "$cache"

have() { [ -x "$cache/$1/nats-server" ]; }

if [ "${1:-}" = "--list" ]; then
  ls "$cache" 2>/dev/null || true
  exit 0
fi

# 2.9.10: the machine's own package. Keep a copy in the cache so every release is found the same way.
if ! have 2.9.10; then
  if ! command -v nats-server >/dev/null 2>&1 && [ ! -x /usr/sbin/nats-server ]; then
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y nats-server
  fi
  bin="$(command -v nats-server || echo /usr/sbin/nats-server)"
  version="$("$bin" --version | sed -n 's/.*v\([0-9][0-9.]*\).*/\1/p')"
  mkdir -p "$cache/$version"
  cp "$bin" "$cache/$version/nats-server"
fi

keyring=/usr/share/keyrings/debian-archive-keyring.gpg
mirror="$(sed -n 's/^URIs: *//p' /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -n1)"
mirror="${mirror:-http://deb.debian.org/debian}"

fetch_suite() { # suite expected-version
  local suite="$1" want="$2"
  have "$want" && return 0
  local tmp; tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' RETURN
  mkdir -p "$tmp/lists/partial" "$tmp/cache/archives/partial"
  echo "deb [signed-by=$keyring] $mirror $suite main" > "$tmp/sources.list"
  local opts=(-o "Dir::Etc::SourceList=$tmp/sources.list" -o Dir::Etc::SourceParts=/dev/null
              -o "Dir::State::Lists=$tmp/lists" -o "Dir::Cache=$tmp/cache" -o Debug::NoLocking=1 -o APT::Sandbox::User=root)
  apt-get "${opts[@]}" -qq update
  (cd "$tmp" && apt-get "${opts[@]}" -qq download nats-server)
  dpkg-deb -x "$tmp"/nats-server_*.deb "$tmp/root"
  local got; got="$("$tmp/root/usr/sbin/nats-server" --version | sed -n 's/.*v\([0-9][0-9.]*\).*/\1/p')"
  if [ "$got" != "$want" ]; then
    echo "nats-server from Debian $suite is $got, expected $want; update eng/nats-servers.sh and the tests' release list" >&2
    return 1
  fi
  mkdir -p "$cache/$got"
  cp "$tmp/root/usr/sbin/nats-server" "$cache/$got/nats-server"
}

fetch_suite trixie 2.10.27
fetch_suite forky 2.15.1

for v in "$cache"/*/; do echo "nats-server $(basename "$v"): $v"nats-server; done
