// `reach check` and `reach rebuild`: the attribution kept at write (outage_reach) compared with
// a fresh derivation from the stored outages, asset versions and warnings. `check` reports the
// months that disagree (by count and checksum of each outage's own row) and exits 1 if any;
// `rebuild` derives every month afresh and writes what differs (after an upgrade, or as a
// repair). Both use the configured QuestDB, else the bundled one on the data folder.

import { type Config, commandStoreOptions } from '../server/config.js';
import type { Logger } from '../server/log.js';
import { connectForCommand, disagreeingMonths, walApplied, Writer } from '../store/index.js';

const USAGE = 'usage: reach <check|rebuild>';

export async function runReach(args: readonly string[], config: Config, log: Logger): Promise<number> {
  const [action] = args;
  if (action !== 'check' && action !== 'rebuild') {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const db = await connectForCommand(commandStoreOptions(config));
  try {
    await walApplied(db.store);
    if (action === 'check') {
      const months = await disagreeingMonths(db.store);
      const names = months.map((m) => new Date(m).toISOString().slice(0, 7));
      process.stdout.write(
        months.length === 0
          ? 'attribution agrees with the outages in every month\n'
          : `attribution disagrees in ${months.length} month(s): ${names.join(', ')} (run: reach rebuild)\n`,
      );
      return months.length === 0 ? 0 : 1;
    }
    const writer = await Writer.open({
      connection: db.connection,
      store: db.store,
      spoolDir: config.spoolDir,
      spoolLimitBytes: config.spoolLimitBytes,
      log,
    });
    try {
      const t0 = performance.now();
      const done = await writer.repairReach({ all: true });
      process.stdout.write(
        `rebuilt ${done.months} month(s) in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${done.rows} rows written, ${done.tombstones} removed\n`,
      );
      return 0;
    } finally {
      await writer.close();
    }
  } finally {
    await db.close();
  }
}
