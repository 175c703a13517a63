// The body of POST /planned-outages/check from what the planner typed, or what is wrong with it:
// an empty asset, a start not written YYYY-MM-DD HH:mm, a duration that is not whole minutes
// (1 to 10,080: a week), a customer count that is not a whole number. Pure: the words of the
// issues are given.

export interface PlannedInput {
  assetId: string;
  start: string;
  duration: string;
  customers: string;
  cause: string;
  areas: string;
}

export interface PlannedIssue {
  path: string;
  message: string;
}

/** The issues' words, in the UI's language. */
export interface PlannedWords {
  needAsset: string;
  needStart: string;
  needDuration: string;
  needCustomers: string;
}

const START = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})$/;

/** The affected areas typed as a list, separated by spaces, commas or semicolons (全角 too). */
export const areaIds = (text: string): string[] =>
  text
    .split(/[\s,，;；]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

export function plannedRequest(
  input: PlannedInput,
  words: PlannedWords,
): { body?: Record<string, unknown>; issues: PlannedIssue[] } {
  const issues: PlannedIssue[] = [];
  const assetId = input.assetId.trim();
  if (!assetId) issues.push({ path: 'assetId', message: words.needAsset });
  const m = START.exec(input.start.trim());
  if (!m) issues.push({ path: 'start', message: words.needStart });
  const minutes = Number(input.duration);
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 10080)
    issues.push({ path: 'durationMinutes', message: words.needDuration });
  const customersText = input.customers.trim();
  const customers = Number(customersText);
  if (customersText && (!Number.isInteger(customers) || customers < 0))
    issues.push({ path: 'customersAffected', message: words.needCustomers });
  const areas = areaIds(input.areas);
  if (issues.length > 0) return { issues };
  return {
    issues,
    body: {
      assetId,
      start: `${m?.[1]}-${m?.[2]}-${m?.[3]} ${m?.[4]}:${m?.[5]}`,
      durationMinutes: minutes,
      cause: input.cause,
      ...(customersText ? { customersAffected: customers } : {}),
      ...(areas.length > 0 ? { affectedAreas: areas } : {}),
    },
  };
}
