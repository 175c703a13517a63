// The bundled QuestDB has a login of its own (issue 21 row 16): nobody on the machine reaches its
// tables without the password kept in its data folder, over HTTP or PostgreSQL wire.

import { readFileSync, rmSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findRunning, type LocalQuestDB, parseClientConf, startLocalQuestDB } from '../../store/index.js';
import { jarCache, startTestQuestDB } from '../support/questdb.js';

let qdb: LocalQuestDB;
beforeAll(async () => {
  qdb = await startTestQuestDB('login');
});
afterAll(async () => {
  await qdb.stop();
  rmSync(qdb.dataDir, { recursive: true, force: true });
});

const query = (authorization?: string) =>
  fetch(`${qdb.httpUrl}/exec?query=${encodeURIComponent('SELECT 1 one')}`, {
    ...(authorization ? { headers: { authorization } } : {}),
  });
const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

/**
 * Logs in over PostgreSQL wire (protocol 3.0, cleartext password as QuestDB asks for it) and
 * answers what the server said: 'ok' (AuthenticationOk), or the ErrorResponse's message.
 */
function pgLogin(port: number, user: string, password: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let buffer = Buffer.alloc(0);
    const done = (answer: string) => {
      socket.destroy();
      resolve(answer);
    };
    socket.on('error', reject);
    socket.on('connect', () => {
      const params = Buffer.from(`user\0${user}\0database\0qdb\0\0`);
      const head = Buffer.alloc(8);
      head.writeInt32BE(8 + params.length, 0);
      head.writeInt32BE(196608, 4);
      socket.write(Buffer.concat([head, params]));
    });
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      while (buffer.length >= 5) {
        const type = String.fromCharCode(buffer[0]!);
        const length = buffer.readInt32BE(1);
        if (buffer.length < 1 + length) return;
        const body = buffer.subarray(5, 1 + length);
        buffer = buffer.subarray(1 + length);
        if (type === 'R') {
          const code = body.readInt32BE(0);
          if (code === 0) return done('ok');
          if (code === 3) {
            const pw = Buffer.from(`${password}\0`);
            const msg = Buffer.alloc(5);
            msg.write('p', 0);
            msg.writeInt32BE(4 + pw.length, 1);
            socket.write(Buffer.concat([msg, pw]));
          } else return done(`unsupported authentication ${code}`);
        } else if (type === 'E') {
          const fields = body.toString('utf8').split('\0');
          return done(fields.find((f) => f.startsWith('M'))?.slice(1) ?? 'error');
        }
      }
    });
  });
}

describe('the bundled QuestDB login', () => {
  it('is made at first start and kept in the data folder, readable by its owner only', () => {
    const file = join(qdb.dataDir, 'credentials.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const login = JSON.parse(readFileSync(file, 'utf8')) as { user: string; password: string };
    expect(login.user).toBe('outage');
    expect(login.password).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(qdb.clientConf).toContain(`username=outage;password=${login.password};`);
    expect(parseClientConf(qdb.clientConf).authorization).toBe(basic('outage', login.password));
  });

  it('guards the HTTP API: no login or a wrong one is refused', async () => {
    const login = JSON.parse(readFileSync(join(qdb.dataDir, 'credentials.json'), 'utf8')) as {
      user: string;
      password: string;
    };
    expect((await query()).status).toBe(401);
    expect((await query(basic('admin', 'quest'))).status).toBe(401);
    expect((await query(basic(login.user, `${login.password}x`))).status).toBe(401);
    const ok = await query(basic(login.user, login.password));
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { dataset: unknown }).dataset).toEqual([[1]]);
  });

  it("guards PostgreSQL wire: QuestDB's default admin/quest is refused", async () => {
    const login = JSON.parse(readFileSync(join(qdb.dataDir, 'credentials.json'), 'utf8')) as {
      user: string;
      password: string;
    };
    expect(await pgLogin(qdb.pgPort, 'admin', 'quest')).not.toBe('ok');
    expect(await pgLogin(qdb.pgPort, login.user, 'quest')).not.toBe('ok');
    expect(await pgLogin(qdb.pgPort, login.user, login.password)).toBe('ok');
  });

  it('is found by a command on the same data folder, and kept across a restart', async () => {
    const conf = await findRunning(qdb.dataDir);
    expect(conf).toBe(qdb.clientConf);
    const before = qdb.clientConf;
    await qdb.stop();
    expect(await findRunning(qdb.dataDir)).toBeUndefined();
    qdb = await startLocalQuestDB({ dataDir: qdb.dataDir, cacheDir: jarCache(), heap: '512m' });
    expect(qdb.clientConf.replace(/addr=[^;]*;/, '')).toBe(before.replace(/addr=[^;]*;/, ''));
    expect((await query(parseClientConf(qdb.clientConf).authorization)).status).toBe(200);
  });
});
