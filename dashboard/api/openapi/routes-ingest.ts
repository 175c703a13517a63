// Routes of ingest/http: the three record endpoints, the kept rejects and the spool's refused
// units.

import type { ApiRoute, RecordName } from './route.js';
import { int, oneOf, ROWS, text, time } from './route.js';

const BODY_FORMATS =
  'Body: a JSON array, NDJSON (application/x-ndjson), CSV (text/csv, in the charset it declares, e.g. gb18030; JSON is UTF-8) or an Arrow IPC stream. Valid records are stored even when others in the same body are rejected.';

function records(kind: 'assets' | 'outages' | 'warnings', record: RecordName, what: string): ApiRoute {
  return {
    method: 'post',
    path: `/api/v1/${kind}`,
    tag: 'ingest',
    summary: `Store ${what}`,
    description: BODY_FORMATS,
    roles: ['ingest'],
    query: [
      oneOf('wait', 'visible: answer once queries see the records (30 s at most), with `visible`', [
        'visible',
      ]),
    ],
    body: { records: record },
    ok: {
      status: 200,
      description: 'every accepted record is in QuestDB; the rejected ones are listed with their errors',
      formats: ['json'],
      schema: 'IngestSummary',
    },
    also: {
      202: 'some accepted records wait in the disk spool (QuestDB unreachable)',
      400: 'the body cannot be read at all (empty, cut off before its first record, not the format it declares)',
      413: 'the body is larger than OUTAGE_BODY_LIMIT_MB',
      415: 'a content type or charset not known',
      503: 'the spool is full (Retry-After)',
    },
  };
}

export const INGEST_ROUTES: readonly ApiRoute[] = [
  records('assets', 'Asset', 'asset versions (feeders and transformer areas)'),
  records('outages', 'Outage', 'outage event versions'),
  records('warnings', 'Warning', 'official warnings'),
  {
    method: 'get',
    path: '/api/v1/rejects',
    tag: 'ingest',
    summary: 'Rejected records, kept with their errors',
    roles: ['operator'],
    query: [
      text('kind', 'assets, outages or warnings'),
      text('batchId', 'one batch (the batchId of an ingest answer)'),
      time('since', 'rejected at or after'),
      int('limit', 'rows at most', 1, 10_000, 1_000),
    ],
    ok: { status: 200, description: 'the rejects, newest first', formats: ROWS, schema: 'Rows' },
    also: { 400: 'a parameter is invalid' },
  },
  {
    method: 'get',
    path: '/api/v1/spool/refused',
    tag: 'ingest',
    summary: 'Write units QuestDB refused as a whole on replay',
    description:
      'Each was already answered "accepted": file, kind, records, when received and refused, QuestDB’s reason, and the unit itself.',
    roles: ['admin'],
    ok: { status: 200, description: 'the refused units', formats: ['json'], schema: 'Rows' },
  },
  {
    method: 'post',
    path: '/api/v1/spool/refused/{file}/replay',
    tag: 'ingest',
    summary: 'Put a refused unit back at the end of the spool queue',
    roles: ['admin'],
    params: { file: 'a spool file name such as 000000000012.json' },
    ok: { status: 202, description: 'queued again: `{requeued}`', formats: ['json'] },
    also: { 400: 'not a spool file name', 404: 'no refused unit of that name' },
  },
];
