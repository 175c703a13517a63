// The header search (keyboard first): type, and the API's matches appear in a list under the
// box (an ARIA combobox); arrow keys choose, Enter opens the asset or the case, Escape closes;
// "/" anywhere outside a field jumps to the box. Each match shows its region path and substation,
// so two feeders both called "10kV松华线" are told apart before opening either.

import type { Api } from './api.js';
import { h } from './dom.js';
import { kindLabel, t } from './i18n.js';
import { href } from './router.js';

interface Hit {
  type: 'asset' | 'case';
  id: string;
  name: string | null;
  kind: string;
  assetId?: string;
  substation: string | null;
  code?: string;
  places?: string[];
  province: string | null;
  city: string | null;
  county: string | null;
}

const DELAY_MS = 200;

const target = (hit: Hit): string =>
  hit.type === 'case' ? href('remediation', hit.id) : href('asset', hit.id);

function option(hit: Hit, i: number): HTMLElement {
  const path = [hit.province, hit.city, hit.county].filter((p) => p).join(' › ');
  const title =
    hit.type === 'case' ? `${t('searchCase')} ${hit.id}` : `${hit.name ?? hit.id} · ${kindLabel(hit.kind)}`;
  const detail = [
    hit.type === 'case' ? `${hit.name ?? hit.assetId ?? ''} · ${kindLabel(hit.kind)}` : hit.id,
    hit.type === 'asset' && hit.code ? t('searchCode', { code: hit.code }) : '',
    hit.type === 'asset' && hit.places?.length
      ? t('searchPlaces', { places: hit.places.slice(0, 3).join('、') })
      : '',
    path,
    hit.substation ? t('searchSubstation', { name: hit.substation }) : '',
  ].filter((p) => p);
  return h(
    'li',
    {
      role: 'option',
      id: `search-opt-${i}`,
      'aria-selected': 'false',
      'data-id': hit.id,
      'data-type': hit.type,
    },
    h('span', { class: 'hit-title' }, title),
    h('span', { class: 'hit-detail' }, detail.join(' · ')),
  );
}

let slashKey = false;

/** "/" outside a field focuses the search box (once per page; the box is redrawn with the shell). */
function installSlashKey(): void {
  if (slashKey) return;
  slashKey = true;
  document.addEventListener('keydown', (e) => {
    const el = document.activeElement;
    const typing =
      el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement;
    const box = document.getElementById('search');
    if (e.key === '/' && !typing && box) {
      e.preventDefault();
      box.focus();
    }
  });
}

export function searchBox(api: Api): HTMLElement {
  const input = h('input', {
    id: 'search',
    type: 'search',
    role: 'combobox',
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': 'search-results',
    placeholder: t('searchPlaceholder'),
  });
  const list = h('ul', {
    id: 'search-results',
    role: 'listbox',
    'aria-label': t('searchLabel'),
    hidden: true,
  });
  const status = h('p', { class: 'sr-only', role: 'status', 'aria-live': 'polite' });
  let hits: Hit[] = [];
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = 0;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const choose = (i: number) => {
    active = i;
    for (const [j, el] of [...list.querySelectorAll('[role=option]')].entries()) {
      el.setAttribute('aria-selected', String(j === i));
    }
    if (i >= 0) {
      input.setAttribute('aria-activedescendant', `search-opt-${i}`);
      list.children[i]?.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };
  const open = (hit: Hit | undefined) => {
    if (!hit) return;
    close();
    input.value = '';
    location.hash = target(hit);
  };
  const show = (q: string, found: Hit[]) => {
    hits = found;
    list.replaceChildren(
      ...(found.length > 0
        ? found.map(option)
        : [h('li', { class: 'none', role: 'option', 'aria-disabled': 'true' }, t('searchNone', { q }))]),
    );
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    status.textContent = found.length > 0 ? t('searchCount', { n: found.length }) : t('searchNone', { q });
    choose(found.length > 0 ? 0 : -1);
  };
  const ask = async () => {
    const q = input.value.trim();
    const mine = ++asked;
    if (q === '') return close();
    try {
      const answer = await api.json<{ rows: Hit[] }>('/search', { q }, { fresh: true });
      if (mine === asked) show(q, answer.rows);
    } catch {
      if (mine === asked) close();
    }
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void ask(), DELAY_MS);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && hits.length > 0) {
      e.preventDefault();
      if (list.hidden) show(input.value.trim(), hits);
      choose((active + 1) % hits.length);
    } else if (e.key === 'ArrowUp' && hits.length > 0) {
      e.preventDefault();
      choose((active - 1 + hits.length) % hits.length);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      open(hits[Math.max(active, 0)]);
    } else if (e.key === 'Escape') {
      close();
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 150));
  list.addEventListener('mousedown', (e) => {
    const li = (e.target as HTMLElement).closest('li[data-id]');
    if (!li) return;
    e.preventDefault();
    open(hits.find((x) => x.id === li.getAttribute('data-id') && x.type === li.getAttribute('data-type')));
  });
  installSlashKey();
  return h(
    'div',
    { class: 'search', role: 'search' },
    h('label', { for: 'search', class: 'sr-only' }, t('searchLabel')),
    input,
    list,
    status,
  );
}
