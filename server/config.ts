// Every setting, read once at start from the environment and checked by one schema. An unknown
// OUTAGE_* variable is an error, so a misspelt setting is never silently ignored.

import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { projectRoot } from '../core/project-root.js';
import { formatIssues, isValidZone, pathToString, ROLES, type Role } from '../core/index.js';
import { CUSTOMERS_FACTOR } from '../ingest/pipeline/index.js';

export { ROLES, type Role } from '../core/index.js';
export { projectRoot } from '../core/project-root.js';

const flag = z.enum(['0', '1']).transform((v) => v === '1');
const port = z.coerce.number().int().min(0).max(65_535);

/** A token's name: who it belongs to, recorded as the actor of what it changes. */
const TOKEN_NAME = /^[^\s:,]{1,64}$/u;
/** Reserved for the product's own jobs in case histories. */
export const SYSTEM_NAME = 'system';

const TokenList = z.string().transform((text, ctx) => {
  const out: { role: Role; name: string | undefined; token: string }[] = [];
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    // role:token, or role:name:token (a name has no colon; a token may)
    const fields = part.split(':');
    const role = fields[0] ?? '';
    const named = fields.length >= 3;
    const name = named ? fields[1] : undefined;
    const token = fields.slice(named ? 2 : 1).join(':');
    const badName = name !== undefined && (!TOKEN_NAME.test(name) || name === SYSTEM_NAME);
    if (!(ROLES as readonly string[]).includes(role) || token.length < 16 || badName) {
      ctx.addIssue({
        code: 'custom',
        message: `expected role:token or role:name:token entries separated by commas (roles: ${ROLES.join(', ')}; names up to 64 characters without spaces or colons, not "${SYSTEM_NAME}"; tokens at least 16 characters), got an entry starting "${part.slice(0, 12)}"`,
      });
      return z.NEVER;
    }
    out.push({ role: role as Role, name, token });
  }
  return out;
});

const schema = z.object({
  PORT: port.default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  OUTAGE_DATA_DIR: z.string().min(1).optional(),
  OUTAGE_DEMO: flag.default(true),
  OUTAGE_ADMIN_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  OUTAGE_TOKENS: TokenList.default([]),
  OUTAGE_TZ: z
    .string()
    .refine(isValidZone, { message: 'not a known IANA time zone (e.g. Asia/Shanghai)' })
    .default('Asia/Shanghai'),
  QDB_CLIENT_CONF: z.string().min(1).optional(),
  OUTAGE_QDB_HTTP_PORT: port.default(0),
  OUTAGE_QDB_PG_PORT: port.default(0),
  OUTAGE_QDB_HEAP: z
    .string()
    .regex(/^\d+[mg]$/, 'a Java heap size such as 512m or 2g')
    .default('1g'),
  OUTAGE_QDB_CACHE_DIR: z.string().min(1).optional(),
  OUTAGE_SPOOL_DIR: z.string().min(1).optional(),
  OUTAGE_SPOOL_LIMIT_MB: z.coerce.number().positive().default(512),
  OUTAGE_BODY_LIMIT_MB: z.coerce.number().positive().default(32),
  OUTAGE_RULES_DIR: z.string().min(1).optional(),
  OUTAGE_RULE_SET: z.string().min(1).default('national-2025'),
  OUTAGE_RULE_SETS: z
    .string()
    .optional()
    .transform((v) =>
      v === undefined || v.trim() === ''
        ? undefined
        : v
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
    ),
  OUTAGE_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  OUTAGE_CORS_ORIGIN: z.string().min(1).optional(),
  OUTAGE_RATE_LIMIT: z.coerce.number().int().positive().default(1200),
  OUTAGE_TRUST_PROXY: z.string().min(1).optional(),
  OUTAGE_CUSTOMERS_FACTOR: z.coerce.number().min(0).default(CUSTOMERS_FACTOR),
  // The public pages' "report an outage": a hotline (digits, spaces, +, -) and an https link.
  OUTAGE_PUBLIC_HOTLINE: z
    .string()
    .regex(/^\+?[0-9][0-9 -]{1,30}$/, 'a telephone number such as 95598 or +86 871 1234 5678')
    .default('95598'),
  OUTAGE_PUBLIC_REPORT_URL: z
    .url({ protocol: /^https?$/, error: 'an http(s) address such as https://example.cn/report' })
    .optional(),
  // Outage notices (issue 17): the delivery worker, webhooks and e-mail (server/notices).
  OUTAGE_NOTICES: flag.default(true),
  OUTAGE_NOTICES_ALLOW_HTTP: flag.default(false),
  OUTAGE_NOTICES_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  // Dashboard sessions (cookies): the signing key (absent: a random one, so a restart signs
  // everyone out; set it when several instances serve one dashboard) and how long one lasts.
  OUTAGE_SESSION_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  OUTAGE_SESSION_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(12),
  OUTAGE_NOTICES_FROM: z.string().min(3).default('outage-notices@localhost'),
  OUTAGE_NOTICES_TIMEOUT_S: z.coerce.number().positive().max(300).default(10),
  OUTAGE_NOTICES_INTERVAL_S: z.coerce.number().positive().max(3600).default(5),
  OUTAGE_SMTP_URL: z
    .string()
    .refine(
      (v) => {
        try {
          return ['smtp:', 'smtps:'].includes(new URL(v).protocol);
        } catch {
          return false;
        }
      },
      { message: 'an smtp:// or smtps:// URL, e.g. smtps://user:password@mail.example.cn:465' },
    )
    .optional(),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  demo: boolean;
  adminToken: string | undefined;
  /** name: who the token belongs to (absent: named after its role and digest) */
  tokens: { role: Role; name: string | undefined; token: string }[];
  zone: string;
  /** undefined: run the bundled local QuestDB */
  qdbClientConf: string | undefined;
  qdbHttpPort: number;
  qdbPgPort: number;
  qdbHeap: string;
  qdbCacheDir: string;
  spoolDir: string;
  spoolLimitBytes: number;
  bodyLimitBytes: number;
  rulesDir: string;
  ruleSet: string;
  /** the rule sets in force (undefined: every file in rulesDir) */
  ruleSets: string[] | undefined;
  logLevel: string;
  corsOrigin: string | undefined;
  /** Express "trust proxy": addresses or subnets whose X-Forwarded-For is believed. */
  trustProxy: string | undefined;
  /** API requests per client per minute */
  rateLimit: number;
  /** an outage over this many times its asset's customers is refused (0: no check) */
  customersFactor: number;
  /** the public pages' hotline to report an outage */
  publicHotline: string;
  /** the public pages' link to report an outage online, if any */
  publicReportUrl: string | undefined;
  /** outage notices: subscriptions and their delivery (server/notices) */
  notices: NoticesConfig;
  /** dashboard sessions: the cookie's signing key (absent: random per process) and lifetime */
  session: { key: string | undefined; hours: number };
}

export interface NoticesConfig {
  /** run the delivery worker in this process (one per database) */
  enabled: boolean;
  /** allow plain-http webhooks (a gateway on the local network) */
  allowHttp: boolean;
  /** the key subscription secrets derive from (undefined: kept in <dataDir>/notices-key) */
  key: string | undefined;
  /** undefined: no e-mail channel */
  smtpUrl: string | undefined;
  from: string;
  timeoutMs: number;
  intervalMs: number;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * Settings that hold secrets may instead name a file that holds them (`OUTAGE_ADMIN_TOKEN_FILE`,
 * as Docker and Kubernetes secrets are mounted); the file's text, trimmed, is the value.
 */
const SECRETS = [
  'OUTAGE_ADMIN_TOKEN',
  'OUTAGE_TOKENS',
  'QDB_CLIENT_CONF',
  'OUTAGE_NOTICES_KEY',
  'OUTAGE_SMTP_URL',
  'OUTAGE_SESSION_KEY',
] as const;

const KNOWN = new Set([...Object.keys(schema.shape), ...SECRETS.map((k) => `${k}_FILE`)]);

/** `env` with each secret read from its `_FILE` when the value itself is not set. */
function withSecretFiles(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out = { ...env };
  for (const key of SECRETS) {
    const file = env[`${key}_FILE`];
    if (file === undefined || file === '') continue;
    if (env[key] !== undefined && env[key] !== '')
      throw new ConfigError(`${key} and ${key}_FILE are both set: keep one`);
    try {
      out[key] = readFileSync(file, 'utf8').trim();
    } catch (err) {
      throw new ConfigError(
        `${key}_FILE: cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? String(err)})`,
      );
    }
  }
  return out;
}

/** Which QuestDB a one-off command (import, export, reach) uses, from the settings. */
export const commandStoreOptions = (c: Config) => ({
  clientConf: c.qdbClientConf,
  dataDir: c.dataDir,
  cacheDir: c.qdbCacheDir,
  heap: c.qdbHeap,
});

export function loadConfig(given: NodeJS.ProcessEnv = process.env): Config {
  const env = withSecretFiles(given);
  const unknown = Object.keys(env).filter((k) => k.startsWith('OUTAGE_') && !KNOWN.has(k));
  if (unknown.length > 0) {
    const known = [...KNOWN].filter((k) => k.startsWith('OUTAGE_')).join(', ');
    throw new ConfigError(
      `unknown setting ${unknown.map((k) => `'${k}'`).join(', ')}; known settings: ${known}`,
    );
  }
  const picked = Object.fromEntries(
    [...KNOWN].filter((k) => env[k] !== undefined && env[k] !== '').map((k) => [k, env[k]]),
  );
  const parsed = schema.safeParse(picked);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => {
      const key = pathToString(i.path);
      // A secret is never echoed (the message goes to logs): its length says enough.
      const secret = (SECRETS as readonly string[]).includes(key);
      const got = String(env[key] ?? '');
      return {
        path: key,
        message: `${i.message} (${secret ? `${got.length} characters given` : `got "${got}"`})`,
      };
    });
    throw new ConfigError(`invalid settings: ${formatIssues(issues)}`);
  }
  const c = parsed.data;
  const root = projectRoot();
  const local = join(root, '.local');
  const dataDir = resolve(c.OUTAGE_DATA_DIR ?? join(local, 'data'));
  return {
    port: c.PORT,
    host: c.HOST,
    dataDir,
    demo: c.OUTAGE_DEMO,
    adminToken: c.OUTAGE_ADMIN_TOKEN,
    tokens: c.OUTAGE_TOKENS,
    zone: c.OUTAGE_TZ,
    qdbClientConf: c.QDB_CLIENT_CONF,
    qdbHttpPort: c.OUTAGE_QDB_HTTP_PORT,
    qdbPgPort: c.OUTAGE_QDB_PG_PORT,
    qdbHeap: c.OUTAGE_QDB_HEAP,
    qdbCacheDir: resolve(c.OUTAGE_QDB_CACHE_DIR ?? join(local, 'questdb-jar')),
    spoolDir: resolve(c.OUTAGE_SPOOL_DIR ?? join(dataDir, 'spool')),
    spoolLimitBytes: Math.round(c.OUTAGE_SPOOL_LIMIT_MB * 1024 * 1024),
    bodyLimitBytes: Math.round(c.OUTAGE_BODY_LIMIT_MB * 1024 * 1024),
    rulesDir: resolve(c.OUTAGE_RULES_DIR ?? join(root, 'rules')),
    ruleSet: c.OUTAGE_RULE_SET,
    ruleSets: c.OUTAGE_RULE_SETS,
    logLevel: c.OUTAGE_LOG_LEVEL,
    corsOrigin: c.OUTAGE_CORS_ORIGIN,
    trustProxy: c.OUTAGE_TRUST_PROXY,
    rateLimit: c.OUTAGE_RATE_LIMIT,
    customersFactor: c.OUTAGE_CUSTOMERS_FACTOR,
    publicHotline: c.OUTAGE_PUBLIC_HOTLINE,
    publicReportUrl: c.OUTAGE_PUBLIC_REPORT_URL,
    notices: {
      enabled: c.OUTAGE_NOTICES,
      allowHttp: c.OUTAGE_NOTICES_ALLOW_HTTP,
      key: c.OUTAGE_NOTICES_KEY,
      smtpUrl: c.OUTAGE_SMTP_URL,
      from: c.OUTAGE_NOTICES_FROM,
      timeoutMs: Math.round(c.OUTAGE_NOTICES_TIMEOUT_S * 1000),
      intervalMs: Math.round(c.OUTAGE_NOTICES_INTERVAL_S * 1000),
    },
    session: { key: c.OUTAGE_SESSION_KEY, hours: c.OUTAGE_SESSION_HOURS },
  };
}
