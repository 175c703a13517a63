// The production files as an operator runs them (issue 19): read as text, since Docker is not
// on the development machines. Each check is a way the stack failed or could fail.

import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const compose = readFileSync('docker-compose.yml', 'utf8');
const dockerfile = readFileSync('Dockerfile', 'utf8');
const dockerignore = readFileSync('.dockerignore', 'utf8')
  .split('\n')
  .map((l) => l.trim());

/** The lines of one top-level service block of the compose file. */
function service(name: string): string {
  const start = compose.indexOf(`\n  ${name}:\n`);
  expect(start, `service ${name}`).toBeGreaterThan(0);
  const rest = compose.slice(start + 1);
  const next = rest.slice(1).search(/\n {2}[a-z][\w-]*:\n|\n[a-z]/);
  return next < 0 ? rest : rest.slice(0, next + 1);
}

describe('docker-compose.yml', () => {
  it("checks QuestDB's health without a tool the image may lack, on its health port", () => {
    const questdb = service('questdb');
    expect(questdb).not.toMatch(/curl|wget/);
    expect(questdb).toContain('/dev/tcp/127.0.0.1/9003');
    // With a login, QuestDB asks it on the health port too unless told not to (401 otherwise).
    expect(questdb).toContain('QDB_HTTP_HEALTH_CHECK_AUTHENTICATION_REQUIRED: "false"');
    expect(questdb).toContain('image: questdb/questdb:9.3.4');
  });

  it('gives QuestDB a login from .env, required, and the app the same login', () => {
    const questdb = service('questdb');
    expect(questdb).toContain(`QDB_HTTP_USER: \${QDB_USER:?`);
    expect(questdb).toContain(`QDB_HTTP_PASSWORD: \${QDB_PASSWORD:?`);
    expect(questdb).toContain(`QDB_PG_USER: \${QDB_USER}`);
    expect(questdb).toContain(`QDB_PG_PASSWORD: \${QDB_PASSWORD}`);
    expect(questdb).toContain('QDB_PG_READONLY_USER_ENABLED: "true"');
    expect(questdb).toContain('QDB_METRICS_ENABLED: "true"');
    expect(service('app')).toContain(
      `QDB_CLIENT_CONF: "http::addr=questdb:9000;username=\${QDB_USER};password=\${QDB_PASSWORD};"`,
    );
  });

  it('restarts the app on liveness, not on QuestDB being down, and keeps its spool in a volume', () => {
    const app = service('app');
    expect(app).toContain('http://127.0.0.1:8080/livez');
    expect(app).not.toContain('/healthz');
    expect(app).toContain('condition: service_healthy');
    expect(app).toContain('- app-spool:/var/lib/outage');
    expect(app).toContain('OUTAGE_SPOOL_DIR: /var/lib/outage/spool');
    expect(app).toContain('"127.0.0.1:8080:8080"');
  });
});

describe('Dockerfile', () => {
  it('builds on Node 24 LTS from the lock file, server and dashboard, and ships the dashboard', () => {
    expect(dockerfile.match(/^FROM .*/gm)).toEqual([
      'FROM node:24-bookworm-slim AS build',
      'FROM node:24-bookworm-slim',
    ]);
    expect(dockerfile).toContain('RUN npm ci');
    expect(dockerfile).not.toMatch(/npm install/);
    expect(dockerfile).toContain('RUN npm run build && npm prune --omit=dev');
    expect(dockerfile).toContain('COPY --from=build /app/dashboard/public ./dashboard/public');
    expect(dockerfile).toContain('USER node');
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts['build']).toContain('npm run build:web');
  });

  it("keeps the host's installed and local trees and secrets out of the build context", () => {
    for (const entry of ['node_modules', 'dist', '.local', '.git', '.env'])
      expect(dockerignore).toContain(entry);
  });
});

// Monitoring (issue 19, "Grafana on the same QuestDB"): Grafana and Prometheus in a profile of
// their own, provisioned from ops/. The dashboards and the alert rules are JSON (Grafana reads
// alert rules from .json too); the data sources, the dashboard provider and prometheus.yml must
// be YAML, kept to the block mappings, lists and one-line scalars readYaml below reads (no YAML
// library is installed).

type Yaml = string | number | boolean | null | Yaml[] | { [key: string]: Yaml };

/** The YAML these files use: block mappings and lists, one-line scalars, a flow list of strings. */
function readYaml(text: string): Yaml {
  const lines = text
    .split('\n')
    .map((raw) => ({ indent: raw.search(/\S/), text: raw.trim() }))
    .filter((l) => l.indent >= 0 && !l.text.startsWith('#'));
  let i = 0;
  const scalar = (s: string): Yaml => {
    if (s.startsWith('[') || s.startsWith('"')) return JSON.parse(s) as Yaml;
    if (s.startsWith("'")) return s.slice(1, -1).replaceAll("''", "'");
    if (s === 'true' || s === 'false') return s === 'true';
    if (/^-?\d+(\.\d+)?$/.test(s)) return Number(s);
    return s;
  };
  const block = (indent: number): Yaml => (lines[i]?.text.startsWith('- ') ? list(indent) : mapping(indent));
  function mapping(indent: number): { [key: string]: Yaml } {
    const out: { [key: string]: Yaml } = {};
    while (i < lines.length && lines[i]!.indent === indent && !lines[i]!.text.startsWith('- ')) {
      const m = /^([\w.-]+):(?: (.*))?$/.exec(lines[i]!.text);
      if (!m) throw new Error(`not a key: ${lines[i]!.text}`);
      i++;
      const next = lines[i];
      out[m[1]!] =
        m[2] !== undefined ? scalar(m[2]) : next && next.indent > indent ? block(next.indent) : null;
    }
    if (i < lines.length && lines[i]!.indent > indent)
      throw new Error(`unexpected indent: ${lines[i]!.text}`);
    return out;
  }
  function list(indent: number): Yaml[] {
    const out: Yaml[] = [];
    while (i < lines.length && lines[i]!.indent === indent && lines[i]!.text.startsWith('- ')) {
      const item = lines[i]!.text.slice(2);
      if (/^[\w.-]+:( |$)/.test(item)) {
        // A mapping in a list: its first key sits after the dash, the others under it.
        lines[i] = { indent: indent + 2, text: item };
        out.push(mapping(indent + 2));
      } else {
        out.push(scalar(item));
        i++;
      }
    }
    return out;
  }
  return block(lines[0]?.indent ?? 0);
}

interface Target {
  refId: string;
  datasource?: { type: string; uid: string };
  rawSql?: string;
  expr?: string;
  format?: string;
}
interface Panel {
  id: number;
  type: string;
  title: string;
  datasource?: { type: string; uid: string };
  targets: Target[];
  gridPos: { h: number; w: number; x: number; y: number };
}
interface Dashboard {
  uid: string;
  title: string;
  panels: Panel[];
  templating: { list: { name: string; query: string; datasource: { uid: string } }[] };
}
interface AlertQuery {
  refId: string;
  datasourceUid: string;
  model: { expr?: string; rawSql?: string; type?: string; expression?: string };
}
interface AlertRule {
  uid: string;
  title: string;
  condition: string;
  data: AlertQuery[];
  for: string;
  noDataState: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

const json = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;
const yaml = <T>(path: string): T => readYaml(readFileSync(path, 'utf8')) as T;
const datasources = yaml<{
  datasources: {
    uid: string;
    type: string;
    url: string;
    user?: string;
    secureJsonData?: Record<string, string>;
    jsonData: Record<string, unknown>;
  }[];
}>('ops/grafana/provisioning/datasources/datasources.yaml').datasources;
const providers = yaml<{ providers: { type: string; folder: string; options: { path: string } }[] }>(
  'ops/grafana/provisioning/dashboards/dashboards.yaml',
).providers;
const alertGroups = json<{ groups: { folder: string; interval: string; rules: AlertRule[] }[] }>(
  'ops/grafana/provisioning/alerting/rules.json',
).groups;
const rules = alertGroups.flatMap((g) => g.rules);
const dashboardFiles = readdirSync('ops/grafana/dashboards').filter((f) => f.endsWith('.json'));
const dashboards = dashboardFiles.map((f) => json<Dashboard>(`ops/grafana/dashboards/${f}`));
const prometheus = yaml<{
  scrape_configs: {
    job_name: string;
    metrics_path: string;
    authorization?: { type: string; credentials_file: string };
    static_configs: { targets: string[] }[];
  }[];
}>('ops/prometheus/prometheus.yml');

/** `- "host:container"` and `- host:container` entries under one key of a service block. */
function listUnder(block: string, key: string): string[] {
  const start = block.indexOf(`\n    ${key}:\n`);
  if (start < 0) return [];
  const lines = block.slice(start + key.length + 7).split('\n');
  const out: string[] = [];
  for (const line of lines) {
    const m = /^ {6}- "?([^"]*)"?$/.exec(line);
    if (!m) break;
    out.push(m[1]!);
  }
  return out;
}

/** Both words of a title: Chinese for the operators, English beside it. */
const bilingual = (text: string): boolean => /[\u4e00-\u9fff]/.test(text) && /[A-Za-z]{3}/.test(text);

describe('docker-compose.yml: monitoring', () => {
  it('keeps Grafana and Prometheus in the monitoring profile, so `docker compose up` starts only QuestDB and the app', () => {
    expect(service('grafana')).toContain('profiles: ["monitoring"]');
    expect(service('prometheus')).toContain('profiles: ["monitoring"]');
    expect(service('questdb')).not.toContain('profiles:');
    expect(service('app')).not.toContain('profiles:');
    // Compose checks ${VAR:?} in every service whatever the profile: the monitoring services
    // must not require a variable the default stack does not.
    expect(service('grafana')).not.toContain(':?');
    expect(service('prometheus')).not.toContain(':?');
  });

  it('pins both images to a version', () => {
    expect(service('grafana')).toMatch(/\n {4}image: grafana\/grafana:\d+\.\d+\.\d+\n/);
    expect(service('prometheus')).toMatch(/\n {4}image: prom\/prometheus:v\d+\.\d+\.\d+\n/);
  });

  it("checks each one's health with a tool its image has, on its own health endpoint", () => {
    expect(service('grafana')).toContain(
      'test: ["CMD", "wget", "-q", "-O", "/dev/null", "http://127.0.0.1:3000/api/health"]',
    );
    expect(service('prometheus')).toContain(
      'test: ["CMD", "wget", "-q", "-O", "/dev/null", "http://127.0.0.1:9090/-/healthy"]',
    );
    expect(service('grafana')).toContain('prometheus:\n        condition: service_healthy');
    expect(service('grafana')).toContain('questdb:\n        condition: service_healthy');
  });

  it('publishes every port on the loopback address only', () => {
    const ports = ['questdb', 'app', 'grafana', 'prometheus'].flatMap((s) => listUnder(service(s), 'ports'));
    expect(ports).toEqual(['127.0.0.1:8080:8080', '127.0.0.1:3000:3000', '127.0.0.1:9090:9090']);
  });

  it('refuses to start Grafana without an admin password of its own', () => {
    const grafana = service('grafana');
    expect(grafana).toContain(`GF_SECURITY_ADMIN_PASSWORD: \${GRAFANA_ADMIN_PASSWORD:-}`);
    expect(grafana).toContain(
      `'test -n "$$GF_SECURITY_ADMIN_PASSWORD" || { echo ''set GRAFANA_ADMIN_PASSWORD`,
    );
    expect(grafana).toContain('exec /run.sh');
  });

  it('mounts the provisioning and the dashboards where the provider file looks for them', () => {
    const mounts = listUnder(service('grafana'), 'volumes');
    expect(mounts).toContain('./ops/grafana/provisioning:/etc/grafana/provisioning:ro');
    expect(providers.map((p) => [p.type, p.options.path])).toEqual([['file', '/etc/grafana/dashboards']]);
    expect(mounts).toContain('./ops/grafana/dashboards:/etc/grafana/dashboards:ro');
    const prometheus = service('prometheus');
    expect(listUnder(prometheus, 'volumes')).toContain(
      './ops/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro',
    );
    expect(listUnder(prometheus, 'command')).toContain('--config.file=/etc/prometheus/prometheus.yml');
  });

  it("reaches QuestDB with the read-only login QuestDB's service sets up, on its PostgreSQL port", () => {
    const questdb = datasources.find((d) => d.uid === 'questdb');
    expect(questdb).toMatchObject({
      type: 'grafana-postgresql-datasource',
      url: 'questdb:8812',
      user: `\${QDB_READONLY_USER}`,
      secureJsonData: { password: `\${QDB_READONLY_PASSWORD}` },
      jsonData: { database: 'qdb', sslmode: 'disable' },
    });
    // Grafana gets both from the same .env entries QuestDB's read-only user is made from.
    expect(service('questdb')).toContain(`QDB_PG_READONLY_USER: \${QDB_READONLY_USER:-reader}`);
    expect(service('questdb')).toContain(`QDB_PG_READONLY_PASSWORD: \${QDB_READONLY_PASSWORD:?`);
    expect(service('grafana')).toContain(`QDB_READONLY_USER: \${QDB_READONLY_USER:-reader}`);
    expect(service('grafana')).toContain(`QDB_READONLY_PASSWORD: \${QDB_READONLY_PASSWORD:-}`);
    expect(datasources.find((d) => d.uid === 'prometheus')).toMatchObject({
      type: 'prometheus',
      url: 'http://prometheus:9090',
    });
  });

  it("scrapes the app with the metrics token's secret and QuestDB on its health port", () => {
    // The secret compose mounts is the file Prometheus reads the bearer token from.
    expect(listUnder(service('prometheus'), 'secrets')).toEqual(['outage_metrics_token']);
    expect(compose).toContain('secrets:\n  outage_metrics_token:\n    environment: OUTAGE_METRICS_TOKEN\n');
    const jobs = prometheus.scrape_configs.map((c) => ({
      name: c.job_name,
      path: c.metrics_path,
      token: c.authorization,
      targets: c.static_configs.flatMap((t) => t.targets),
    }));
    expect(jobs).toEqual([
      {
        name: 'outage-app',
        path: '/metrics',
        token: { type: 'Bearer', credentials_file: '/run/secrets/outage_metrics_token' },
        targets: ['app:8080'],
      },
      { name: 'questdb', path: '/metrics', token: undefined, targets: ['questdb:9003'] },
    ]);
    // The app listens on 8080 in the network; QuestDB serves its metrics on the health port.
    expect(service('app')).toContain('PORT: "8080"');
    expect(service('questdb')).toContain('QDB_METRICS_ENABLED: "true"');
  });
});

describe('Grafana provisioning', () => {
  const uids = new Set(datasources.map((d) => d.uid));

  it('is read by readYaml as YAML reads it, and refuses what readYaml does not know', () => {
    const text = [
      '# a comment',
      'a: 1',
      'b:',
      '  - name: x',
      '    on: true',
      "    q: 'it''s'",
      '  - plain text: with colon',
      'c: ["p", "q"]',
      'd: http://h:1/x',
    ].join('\n');
    expect(readYaml(text)).toEqual({
      a: 1,
      b: [{ name: 'x', on: true, q: "it's" }, 'plain text: with colon'],
      c: ['p', 'q'],
      d: 'http://h:1/x',
    });
    expect(() => readYaml('a: |\n  block text')).toThrow('unexpected indent: block text');
    expect(() => readYaml('a:\n  - x\n  y: 1')).toThrow('unexpected indent: y: 1');
    expect(() => readYaml('a: 1\nb c')).toThrow('not a key: b c');
  });

  it('provisions the two dashboards, each panel on a provisioned data source with a query', () => {
    expect(dashboards.map((d) => d.uid).sort()).toEqual([
      'outage-frequent-outages',
      'outage-live-operations',
    ]);
    for (const d of dashboards) {
      expect(bilingual(d.title), d.title).toBe(true);
      for (const p of d.panels) {
        expect(bilingual(p.title), p.title).toBe(true);
        expect(p.targets.length, p.title).toBeGreaterThan(0);
        for (const t of p.targets) {
          const uid = t.datasource?.uid ?? p.datasource?.uid;
          expect(uids.has(uid ?? ''), `${p.title}: ${uid}`).toBe(true);
          // QuestDB answers SQL, Prometheus PromQL.
          expect(uid === 'questdb' ? t.rawSql : t.expr, p.title).toBeTruthy();
        }
      }
    }
  });

  it('lays the panels out without overlap, within the 24-column grid', () => {
    for (const d of dashboards) {
      const cells = new Set<string>();
      for (const { gridPos: g, title } of d.panels) {
        expect(g.x + g.w, title).toBeLessThanOrEqual(24);
        for (let x = g.x; x < g.x + g.w; x++)
          for (let y = g.y; y < g.y + g.h; y++) {
            expect(cells.has(`${x},${y}`), `${d.uid}: ${title} overlaps at ${x},${y}`).toBe(false);
            cells.add(`${x},${y}`);
          }
      }
    }
  });

  it('counts local days in the operating zone, and reads the snapshot and current outages', () => {
    const sqls = dashboards.flatMap((d) => d.panels.flatMap((p) => p.targets.map((t) => t.rawSql ?? '')));
    const trends = sqls.filter((s) => s.includes('SAMPLE BY'));
    expect(trends.length).toBe(3);
    for (const s of trends) expect(s).toContain("SAMPLE BY 1d ALIGN TO CALENDAR TIME ZONE 'Asia/Shanghai'");
    const frequent = dashboards.find((d) => d.uid === 'outage-frequent-outages')!;
    expect(frequent.templating.list.map((v) => [v.name, v.datasource.uid])).toEqual([
      ['rule_set', 'questdb'],
    ]);
    const tables = (d: Dashboard) =>
      new Set(
        d.panels.flatMap((p) => p.targets.flatMap((t) => t.rawSql?.match(/\b(?:FROM|JOIN) (\w+)/g) ?? [])),
      );
    expect([...tables(frequent)].sort()).toEqual([
      'FROM flag_snapshot',
      'FROM latest_flags',
      'FROM latest_reliability',
      'FROM snapshot_runs',
    ]);
    const live = dashboards.find((d) => d.uid === 'outage-live-operations')!;
    expect([...tables(live)].sort()).toEqual(['FROM current_outages', 'JOIN current_assets']);
  });

  it('alerts on QuestDB down, the spool growing, a job missing its run and new breaches', () => {
    // In the dashboards' folder.
    expect(alertGroups.map((g) => [g.folder, g.interval])).toEqual([[providers[0]!.folder, '1m']]);
    const byUid = new Map(rules.map((r) => [r.uid, r]));
    expect(byUid.size).toBe(rules.length);
    const query = (uid: string) => {
      const r = byUid.get(uid);
      expect(r, uid).toBeDefined();
      return r!.data[0]!;
    };
    expect(query('outage-questdb-down').model.expr).toBe('min(up{job="questdb"})');
    expect(query('outage-spool-growing').model.expr).toContain('deriv(outage_spool_records[10m])');
    expect(query('outage-job-missed-run').model.expr).toContain('outage_job_last_success_timestamp_seconds');
    expect(query('outage-new-breaches')).toMatchObject({ datasourceUid: 'questdb' });
    expect(query('outage-new-breaches').model.rawSql).toContain('FROM latest_flags');
    // Every job the Prometheus rules name is one prometheus.yml scrapes.
    for (const r of rules)
      for (const job of JSON.stringify(r.data).match(/job=\\"[\w-]+\\"/g) ?? [])
        expect(prometheus.scrape_configs.map((c) => c.job_name)).toContain(job.slice(6, -2));
  });

  it('gives each alert rule a condition among its queries and data sources that exist', () => {
    for (const r of rules) {
      expect(bilingual(r.title), r.title).toBe(true);
      const refs = r.data.map((q) => q.refId);
      expect(refs, r.uid).toContain(r.condition);
      for (const q of r.data) {
        expect(
          q.datasourceUid === '__expr__' || uids.has(q.datasourceUid),
          `${r.uid}: ${q.datasourceUid}`,
        ).toBe(true);
        if (q.model.expression) expect(refs, r.uid).toContain(q.model.expression);
      }
      expect(['OK', 'Alerting', 'NoData'], r.uid).toContain(r.noDataState);
      expect(r.for, r.uid).toMatch(/^\d+[smh]$/);
    }
  });

  it('leaves no $ where Grafana would read an environment variable (every field but annotations)', () => {
    for (const r of rules) {
      const { annotations: _, ...interpolated } = r;
      expect(JSON.stringify(interpolated), r.uid).not.toMatch(/(?<!\$)\$(?!\$)/);
    }
  });
});
