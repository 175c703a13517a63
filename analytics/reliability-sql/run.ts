// Statements go to QuestDB in the URL of a GET (store/client.ts), which QuestDB reads up to
// about 32 KB: a longer one would look like an unreachable database, so it is refused here
// with a message that says what to narrow.

import { type Sql, type Store, StoreError } from '../../store/index.js';

export const MAX_STATEMENT_BYTES = 32_000;

export async function rows<T>(store: Store, statement: Sql): Promise<T[]> {
  const bytes = Buffer.byteLength(statement.text, 'utf8');
  if (bytes > MAX_STATEMENT_BYTES) {
    throw new StoreError(
      'rejected',
      `reliability statement of ${bytes} bytes exceeds ${MAX_STATEMENT_BYTES}: narrow scope.assetIds or the major event days`,
    );
  }
  return store.rows<T>(statement);
}
