// How the product runs the delivery worker: its senders from the settings, the flags of now
// from CurrentFlags, overdue cases from the remediation log. Started by server/runtime.ts.

import type { CurrentFlags } from '../../analytics/flags/index.js';
import type { FlagInput, OverdueInput } from '../../analytics/notices/index.js';
import { isOverdue, listCases } from '../../analytics/remediation/index.js';
import type { CompiledRuleSet } from '../../analytics/rules/index.js';
import { dateToDay, localDate, startOfLocalDay } from '../../core/index.js';
import type { Store } from '../../store/index.js';
import type { NoticesConfig } from '../config.js';
import type { Logger } from '../log.js';
import { EmailSender, WebhookSender } from './channels.js';
import { noticesKey } from './key.js';
import { NoticeWorker } from './worker.js';

export interface NoticesDeps {
  config: { notices: NoticesConfig; zone: string; dataDir: string };
  store: Store;
  log: Logger;
  currentFlags: Pick<CurrentFlags, 'get'>;
  ruleSets: ReadonlyMap<string, CompiledRuleSet>;
}

/** Every flag of now, of every rule set. */
export function flagsOfNow(d: Pick<NoticesDeps, 'currentFlags' | 'ruleSets'>): FlagInput[] {
  return [...d.ruleSets.keys()].flatMap((name) => [...(d.currentFlags.get(name)?.flags ?? [])]);
}

/** Cases whose work is overdue now, in every rule set that opens cases. */
export async function overdueCases(
  store: Store,
  ruleSets: ReadonlyMap<string, CompiledRuleSet>,
  zone: string,
  now: number,
): Promise<(OverdueInput & { overdueFrom: number })[]> {
  const today = localDate(now, zone);
  const out: (OverdueInput & { overdueFrom: number })[] = [];
  for (const set of ruleSets.values()) {
    if (set.countRules.length === 0) continue;
    for (const { state } of await listCases(store, set.name, zone, now)) {
      if (!isOverdue(state, today)) continue;
      out.push({
        caseId: state.caseId,
        ruleSet: state.ruleSet,
        assetId: state.assetId,
        family: state.family,
        status: state.status,
        dueDate: state.dueDate,
        asset: state.asset,
        feederId: null,
        overdueFrom: startOfLocalDay(dateToDay(state.dueDate) + 1, zone),
      });
    }
  }
  return out;
}

export function createNoticeWorker(d: NoticesDeps, clock: () => number = Date.now): NoticeWorker {
  const c = d.config.notices;
  return new NoticeWorker({
    store: d.store,
    zone: d.config.zone,
    key: noticesKey(c.key, d.config.dataDir),
    senders: {
      webhook: new WebhookSender({ allowHttp: c.allowHttp, timeoutMs: c.timeoutMs }),
      email: c.smtpUrl
        ? new EmailSender({ smtpUrl: c.smtpUrl, from: c.from, timeoutMs: c.timeoutMs })
        : undefined,
    },
    flags: () => flagsOfNow(d),
    overdue: (now) => overdueCases(d.store, d.ruleSets, d.config.zone, now),
    log: d.log,
    clock,
  });
}

/** The worker, ticking every OUTAGE_NOTICES_INTERVAL_S and soon after each write. */
export function startNotices(d: NoticesDeps): NoticeWorker {
  return createNoticeWorker(d).start(d.config.notices.intervalMs);
}
