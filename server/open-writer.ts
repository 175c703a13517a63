import { AssetDirectory, type Store, Writer } from '../store/index.js';
import type { Config } from './config.js';
import type { Logger } from './log.js';

/** The asset register and the writer with the configured spool, as the product and `import` use them. */
export async function openWriter(
  config: Config,
  store: Store,
  log: Logger,
): Promise<{ assets: AssetDirectory; writer: Writer }> {
  const assets = new AssetDirectory(store);
  const writer = await Writer.open({
    connection: store.connection,
    store,
    assets,
    spoolDir: config.spoolDir,
    spoolLimitBytes: config.spoolLimitBytes,
    log,
  });
  return { assets, writer };
}
