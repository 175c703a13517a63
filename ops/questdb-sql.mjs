// One SQL statement sent to the product's QuestDB with the product's own login, for operators:
// QuestDB's image has no HTTP client and its ports stay inside the compose network, so the
// statement goes from the app container, which holds QDB_CLIENT_CONF. Piped in, nothing to
// install:
//
//   docker compose exec -T app node - 'CHECKPOINT CREATE' < ops/questdb-sql.mjs
//
// Prints QuestDB's JSON answer; exits 1 when QuestDB refuses the statement or cannot be reached.

import { readFileSync } from 'node:fs';

/** `http::addr=db:9000;username=u;password=p;` → its keys (`;;` is a semicolon in a value). */
function parseConf(text) {
  const [schema, rest = ''] = text.trim().split(/::(.*)/s);
  const out = { schema };
  let key = '';
  let value = '';
  let inValue = false;
  for (let i = 0; i < rest.length; i++) {
    const c = rest[i];
    if (!inValue && c === '=') inValue = true;
    else if (inValue && c === ';' && rest[i + 1] === ';') {
      value += ';';
      i++;
    } else if (c === ';') {
      out[key.trim()] = value;
      key = '';
      value = '';
      inValue = false;
    } else if (inValue) value += c;
    else key += c;
  }
  if (key.trim() !== '') out[key.trim()] = value;
  return out;
}

const statement = process.argv[process.argv.length - 1];
const file = process.env.QDB_CLIENT_CONF_FILE;
const text = file ? readFileSync(file, 'utf8') : process.env.QDB_CLIENT_CONF;
if (!text || !statement || statement === '-') {
  process.stderr.write('usage: QDB_CLIENT_CONF=… node questdb-sql.mjs "SQL" (in the app container)\n');
  process.exit(2);
}
const conf = parseConf(text);
const headers = {};
if (conf.username !== undefined)
  headers.authorization = `Basic ${Buffer.from(`${conf.username}:${conf.password ?? ''}`).toString('base64')}`;
else if (conf.token !== undefined) headers.authorization = `Bearer ${conf.token}`;
const scheme = conf.schema === 'https' ? 'https' : 'http';
const url = `${scheme}://${conf.addr}/exec?query=${encodeURIComponent(statement)}`;
try {
  const res = await fetch(url, { headers, signal: AbortSignal.timeout(60_000) });
  const body = await res.text();
  process.stdout.write(`${body}\n`);
  process.exit(res.ok ? 0 : 1);
} catch (err) {
  process.stderr.write(`QuestDB at ${conf.addr} did not answer: ${String(err)}\n`);
  process.exit(1);
}
