// What the writer takes: one kind of record, all received at one instant (their receivedAt is
// kept through retries and the spool, so a resent unit upserts itself).

import type { Asset, OutageEvent, Warning } from '../../core/index.js';
import type { RejectRow } from './encode.js';

export type WriteUnit =
  | { kind: 'assets'; receivedAt: number; records: Asset[] }
  | { kind: 'outages'; receivedAt: number; records: OutageEvent[]; assetsChecked?: boolean }
  | { kind: 'warnings'; receivedAt: number; records: Warning[] }
  | { kind: 'rejects'; receivedAt: number; records: RejectRow[] };

export type OutageUnit = Extract<WriteUnit, { kind: 'outages' }>;

export type WriteOutcome = 'written' | 'spooled';
