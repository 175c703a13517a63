// A first, light query over the attributed events: how many each filter drops (the report's
// `dropped`) and the most restoration steps a kept event has (how many json_extract branches
// the main query needs).

import { join, type Store, sql } from '../../store/index.js';
import type { DroppedEvents } from '../reliability/index.js';
import { eventCtes } from './events.js';
import type { Plan } from './plan.js';
import { rows } from './run.js';
import { scopeCtes } from './scope.js';

export interface Census {
  dropped: DroppedEvents;
  steps: number;
}

interface CensusRow {
  variant: number | null;
  excluded: number | null;
  med: number | null;
  steps: number | null;
}

export async function census(store: Store, p: Plan): Promise<Census> {
  const ctes = [...scopeCtes(p.scope), ...eventCtes(p)];
  const [row] = await rows<CensusRow>(
    store,
    sql`WITH ${join(ctes, ',\n')}
SELECT sum(CASE WHEN reason = 1 THEN 1L ELSE 0L END) variant,
  sum(CASE WHEN reason = 2 THEN 1L ELSE 0L END) excluded,
  sum(CASE WHEN reason = 3 THEN 1L ELSE 0L END) med,
  max(CASE WHEN reason = 0 AND NOT is_short AND restorations IS NOT NULL
    THEN length(restorations) - length(replace(restorations, '{', '')) ELSE 0 END) steps
FROM ev2`,
  );
  return {
    dropped: { variant: row?.variant ?? 0, excluded: row?.excluded ?? 0, majorEventDays: row?.med ?? 0 },
    steps: row?.steps ?? 0,
  };
}
