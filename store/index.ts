export {
  type Column,
  createStore,
  MAX_ENCODED_STATEMENT,
  type QueryOptions,
  type QueryResult,
  type Store,
  StoreError,
} from './client.js';
export { type Connection, parseClientConf } from './connection.js';
export { migrate } from './migrate.js';
export { QUESTDB_VERSION } from './questdb/jar.js';
export {
  findRunning,
  type LocalQuestDB,
  type LocalQuestDBOptions,
  type QuestDBExit,
  startLocalQuestDB,
  waitReady,
} from './questdb/local.js';
export { type SupervisedQuestDB, superviseQuestDB } from './questdb/supervise.js';
export { Instant, ident, join, raw, Sql, type SqlValue, sql, ts } from './sql.js';
export { MIGRATIONS } from './tables.js';
export * from './writer/index.js';
export { AssetDirectory } from './asset-directory.js';
export { type CommandStore, type CommandStoreOptions, connectForCommand } from './questdb/for-command.js';
export { chunkIds } from './chunks.js';
export { insertRows } from './insert.js';
export {
  ASSET_COLUMNS,
  type AssetRow,
  assetOfRow,
  OUTAGE_COLUMNS,
  type OutageRow,
  outageOfRow,
  readAssetsAsOf,
  readAssetVersions,
  readOutages,
  readWarnings,
} from './records.js';
export * from './reach/index.js';
export { walApplied, walCaughtUp } from './wal.js';
