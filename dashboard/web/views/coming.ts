// Remediation cases and the monthly ledger are not served by the API yet: say so plainly.

import type { Ctx } from '../context.js';
import { h } from '../dom.js';
import { t } from '../i18n.js';
import type { Route } from '../router.js';
import { pageHeader } from './common.js';

export async function renderComing(_ctx: Ctx, main: HTMLElement, route: Route): Promise<void> {
  const title = t(route.name === 'ledger' ? 'navLedger' : 'navRemediation');
  main.append(
    pageHeader(title),
    h(
      'section',
      { class: 'card coming' },
      h('p', {}, h('span', { class: 'badge coming' }, t('coming')), ' ', t('comingBody')),
    ),
  );
}
