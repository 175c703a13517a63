#!/usr/bin/env bash
# Online backup of the compose stack's QuestDB (QuestDB's checkpoint mode): CHECKPOINT CREATE,
# copy QuestDB's whole root folder out of its container as a .tar.gz, CHECKPOINT RELEASE (also
# when the copy fails: QuestDB postpones its housekeeping until then). Reads and writes go on
# meanwhile. Run beside docker-compose.yml:
#
#   bash ops/backup-questdb.sh [folder]      # default: backups/
#
# Prints the archive's path. Restore: README, Operations.
set -euo pipefail
dir="${1:-backups}"
sql() { docker compose exec -T app node - "$1" < ops/questdb-sql.mjs; }
mkdir -p "$dir"
out="$dir/questdb-$(date -u +%Y%m%dT%H%M%SZ).tar.gz"
sql 'CHECKPOINT CREATE' > /dev/null
trap 'rm -f "$out.part"; sql "CHECKPOINT RELEASE" > /dev/null' EXIT
docker compose exec -T questdb tar -C /var/lib/questdb -cf - . | gzip > "$out.part"
mv "$out.part" "$out"
echo "$out"
