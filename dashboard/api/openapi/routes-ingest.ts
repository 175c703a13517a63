// Routes of ingest/http: the three record endpoints, the kept rejects (dashboard/api/outages.ts)
// and the spool's refused units.

import { DOC_CONTEXT, rejectsQuery } from '../query/index.js';
import { paramsOf } from './query.js';
import { type ApiRoute, json, oneOf, type RecordName, routesOf, rows } from './route.js';

const route = routesOf('ingest');

const BODY_FORMATS =
  'Body: a JSON array, NDJSON (application/x-ndjson), CSV (text/csv, in the charset it declares, e.g. gb18030; JSON is UTF-8) or an Arrow IPC stream. Valid records are stored even when others in the same body are rejected.';

const WAIT = oneOf('wait', 'visible: answer once queries see the records (30 s at most), with `visible`', [
  'visible',
]);

const records = (kind: 'assets' | 'outages' | 'warnings', record: RecordName, what: string): ApiRoute =>
  route(`POST /api/v1/${kind}`, `Store ${what}`, {
    description: BODY_FORMATS,
    roles: ['ingest'],
    query: [WAIT],
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
  });

export const INGEST_ROUTES: readonly ApiRoute[] = [
  records('assets', 'Asset', 'asset versions (feeders and transformer areas)'),
  records('outages', 'Outage', 'outage event versions'),
  records('warnings', 'Warning', 'official warnings'),
  route('GET /api/v1/rejects', 'Rejected records, kept with their errors', {
    query: paramsOf(rejectsQuery(DOC_CONTEXT.zone)),
    ok: rows('the rejects, newest first'),
    also: { 400: 'a parameter is invalid' },
  }),
  route('GET /api/v1/spool/refused', 'Write units QuestDB refused as a whole on replay', {
    description:
      'Each was already answered "accepted": file, kind, records, when received and refused, QuestDB’s reason, and the unit itself.',
    roles: ['admin'],
    ok: { ...json('the refused units'), schema: 'Rows' },
  }),
  route('POST /api/v1/spool/refused/{file}/replay', 'Put a refused unit back at the end of the spool queue', {
    roles: ['admin'],
    params: { file: 'a spool file name such as 000000000012.json' },
    ok: json('queued again: `{requeued}`', 202),
    also: { 400: 'not a spool file name', 404: 'no refused unit of that name' },
  }),
];
