// One description of "which QuestDB": its HTTP address and credentials, parsed from the Node
// client's configuration string (QDB_CLIENT_CONF) so the SQL client and the ILP sender agree.

export interface Connection {
  /** e.g. http://127.0.0.1:9000 */
  httpUrl: string;
  /** Authorization header value, if any */
  authorization?: string;
  /** The configuration string for @questdb/nodejs-client, with our fixed options added. */
  clientConf: string;
}

const KNOWN = new Set([
  'addr',
  'username',
  'password',
  'token',
  'tls_verify',
  'tls_ca',
  'protocol_version',
  'request_timeout',
  'request_min_throughput',
  'retry_timeout',
  'max_buf_size',
  'init_buf_size',
  'auto_flush',
  'stdlib_http',
  'auto_flush_rows',
  'auto_flush_interval',
]);

export function parseClientConf(conf: string): Connection {
  const m = /^(https?)::(.*)$/.exec(conf.trim());
  if (!m) {
    throw new Error(
      `QDB_CLIENT_CONF must use the http or https protocol, e.g. "http::addr=127.0.0.1:9000;" (got "${conf}")`,
    );
  }
  const protocol = m[1] as 'http' | 'https';
  const entries = new Map<string, string>();
  for (const part of (m[2] ?? '').split(';')) {
    if (!part.trim()) continue;
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    if (!KNOWN.has(key)) throw new Error(`QDB_CLIENT_CONF: unknown or unsupported key '${key}'`);
    entries.set(key, eq < 0 ? '' : part.slice(eq + 1));
  }
  const addr = entries.get('addr');
  if (!addr) throw new Error('QDB_CLIENT_CONF: addr is required, e.g. addr=127.0.0.1:9000');
  const hostPort = addr.includes(':') ? addr : `${addr}:9000`;
  const username = entries.get('username');
  const password = entries.get('password');
  const token = entries.get('token');
  let authorization: string | undefined;
  if (token) authorization = `Bearer ${token}`;
  else if (username && password) {
    authorization = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
  }
  // We send batches we encoded ourselves, so auto-flush is off; protocol 2 is fixed so that no
  // round trip to the server is needed before the first batch (it may be down at start).
  if (!entries.has('protocol_version')) entries.set('protocol_version', '2');
  entries.set('auto_flush', 'off');
  const clientConf = `${protocol}::${[...entries].map(([k, v]) => `${k}=${v}`).join(';')};`;
  return {
    httpUrl: `${protocol}://${hostPort}`,
    ...(authorization ? { authorization } : {}),
    clientConf,
  };
}
