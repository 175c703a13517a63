export * from './concurrency.js';
export * from './domain.js';
export * from './errors.js';
export * from './issues.js';
export * from './time.js';
export * from './roles.js';
export * from './work-calendar.js';
export * from './warnings.js';
export type * from './log.js';
