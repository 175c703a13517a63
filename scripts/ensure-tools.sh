#!/usr/bin/env bash
# Installs what the test suite needs beyond npm: Java and Maven run the bundled QuestDB;
# Chromium (and CJK fonts) run the browser tests. Only Debian's packages, only when missing.
set -euo pipefail
missing=()
command -v java >/dev/null 2>&1 || missing+=(openjdk-17-jre-headless)
command -v mvn >/dev/null 2>&1 || missing+=(maven)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
# Chinese glyphs for the dashboard screenshots the browser tests save
fc-list 2>/dev/null | grep -qi 'noto.*cjk' || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "missing: ${missing[*]} — install them (Debian/Ubuntu: apt-get install ${missing[*]})" >&2
    exit 1
  fi
  echo "installing ${missing[*]} from Debian's packages" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
