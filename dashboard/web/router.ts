// Hash routes, so the static server needs no fallback: #/live, #/hotspots?city=…,
// #/asset/<assetId>, #/reliability, #/remediation (the board) and #/remediation/<caseId>,
// #/priorities?region=…, #/ledger?period=YYYY-MM and #/plan?asset=… (the planned-outage check).

export const ROUTES = [
  'live',
  'hotspots',
  'asset',
  'reliability',
  'remediation',
  'priorities',
  'ledger',
  'plan',
] as const;
export type RouteName = (typeof ROUTES)[number];

export interface Route {
  name: RouteName;
  /** The path segment after the name (an asset id, a case id). */
  id?: string;
  params: URLSearchParams;
}

export function parseRoute(hash: string): Route {
  const text = hash.replace(/^#\/?/, '');
  const q = text.indexOf('?');
  const path = q < 0 ? text : text.slice(0, q);
  const params = new URLSearchParams(q < 0 ? '' : text.slice(q + 1));
  const [head, ...rest] = path.split('/');
  const name = (ROUTES as readonly string[]).includes(head ?? '') ? (head as RouteName) : 'live';
  const id = rest.length > 0 ? decodeURIComponent(rest.join('/')) : undefined;
  return id === undefined ? { name, params } : { name, id, params };
}

export function href(name: RouteName, id?: string, params: Record<string, string | undefined> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, v);
  const qs = q.toString();
  return `#/${name}${id === undefined ? '' : `/${encodeURIComponent(id)}`}${qs ? `?${qs}` : ''}`;
}

/** Replaces the hash's query without a navigation (filters). */
export function replaceParams(route: Route, params: Record<string, string | undefined>): void {
  history.replaceState(null, '', href(route.name, route.id, params));
}
