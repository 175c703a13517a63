// Outage notices (issue 17): subscriptions, notices derived from what is stored, and their
// delivery by signed webhook (CloudEvents) and e-mail, each once per subscription.
// Pure: types, ids, derive, match, signing, cloudevent, backoff; store: the QuestDB tables.
// The channels (HTTP, SMTP) and the delivery worker are in server/notices.

export * from './backoff.js';
export * from './cloudevent.js';
export * from './derive.js';
export * from './ids.js';
export * from './match.js';
export * from './signing.js';
export * from './types.js';
export * from './store.js';
export { webhookUrlProblem } from './webhook-url.js';
