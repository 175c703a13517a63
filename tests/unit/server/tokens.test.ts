// Named tokens: OUTAGE_TOKENS takes role:token and role:name:token; the registry answers who a
// token is, and names an unnamed one by its role and digest without revealing it.

import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config.js';
import { TokenRegistry } from '../../../dashboard/api/middleware/auth/index.js';

const T1 = 'tok-aaaaaaaaaaaaaaaaaaaa';
const T2 = 'tok-bbbbbbbbbbbbbbbbbbbb';

describe('OUTAGE_TOKENS', () => {
  it('reads role:token and role:name:token entries', () => {
    const c = loadConfig({ OUTAGE_TOKENS: `operator:${T1}, planner:李娜:${T2}` });
    expect(c.tokens).toEqual([
      { role: 'operator', name: undefined, token: T1 },
      { role: 'planner', name: '李娜', token: T2 },
    ]);
  });

  it('refuses a name with a space, the reserved name "system", and a short token', () => {
    for (const entry of [`planner:li na:${T2}`, `planner:system:${T2}`, 'planner:李娜:short']) {
      expect(() => loadConfig({ OUTAGE_TOKENS: entry }), entry).toThrow(
        /expected role:token or role:name:token entries/,
      );
    }
  });
});

describe('TokenRegistry', () => {
  it('says who a token is: its name, or its role and the first digits of its digest', () => {
    const r = new TokenRegistry();
    r.add(T1, ['operator']);
    r.add(T2, ['planner'], '李娜');
    expect(r.identify(T2)).toEqual({ name: '李娜', roles: new Set(['planner', 'operator']) });
    // sha256("tok-aaaaaaaaaaaaaaaaaaaa") begins 7d0fab85 (`printf %s tok-aaa… | sha256sum`)
    expect(r.identify(T1)?.name).toBe('operator-7d0fab85');
    expect(r.identify('tok-unknown-0000000000')).toBeUndefined();
  });
});
