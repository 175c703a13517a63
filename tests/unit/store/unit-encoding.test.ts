// A unit's encoding is kept in parts of about PART_BYTES, cut between records only, and the
// parts together are the very bytes of the unit encoded in one piece.

import { createBuffer, SenderOptions } from '@questdb/nodejs-client';
import { describe, expect, it } from 'vitest';
import type { ReachRow } from '../../../store/reach/index.js';
import { encodeReject, type RejectRow } from '../../../store/writer/encode.js';
import { withFastEscape } from '../../../store/writer/fast-escape.js';
import { PART_BYTES, UnitEncoding } from '../../../store/writer/unit-encoding.js';

const options = new SenderOptions('http::addr=127.0.0.1:9000;protocol_version=2;');

const reject = (line: number): RejectRow => ({
  kind: 'outages',
  source: 'test',
  batchId: 'b',
  line,
  errors: '[]',
  record: `${line}:${'x'.repeat(60_000)}`,
});

const reach = (assetId: string, start: number): ReachRow => ({
  assetId,
  eventId: `E-${start}`,
  sourceId: 'F1',
  start,
  end: null,
  kind: 'area',
  feederId: 'F1',
  province: undefined,
  city: undefined,
  county: undefined,
  park: undefined,
  areaClass: 'town',
  cause: 'equipment_fault',
  planned: false,
  forceMajeure: false,
  customersAffected: 3,
  warningId: undefined,
  warnedBy: undefined,
  receivedAt: 5,
});

describe('UnitEncoding', () => {
  it('is empty when nothing was encoded', () => {
    expect(new UnitEncoding(options).finish()).toEqual([]);
  });

  it('cuts parts of about PART_BYTES between records, the same bytes as one buffer', () => {
    const rows = Array.from({ length: Math.ceil((PART_BYTES * 1.5) / 60_000) }, (_, i) => reject(i + 1));
    const encoding = new UnitEncoding(options);
    const whole = withFastEscape(createBuffer(options));
    for (const r of rows) {
      encodeReject(encoding.buffer, r, 1);
      encoding.cut();
      encodeReject(whole, r, 1);
    }
    const parts = encoding.finish();
    expect(parts).toHaveLength(2);
    expect(parts[0]!.length).toBeGreaterThanOrEqual(PART_BYTES);
    expect(parts[0]!.length).toBeLessThan(PART_BYTES + 61_000);
    expect(parts[0]!.at(-1)).toBe(0x0a); // a part ends with a whole row
    // Buffer.equals: a deep toEqual of 25 MB byte by byte takes minutes
    expect(Buffer.concat(parts).equals(whole.toBufferNew()!)).toBe(true);
  });

  it('writes a reach diff tombstones first and names every asset it touches', () => {
    const encoding = new UnitEncoding(options);
    encoding.reachDiff({ rows: [reach('A1', 10)], tombstones: [reach('A2', 20)] }, 7);
    expect([...encoding.touched]).toEqual(['A2', 'A1']);
    const lines = Buffer.concat(encoding.finish()).toString().trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^outage_reach,asset_id=A2,.*deleted=t /);
    expect(lines[1]).toMatch(/^outage_reach,asset_id=A1,.*deleted=f /);
  });
});
