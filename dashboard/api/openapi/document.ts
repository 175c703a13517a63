// The OpenAPI 3.1 document, built from the route table and the JSON Schemas of the bodies and
// answers. Pure: the same table gives the same document.

import { answerSchemas } from './answers.js';
import { bodySchemas } from './bodies.js';
import type { JsonSchema } from './json-schema.js';
import { type ApiRoute, type Body, type Format, MEDIA_TYPES, type QueryParam } from './route.js';

type Json = Record<string, unknown>;

const DESCRIPTION = `Outage analytics for distribution grids: ingest, frequent-outage flags, reliability, remediation, reports and notices.

A route that needs a role takes a bearer token (\`Authorization: Bearer …\`), or the dashboard’s session cookie, holding one of the roles in its \`x-roles\`; \`admin\` holds every role, \`planner\` and \`notices\` also read as \`operator\`. Lists answer JSON (\`{…, "rows": [...]}\`) by default, CSV (UTF-8 with BOM) for \`Accept: text/csv\` and an Arrow IPC stream for \`Accept: application/vnd.apache.arrow.stream\`. Errors are \`{"error", "issues": [{"path", "message"}], "requestId"}\`. Times are ISO-8601; a time without an offset is local time in the operating zone (OUTAGE_TZ).`;

/** The tags, in the order the document lists them, with what each holds. */
const TAGS: Readonly<Record<string, string>> = {
  ingest: 'Assets, outages and warnings in; rejects and the spool',
  outages: 'Ongoing, daily and repeated outages, hotspots',
  network: 'Assets, boundaries, search, the live stream, who am I',
  rules: 'Rule sets, flags, explanations, targets, the planned-outage check',
  reliability: 'SAIFI, SAIDI and the other measures, computed in QuestDB',
  remediation: 'Cases, the monthly ledger, disclosures, clearing to zero',
  planning: 'The work list, what remediation buys, authority reports',
  notices: 'Subscriptions to outage notices (webhooks and e-mail)',
  session: 'The dashboard’s sign-in with a session cookie',
  service: 'Health, metrics and this description',
  public: 'Anonymous public pages (HTML, Chinese and English)',
};

const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });

/** What one format of an answer looks like; binary formats carry no schema. */
function media(format: Format, jsonSchema: Json): Json {
  switch (format) {
    case 'json':
      return { schema: jsonSchema };
    case 'geojson':
      return { schema: { type: 'object' } };
    case 'arrow':
    case 'xlsx':
      return {};
    default:
      return { schema: { type: 'string' } };
  }
}

function content(formats: readonly Format[], jsonSchema: Json): Json | undefined {
  if (formats.length === 0) return undefined;
  return Object.fromEntries(formats.map((f) => [MEDIA_TYPES[f], media(f, jsonSchema)]));
}

function answer(description: string, formats: readonly Format[], jsonSchema: Json): Json {
  const c = content(formats, jsonSchema);
  return c ? { description, content: c } : { description };
}

function responses(route: ApiRoute): Json {
  const okSchema = route.ok.schema ? ref(route.ok.schema) : { type: 'object' };
  const out: Json = { [route.ok.status]: answer(route.ok.description, route.ok.formats, okSchema) };
  for (const [status, also] of Object.entries(route.also ?? {})) {
    const { description, formats } =
      typeof also === 'string' ? { description: also, formats: undefined } : also;
    const success = Number(status) < 400;
    out[status] = success
      ? answer(description, formats ?? route.ok.formats, okSchema)
      : answer(description, formats ?? ['json'], ref('Error'));
  }
  if (route.roles.length > 0) {
    out['401'] ??= answer('no token, or a token not known', ['json'], ref('Error'));
    out['403'] ??= answer(`the token lacks the ${route.roles.join(' or ')} role`, ['json'], ref('Error'));
  }
  if (route.path.startsWith('/api/') || route.path.startsWith('/public/'))
    out['429'] ??= answer('too many requests from this client (Retry-After)', ['json'], ref('Error'));
  out['default'] = answer('any other error', ['json'], ref('Error'));
  return out;
}

function parameter(p: QueryParam): Json {
  return {
    name: p.name,
    in: 'query',
    required: p.required,
    description: p.description,
    schema: p.schema,
    ...(p.list ? { style: 'form', explode: false } : {}),
  };
}

function pathParameters(route: ApiRoute): Json[] {
  return Object.entries(route.params ?? {}).map(([name, p]) => ({
    name,
    in: 'path',
    required: true,
    description: typeof p === 'string' ? p : p.description,
    schema: typeof p === 'string' ? { type: 'string' } : { type: 'string', enum: [...p.values] },
  }));
}

function requestBody(body: Body): Json {
  if ('json' in body) return { required: true, content: { 'application/json': { schema: ref(body.json) } } };
  const record = ref(body.records);
  return {
    required: true,
    description: `${body.records} records: a JSON array, NDJSON (one record per line), CSV (a column per field; lists and step restorations as text) or an Arrow IPC stream`,
    content: {
      'application/json': { schema: { type: 'array', items: record } },
      'application/x-ndjson': { schema: record },
      'text/csv': { schema: { type: 'string' } },
      [MEDIA_TYPES.arrow]: {},
    },
  };
}

/** `get /api/v1/cases/{id}/history` → `getCasesIdHistory`. */
function operationId(route: ApiRoute): string {
  const words = route.path.split(/[^A-Za-z0-9]+/).filter((w) => w !== '');
  const from = words[0] === 'api' && words[1] === 'v1' ? 2 : 0;
  return (
    route.method +
    words
      .slice(from)
      .map((w) => w[0]!.toUpperCase() + w.slice(1))
      .join('')
  );
}

function operation(route: ApiRoute): Json {
  const parameters = [...pathParameters(route), ...(route.query ?? []).map(parameter)];
  return {
    operationId: operationId(route),
    tags: [route.tag],
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    security: route.roles.length > 0 ? [{ bearerAuth: [] }, { sessionCookie: [] }] : [],
    'x-roles': [...route.roles],
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(route.body ? { requestBody: requestBody(route.body) } : {}),
    responses: responses(route),
  };
}

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string };
  paths: Record<string, Record<string, Json>>;
  components: { schemas: Record<string, JsonSchema>; securitySchemes: Record<string, Json> };
  [key: string]: unknown;
}

/** The document describing `routes`; a route given twice, or two with one operationId, throws. */
export function openApiDocument(routes: readonly ApiRoute[], version: string): OpenApiDocument {
  const paths: Record<string, Record<string, Json>> = {};
  const ids = new Set<string>();
  for (const route of routes) {
    const item = paths[route.path] ?? {};
    paths[route.path] = item;
    const id = operationId(route);
    if (item[route.method] || ids.has(id)) throw new Error(`described twice: ${route.method} ${route.path}`);
    ids.add(id);
    item[route.method] = operation(route);
  }
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: { title: 'Outage analytics API', version, description: DESCRIPTION },
    tags: Object.entries(TAGS).map(([name, description]) => ({ name, description })),
    paths,
    components: {
      schemas: { ...bodySchemas(), ...answerSchemas() },
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          description:
            'A token of OUTAGE_ADMIN_TOKEN or OUTAGE_TOKENS; its roles are in each operation’s x-roles',
        },
        sessionCookie: {
          type: 'apiKey',
          in: 'cookie',
          name: 'outage_session',
          description:
            'The dashboard’s session (POST /api/v1/session), with the roles of the token it was made from; a change made with it also needs the X-CSRF-Token header the session gave',
        },
      },
    },
  };
}
