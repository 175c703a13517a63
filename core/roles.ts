/**
 * Who may do what: ingest writes records, operators read, planners also edit cases, notices
 * manages notice subscriptions (and reads), metrics reads /metrics and nothing else (a
 * Prometheus scraper's token), admin all.
 */
export const ROLES = ['ingest', 'operator', 'planner', 'notices', 'metrics', 'admin'] as const;
export type Role = (typeof ROLES)[number];
