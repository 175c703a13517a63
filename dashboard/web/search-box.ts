// The header search (keyboard first): type, and the API's matches appear in a list under the
// box (an ARIA combobox); arrow keys choose, Enter opens the asset or the case, Escape closes;
// "/" anywhere outside a field jumps to the box. Each match shows its region path and substation,
// so two feeders both called "10kV松华线" are told apart before opening either.

import type { Api } from './api.js';
import { h } from './dom.js';
import { t } from './i18n.js';
import { hitDetail, hitNamed, hitTarget, hitTitle, type SearchHit, stepChoice } from './search-data.js';

const DELAY_MS = 200;

function option(hit: SearchHit, i: number): HTMLElement {
  return h(
    'li',
    {
      role: 'option',
      id: `search-opt-${i}`,
      'aria-selected': 'false',
      'data-id': hit.id,
      'data-type': hit.type,
    },
    h('span', { class: 'hit-title' }, hitTitle(hit)),
    h('span', { class: 'hit-detail' }, hitDetail(hit)),
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

/** The combobox's parts and what it shows: the matches and the one chosen (-1: none). */
interface Combo {
  input: HTMLInputElement;
  list: HTMLElement;
  status: HTMLElement;
  hits: SearchHit[];
  active: number;
}

function comboParts(): Combo {
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
  return { input, list, status, hits: [], active: -1 };
}

function close(c: Combo): void {
  c.list.hidden = true;
  c.input.setAttribute('aria-expanded', 'false');
  c.input.removeAttribute('aria-activedescendant');
  c.active = -1;
}

function choose(c: Combo, i: number): void {
  c.active = i;
  for (const [j, el] of [...c.list.querySelectorAll('[role=option]')].entries()) {
    el.setAttribute('aria-selected', String(j === i));
  }
  if (i >= 0) {
    c.input.setAttribute('aria-activedescendant', `search-opt-${i}`);
    c.list.children[i]?.scrollIntoView({ block: 'nearest' });
  } else c.input.removeAttribute('aria-activedescendant');
}

function openHit(c: Combo, hit: SearchHit | undefined): void {
  if (!hit) return;
  close(c);
  c.input.value = '';
  location.hash = hitTarget(hit);
}

function show(c: Combo, q: string, found: SearchHit[]): void {
  c.hits = found;
  c.list.replaceChildren(
    ...(found.length > 0
      ? found.map(option)
      : [h('li', { class: 'none', role: 'option', 'aria-disabled': 'true' }, t('searchNone', { q }))]),
  );
  c.list.hidden = false;
  c.input.setAttribute('aria-expanded', 'true');
  c.status.textContent = found.length > 0 ? t('searchCount', { n: found.length }) : t('searchNone', { q });
  choose(c, found.length > 0 ? 0 : -1);
}

function onKey(c: Combo, e: KeyboardEvent): void {
  if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && c.hits.length > 0) {
    e.preventDefault();
    // A closed list reopens on its first match (down) or its last (up), not one step past it.
    const from = c.list.hidden ? -1 : c.active;
    if (c.list.hidden) show(c, c.input.value.trim(), c.hits);
    choose(c, stepChoice(from, c.hits.length, e.key));
  } else if (e.key === 'Enter') {
    e.preventDefault();
    openHit(c, c.hits[Math.max(c.active, 0)]);
  } else if (e.key === 'Escape' && !c.list.hidden) {
    // Closes the list and keeps what was typed; with the list closed, Escape is the search
    // field's own (it clears the text).
    e.preventDefault();
    close(c);
  }
}

export function searchBox(api: Api): HTMLElement {
  const c = comboParts();
  const { input, list } = c;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = 0;
  // Only the answer to the latest question is shown.
  const ask = async () => {
    const q = input.value.trim();
    const mine = ++asked;
    if (q === '') {
      c.hits = [];
      return close(c);
    }
    try {
      const answer = await api.json<{ rows: SearchHit[] }>('/search', { q }, { fresh: true });
      if (mine === asked) show(c, q, answer.rows);
    } catch {
      if (mine === asked) close(c);
    }
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void ask(), DELAY_MS);
  });
  input.addEventListener('keydown', (e) => onKey(c, e));
  input.addEventListener('blur', () => setTimeout(() => close(c), 150));
  list.addEventListener('mousedown', (e) => {
    const li = (e.target as HTMLElement).closest('li[data-id]');
    if (!li) return;
    e.preventDefault();
    openHit(c, hitNamed(c.hits, li.getAttribute('data-id'), li.getAttribute('data-type')));
  });
  installSlashKey();
  return h(
    'div',
    { class: 'search', role: 'search' },
    h('label', { for: 'search', class: 'sr-only' }, t('searchLabel')),
    input,
    list,
    c.status,
  );
}
