/** Who may do what: ingest writes records, operators read, planners also edit cases, admin all. */
export const ROLES = ['ingest', 'operator', 'planner', 'admin'] as const;
export type Role = (typeof ROLES)[number];
