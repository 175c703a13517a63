import { inject } from 'vitest';
import { createStore, migrate, parseClientConf, type Store } from '../../store/index.js';

/** The shared test QuestDB, migrated. */
export async function sharedStore(): Promise<Store> {
  const store = createStore(parseClientConf(inject('qdbClientConf')));
  await migrate(store);
  return store;
}
