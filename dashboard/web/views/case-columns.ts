// The columns of a remediation case that the board, an asset's cases and the ledger share: its
// number (a link to the case), its status (a badge; the board sorts by how far a case has come)
// and whether it is overdue.

import { t } from '../i18n.js';
import type { Column } from '../table.js';
import {
  CASE_STATUS_ORDER,
  caseLink,
  caseStatusBadge,
  overdueBadge,
  type Words,
} from './remediation-common.js';

type CaseStatus = (typeof CASE_STATUS_ORDER)[number];

/** The case number as a link; `key` names the column ("caseId" unless told). */
export function caseIdColumn<T>(caseId: (r: T) => string, sortable = true): Column<T> {
  return { key: 'caseId', label: t('caseId'), value: caseId, render: (r) => caseLink(caseId(r)), sortable };
}

/** The status as a badge, sorted by its code or, `byProgress`, in the order a case advances. */
export function statusColumn<T>(
  status: (r: T) => string,
  w: Words,
  o: { byProgress?: boolean; sortable?: boolean } = {},
): Column<T> {
  return {
    key: 'status',
    label: t('caseStatus'),
    value: o.byProgress ? (r) => CASE_STATUS_ORDER.indexOf(status(r) as CaseStatus) : status,
    render: (r) => caseStatusBadge(status(r), w),
    sortable: o.sortable ?? true,
  };
}

/** Overdue or not, as a flag with a warning sign (sorted overdue last, ascending). */
export function overdueColumn<T>(overdue: (r: T) => boolean, sortable = true): Column<T> {
  return {
    key: 'overdue',
    label: t('overdue'),
    value: (r) => Number(overdue(r)),
    render: (r) => overdueBadge(overdue(r)),
    sortable,
  };
}
