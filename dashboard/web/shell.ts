// The page around the views: skip link, header (title, roles, zone, language switch, sign
// out), the main navigation and the <main> region the router fills.

import { h } from './dom.js';
import { type Key, lang, t } from './i18n.js';
import type { Me } from './context.js';
import { href, type RouteName } from './router.js';

interface NavItem {
  route: RouteName;
  label: Key;
}

export const NAV: readonly NavItem[] = [
  { route: 'live', label: 'navLive' },
  { route: 'hotspots', label: 'navHotspots' },
  { route: 'reliability', label: 'navReliability' },
  { route: 'remediation', label: 'navRemediation' },
  { route: 'priorities', label: 'navPriorities' },
  { route: 'ledger', label: 'navLedger' },
  { route: 'plan', label: 'navPlanned' },
];

export interface ShellHandlers {
  onToggleLang: () => void;
  onLogout: () => void;
  /** The search box of the header. */
  search?: HTMLElement | undefined;
  /** The choice of rule set, when there is one to make. */
  ruleSets?:
    | {
        options: readonly (readonly [string, string])[];
        current: string;
        onChange: (name: string) => void;
      }
    | undefined;
}

export interface Shell {
  main: HTMLElement;
  setActive: (route: RouteName) => void;
}

function ruleSetChoice(c: ShellHandlers['ruleSets']): HTMLElement | null {
  if (!c) return null;
  const select = h(
    'select',
    { id: 'rule-set', name: 'rule-set' },
    c.options.map(([name, label]) => h('option', { value: name, selected: name === c.current }, label)),
  );
  select.addEventListener('change', () => c.onChange(select.value));
  return h('div', { class: 'rule-set-choice' }, h('label', { for: 'rule-set' }, t('ruleSet')), select);
}

/** The app's name beside its logo, at the head of every page (the sign-in page too). */
export function brand(): HTMLElement {
  return h(
    'div',
    { class: 'brand' },
    h('span', { class: 'logo', 'aria-hidden': 'true' }, '⚡'),
    h('div', {}, h('p', { class: 'app-title' }, t('appTitle')), h('p', { class: 'sub' }, t('appSubtitle'))),
  );
}

/**
 * The button that switches to the other language, its name in that language; `named`: its
 * accessible name also says what it does (the header's; the sign-in page's is the word alone).
 */
export function langSwitch(onToggle: () => void, named: boolean): HTMLElement {
  const other = lang() === 'zh' ? 'en' : 'zh';
  const word = t(other === 'en' ? 'langEn' : 'langZh');
  return h(
    'button',
    {
      type: 'button',
      id: 'lang-switch',
      class: 'lang',
      lang: other === 'en' ? 'en' : 'zh-CN',
      'aria-label': named ? `${t('switchLanguage')}: ${word}` : null,
      onclick: onToggle,
    },
    word,
  );
}

export function renderShell(app: HTMLElement, me: Me, handlers: ShellHandlers): Shell {
  const main = h('main', { id: 'main', tabindex: -1 });
  const skip = h('a', { class: 'skip', href: '#main' }, t('skipToContent'));
  skip.addEventListener('click', (e) => {
    e.preventDefault();
    main.focus();
  });
  const langButton = langSwitch(handlers.onToggleLang, true);
  const header = h(
    'header',
    { class: 'top' },
    brand(),
    handlers.search ?? null,
    h(
      'div',
      { class: 'tools' },
      h(
        'p',
        { class: 'who' },
        h('span', {}, t('signedInAs', { roles: me.roles.join(', ') })),
        h('span', {}, t('zone', { zone: me.zone })),
      ),
      ruleSetChoice(handlers.ruleSets),
      langButton,
      h('button', { type: 'button', id: 'logout', class: 'quiet', onclick: handlers.onLogout }, t('logout')),
    ),
  );
  const links = NAV.map((item) =>
    h('li', {}, h('a', { href: href(item.route), 'data-route': item.route }, t(item.label))),
  );
  const nav = h('nav', { class: 'main-nav', 'aria-label': t('navLabel') }, h('ul', {}, links));
  const announcer = h('div', { id: 'announcer', class: 'sr-only', 'aria-live': 'polite', role: 'status' });
  app.replaceChildren(skip, header, nav, main, announcer);

  return {
    main,
    setActive(route) {
      const current = route === 'asset' ? 'hotspots' : route;
      for (const a of nav.querySelectorAll<HTMLAnchorElement>('a[data-route]')) {
        if (a.dataset['route'] === current) a.setAttribute('aria-current', 'page');
        else a.removeAttribute('aria-current');
      }
    },
  };
}
