/**
 * Who may do what: ingest writes records, operators read, planners also edit cases, notices
 * manages notice subscriptions (and reads), admin all.
 */
export const ROLES = ['ingest', 'operator', 'planner', 'notices', 'admin'] as const;
export type Role = (typeof ROLES)[number];
