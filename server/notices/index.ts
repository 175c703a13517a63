// The edges of outage notices: channels (webhook over HTTPS, e-mail over SMTP), the key that
// subscription secrets derive from, the delivery worker, and how the product starts it.

export * from './channels.js';
export * from './key.js';
export * from './start.js';
export * from './worker.js';
