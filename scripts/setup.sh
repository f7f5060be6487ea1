#!/usr/bin/env bash
# One-time (and idempotent) set-up of everything the bot and its tests need on a fresh machine:
# PowerShell 7 (the dotnet global tool), OpenSSH server and client (lab hosts), Debian's Chromium (the
# browser tier), and the npm packages (better-sqlite3 builds from source against the local Node headers,
# see .npmrc).
set -euo pipefail
cd "$(dirname "$0")/.."

PWSH_VERSION=7.6.9
say() { printf 'setup: %s\n' "$*"; }
die() { printf 'setup: %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo "$@"; else return 1; fi
}

# 1. PowerShell 7 as a .NET global tool (no PowerShell Gallery or Microsoft package feed needed).
if [ -x "$HOME/.dotnet/tools/pwsh" ] || [ -n "${RDSBOT_PWSH:-}" ]; then
  say "pwsh present"
else
  command -v dotnet >/dev/null 2>&1 || die "the .NET SDK (dotnet) is needed to install PowerShell $PWSH_VERSION"
  say "installing PowerShell $PWSH_VERSION (dotnet tool)"
  dotnet tool install --global PowerShell --version "$PWSH_VERSION" >/dev/null
fi
export DOTNET_ROOT="${DOTNET_ROOT:-$(dirname "$(readlink -f "$(command -v dotnet)")")}"
"${RDSBOT_PWSH:-$HOME/.dotnet/tools/pwsh}" -NoProfile -NonInteractive -Command 'exit 0' || die "pwsh does not start"

# 2. OpenSSH server and client: every lab host is an sshd with the PowerShell subsystem.
if [ -x /usr/sbin/sshd ] && command -v ssh-keygen >/dev/null 2>&1; then
  say "openssh-server present"
else
  say "installing openssh-server"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq || die "apt-get update failed (run as root or with sudo)"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends openssh-server openssh-client >/dev/null \
    || die "could not install openssh-server"
fi

# As root the lab puts each host in its own network namespace (iproute2).
if [ "$(id -u)" = 0 ] && ! command -v ip >/dev/null 2>&1; then
  say "installing iproute2"
  env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends iproute2 >/dev/null || die "could not install iproute2"
fi

# 3. Chromium for the browser tier (tests/browser): Debian's package, so playwright-core downloads no
# browser. A missing one fails that tier with this script's name, it never skips. fonts-liberation is only
# a recommendation of chromium's, but the cards' pictures are drawn in it (Arial's metrics).
if [ -x /usr/bin/chromium ] && [ -d /usr/share/fonts/truetype/liberation ]; then
  say "chromium present"
else
  say "installing chromium"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq || die "apt-get update failed (run as root or with sudo)"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-liberation >/dev/null \
    || die "could not install chromium"
fi

# 3b. PostgreSQL from Debian's packages, for the PostgreSQL store's tests (tests/support/pg-cluster): each
# test run makes its own throwaway cluster with initdb in a temporary folder, so no server is started here.
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -n "$pg_bin" ] && [ -x "$pg_bin/initdb" ] && [ -x "$pg_bin/pg_ctl" ]; then
  say "postgresql present ($pg_bin)"
else
  say "installing postgresql"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq || die "apt-get update failed (run as root or with sudo)"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null \
    || die "could not install postgresql"
fi

# 4. npm packages, only when the lock file changed since the last install.
stamp=node_modules/.rdsbot-lock-sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  say "npm packages up to date"
else
  say "npm ci (builds better-sqlite3 from source; about two minutes)"
  npm ci --no-audit --no-fund
  echo "$want" > "$stamp"
fi
say "ready"
