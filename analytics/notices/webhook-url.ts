// A subscription's webhook address, checked where it is given (the API) and again where it is
// used (the sender): a notice must not be posted in clear text or with credentials in the URL.

/** Why a webhook URL is refused, or null: https only unless plain http is allowed. */
export function webhookUrlProblem(url: string, allowHttp: boolean): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'not a URL';
  }
  if (u.username || u.password) return 'must not carry a user or password';
  if (u.protocol === 'https:') return null;
  if (u.protocol === 'http:')
    return allowHttp ? null : 'must be https (OUTAGE_NOTICES_ALLOW_HTTP=1 allows http for a local gateway)';
  return 'must be an https URL';
}
