// The parts of the priority score, each a value from 0 to 1 with the arithmetic that gave it
// in words and as data (basis-codes.ts). Pure functions of an asset's facts; the score is
// their weighted sum (score.ts).

import { compareText } from '../../core/order.js';
import { dateToDay } from '../../core/time.js';
import type { BasisCode, BasisParams, BasisUnit, CodedBasis } from './basis-codes.js';
import type { OpenCase, RuleStanding, TargetStanding } from './facts.js';
import type { Scales, StatusValues } from './weights.js';

export type PartValue = {
  /** 0 to 1 */
  value: number;
  /** how the value came about, with its figures, in English */
  basis: string;
} & CodedBasis;

const part = <C extends BasisCode>(
  value: number,
  basis: string,
  basisCode: C,
  basisParams: BasisParams[C],
): PartValue => ({ value, basis, basisCode, basisParams }) as PartValue;

const UNIT_WORDS: Record<BasisUnit, string> = {
  customer_interruptions: 'customer interruptions',
  customer_hours: 'customer-hours',
};

const clamp01 = (x: number): number => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 1);
/** Up to 4 decimals, for the words of a basis. */
const fmt = (x: number): string => String(Math.round(x * 10_000) / 10_000);
const STATUS_ORDER = { breach: 0, at_risk: 1, watch: 2 } as const;

/** The standing that decides the status part: the highest status, then the latest breach, then rule id. */
export function topStanding(standings: readonly RuleStanding[]): RuleStanding | null {
  const sorted = [...standings].sort(
    (a, b) =>
      STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
      (b.breachDate ?? '').localeCompare(a.breachDate ?? '') ||
      compareText(a.rule, b.rule),
  );
  return sorted[0] ?? null;
}

/** Rule status: breach above at risk above watch (values from the weights), none 0. */
export function statusPart(standings: readonly RuleStanding[], values: StatusValues): PartValue {
  const top = topStanding(standings);
  if (!top) return part(0, 'not flagged', 'not_flagged', {});
  const value =
    top.status === 'breach' ? values.breach : top.status === 'at_risk' ? values.atRisk : values.watch;
  return part(value, `${top.status} of ${top.rule}`, 'standing', { status: top.status, rule: top.rule });
}

/** How far over the limit: max over breaches of (count − limit) / limit, divided by the scale, at most 1. */
export function excessPart(standings: readonly RuleStanding[], scales: Scales): PartValue {
  let best: PartValue | null = null;
  for (const s of standings) {
    if (s.status !== 'breach' || s.limit <= 0) continue;
    const ratio = (s.count - s.limit) / s.limit;
    const value = clamp01(ratio / scales.excessRatio);
    if (!best || value > best.value) {
      best = part(
        value,
        `${s.rule}: ${s.count} outages, limit ${s.limit}: (${s.count} − ${s.limit}) / ${s.limit} = ${fmt(ratio)}${scales.excessRatio !== 1 ? ` / ${scales.excessRatio}` : ''}`,
        'excess',
        { rule: s.rule, count: s.count, limit: s.limit, ratio, scale: scales.excessRatio },
      );
    }
  }
  return best ?? part(0, 'no breach', 'no_breach', {});
}

/** How recently: 0.5^(days since the latest breach / half-life). */
export function recencyPart(standings: readonly RuleStanding[], today: string, scales: Scales): PartValue {
  const dates = standings.flatMap((s) => (s.status === 'breach' && s.breachDate ? [s.breachDate] : []));
  if (dates.length === 0) return part(0, 'no breach', 'no_breach', {});
  const latest = dates.sort().at(-1) as string;
  const days = Math.max(0, dateToDay(today) - dateToDay(latest));
  const halfLife = scales.recencyHalfLifeDays;
  return part(
    clamp01(0.5 ** (days / halfLife)),
    `breach on ${latest}, ${days} days before ${today}: 0.5^(${days} / ${halfLife})`,
    'recency',
    { breachDate: latest, days, today, halfLife },
  );
}

/** A figure relative to the largest among the scored assets. */
export function relativePart(x: number, max: number, unit: BasisUnit): PartValue {
  const words = UNIT_WORDS[unit];
  if (!(max > 0))
    return part(0, `${fmt(x)} ${words}; none among the scored assets`, 'relative_none', { value: x, unit });
  return part(
    clamp01(x / max),
    `${fmt(x)} / ${fmt(max)} ${words} (the most among the scored assets)`,
    'relative',
    { value: x, max, unit },
  );
}

/** The asset's share of its region's total. */
export function sharePart(x: number, total: number, unit: BasisUnit, region: string | null): PartValue {
  const words = UNIT_WORDS[unit];
  if (region === null || !(total > 0))
    return part(0, `${fmt(x)} ${words}; region total 0`, 'share_none', { value: x, unit });
  return part(clamp01(x / total), `${fmt(x)} / ${fmt(total)} ${words} of ${region}`, 'share', {
    value: x,
    total,
    unit,
    region,
  });
}

/** Months on frozen ledgers over the scale. */
export function ledgerPart(months: number, scales: Scales): PartValue {
  return part(
    clamp01(months / scales.ledgerMonths),
    `${months} months on frozen ledgers / ${scales.ledgerMonths}`,
    'ledger_months',
    { months, scale: scales.ledgerMonths },
  );
}

/** Age of the open case in days over the scale. */
export function caseAgePart(open: OpenCase | null, today: string, scales: Scales): PartValue {
  if (!open) return part(0, 'no open case', 'no_open_case', {});
  const days = Math.max(0, dateToDay(today) - dateToDay(open.openedDate));
  return part(
    clamp01(days / scales.caseAgeDays),
    `${open.caseId} opened ${open.openedDate}, ${days} days / ${scales.caseAgeDays}`,
    'case_age',
    { caseId: open.caseId, openedDate: open.openedDate, days, scale: scales.caseAgeDays },
  );
}

/** Days past the due date (only while the work is still to be done) over the scale. */
export function overduePart(open: OpenCase | null, today: string, scales: Scales): PartValue {
  if (!open) return part(0, 'no open case', 'no_open_case', {});
  if (!open.overdue)
    return part(0, `${open.caseId} due ${open.dueDate}, not overdue`, 'not_overdue', {
      caseId: open.caseId,
      dueDate: open.dueDate,
    });
  const days = Math.max(0, dateToDay(today) - dateToDay(open.dueDate));
  return part(
    clamp01(days / scales.overdueDays),
    `${open.caseId} due ${open.dueDate}, ${days} days overdue / ${scales.overdueDays}`,
    'overdue',
    { caseId: open.caseId, dueDate: open.dueDate, days, scale: scales.overdueDays },
  );
}

/** The region's gap to its target: max over targets of (value − allowed) / allowed over the scale; met: 0. */
export function targetGapPart(targets: readonly TargetStanding[], scales: Scales): PartValue {
  let best: PartValue | null = null;
  for (const t of targets) {
    if (t.status === 'met' || t.status === 'on_track') continue;
    const ratio = t.allowed > 0 ? (t.value - t.allowed) / t.allowed : Number.POSITIVE_INFINITY;
    const value = clamp01(ratio / scales.targetGapRatio);
    if (!best || value > best.value) {
      const unit = t.measure === 'saidi_hours' ? ' h' : '';
      best = part(
        value,
        `${t.rule} ${t.group}: ${fmt(t.value)}${unit} against ${fmt(t.allowed)}${unit} allowed so far (${t.status}): (${fmt(t.value)} − ${fmt(t.allowed)}) / ${fmt(t.allowed)}`,
        'target_gap',
        {
          rule: t.rule,
          group: t.group,
          measure: t.measure,
          value: t.value,
          allowed: t.allowed,
          status: t.status,
        },
      );
    }
  }
  if (best) return best;
  return targets.length > 0
    ? part(0, 'targets met or on track', 'targets_met', {})
    : part(0, 'no target applies', 'no_target', {});
}
