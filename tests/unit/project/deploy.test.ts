// The production files as an operator runs them (issue 19): read as text, since Docker is not
// on the development machines. Each check is a way the stack failed or could fail.

import { readFileSync } from 'node:fs';
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
