// Which QuestDB a one-off command (import, export) uses: the configured one, else the bundled
// one a running product started on the same data folder, else a bundled one of its own that
// it stops again. Migrations are applied either way.

import { join } from 'node:path';
import { createStore, type Store } from '../client.js';
import { type Connection, parseClientConf } from '../connection.js';
import { migrate } from '../migrate.js';
import { findRunning, type LocalQuestDB, startLocalQuestDB } from './local.js';

export interface CommandStoreOptions {
  /** QDB_CLIENT_CONF, when set */
  clientConf: string | undefined;
  dataDir: string;
  cacheDir: string;
  heap: string;
}

export interface CommandStore {
  store: Store;
  connection: Connection;
  /** Stops the QuestDB this command started, if it started one. */
  close(): Promise<void>;
}

export async function connectForCommand(o: CommandStoreOptions): Promise<CommandStore> {
  let questdb: LocalQuestDB | undefined;
  let conf = o.clientConf;
  const qdbDir = join(o.dataDir, 'questdb');
  if (!conf) {
    const running = await findRunning(qdbDir);
    if (running) conf = running;
    else {
      questdb = await startLocalQuestDB({ dataDir: qdbDir, cacheDir: o.cacheDir, heap: o.heap });
      conf = questdb.clientConf;
    }
  }
  try {
    const connection = parseClientConf(conf);
    const store = createStore(connection);
    await migrate(store);
    return { store, connection, close: async () => questdb?.stop() };
  } catch (err) {
    await questdb?.stop();
    throw err;
  }
}
