// The dashboard's entry: resume the browser's session or sign in with a token (exchanged for a
// session cookie, so every tab is signed in until it expires), learn the zone and
// roles from /me and the rule sets from /rule-sets, draw the shell (with the choice of rule set
// when more than one counts outages) and render the view the hash names. A language switch or a
// navigation re-renders; the previous view's work (event streams) is aborted first.

import { Api, ApiError, currentSession, type SessionInfo, signIn, signOutSession } from './api.js';
import type { Ctx, Me, RuleSetInfo, View } from './context.js';
import { h } from './dom.js';
import { createFormat } from './format.js';
import { htmlLang, initLang, lang, onLangChange, setLang, t } from './i18n.js';
import { parseRoute, type RouteName } from './router.js';
import { searchBox } from './search-box.js';
import { brand, langSwitch, renderShell, type Shell } from './shell.js';
import { renderAsset } from './views/asset.js';
import { renderHotspots } from './views/hotspots.js';
import { renderLedger } from './views/ledger.js';
import { renderLive } from './views/live.js';
import { renderPlannedCheck } from './views/planned-check.js';
import { renderPriorities } from './views/priorities.js';
import { renderReliability } from './views/reliability.js';
import { renderRemediation } from './views/remediation.js';
import './styles/planner.css';

const VIEWS: Record<RouteName, View> = {
  live: renderLive,
  hotspots: renderHotspots,
  asset: renderAsset,
  reliability: renderReliability,
  remediation: renderRemediation,
  priorities: renderPriorities,
  ledger: renderLedger,
  plan: renderPlannedCheck,
};

const app = document.getElementById('app') as HTMLElement;

// The planners' views style themselves from the stylesheet esbuild writes beside the bundle
// (build/app.css, from the CSS this module imports); index.html names only app.css.
if (!document.querySelector('link[data-bundle-css]')) {
  document.head.append(h('link', { rel: 'stylesheet', href: 'build/app.css', 'data-bundle-css': '' }));
}

function setDocumentLang(): void {
  document.documentElement.lang = htmlLang();
}

/** The sign-in form: a token, exchanged for a session cookie; a refusal is said beside it. */
function loginForm(message: string | undefined): { form: HTMLElement; input: HTMLInputElement } {
  const input = h('input', {
    id: 'token',
    name: 'token',
    type: 'password',
    autocomplete: 'off',
    required: true,
    spellcheck: 'false',
    'aria-describedby': 'login-intro',
  });
  const error = h('p', { id: 'login-error', class: 'error', role: 'alert' }, message ?? '');
  const button = h('button', { type: 'submit', class: 'primary' }, t('loginButton'));
  const form = h(
    'form',
    { class: 'login card', novalidate: true },
    h('label', { for: 'token' }, t('tokenLabel')),
    input,
    button,
    error,
  );
  const refused = (text: string) => {
    error.textContent = t('loginFailed', { message: text });
    input.focus();
  };
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const token = input.value.trim();
    if (!token) return refused(t('tokenLabel'));
    button.disabled = true;
    try {
      const info = await signIn(token).catch((err: unknown) => {
        if (err instanceof ApiError && err.status === 401) throw new Error(t('tokenRejected'));
        throw err;
      });
      input.value = '';
      await start(info);
    } catch (err) {
      button.disabled = false;
      refused((err as Error).message);
    }
  });
  return { form, input };
}

function renderLogin(message?: string): void {
  setDocumentLang();
  document.title = `${t('loginTitle')} · ${t('appTitle')}`;
  const { form, input } = loginForm(message);
  const langButton = langSwitch(() => setLang(lang() === 'zh' ? 'en' : 'zh'), false);
  app.replaceChildren(
    h('header', { class: 'top' }, brand(), h('div', { class: 'tools' }, langButton)),
    h(
      'main',
      { id: 'main', class: 'login-page' },
      h('h1', {}, t('loginTitle')),
      h('p', { id: 'login-intro' }, t('loginIntro')),
      form,
    ),
  );
  input.focus();
}

let session: { ctx: Ctx; shell: Shell } | undefined;
let controller: AbortController | undefined;

async function start(info: SessionInfo): Promise<void> {
  const api = new Api(info.csrfToken);
  let me: Me;
  try {
    me = await api.json<Me>('/me', {}, { fresh: true });
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) throw new Error(t('tokenRejected'));
    throw err;
  }
  api.onUnauthorized = () => signOut(t('tokenRejected'));
  let ruleSets: Promise<RuleSetInfo[]> | undefined;
  const ctx: Ctx = {
    api,
    me,
    fmt: createFormat(me.zone, lang()),
    ruleSets: () => {
      ruleSets ??= api.json<{ rows: RuleSetInfo[] }>('/rule-sets').then((r) => r.rows);
      ruleSets.catch(() => {
        ruleSets = undefined;
      });
      return ruleSets;
    },
    ruleSet: me.ruleSet,
  };
  // Only sets that count outages have flags, cases and a ledger to show.
  counting = (await ctx.ruleSets().catch((): RuleSetInfo[] => [])).filter((s) =>
    s.rules.some((r) => r.measure === 'count'),
  );
  const kept = storedRuleSet();
  if (kept !== null && counting.some((s) => s.name === kept)) ctx.ruleSet = kept;
  session = { ctx, shell: drawShell(ctx) };
  await route(false);
}

const RULE_SET_KEY = 'outage.ruleSet';
let counting: RuleSetInfo[] = [];

function storedRuleSet(): string | null {
  try {
    return sessionStorage.getItem(RULE_SET_KEY);
  } catch {
    return null;
  }
}

function drawShell(ctx: Ctx): Shell {
  setDocumentLang();
  return renderShell(app, ctx.me, {
    onToggleLang: () => setLang(lang() === 'zh' ? 'en' : 'zh'),
    onLogout: () => signOut(),
    search: searchBox(ctx.api),
    ruleSets:
      counting.length > 1
        ? {
            options: counting.map((s) => [s.name, s.title[lang()]] as const),
            current: ctx.ruleSet,
            onChange: (name) => {
              ctx.ruleSet = name;
              try {
                sessionStorage.setItem(RULE_SET_KEY, name);
              } catch {
                // a private window without storage keeps the choice for this page only
              }
              document.getElementById('rule-set')?.focus(); // now, not after the load (see onLangChange)
              void route(false);
            },
          }
        : undefined,
  });
}

function signOut(message?: string): void {
  controller?.abort();
  controller = undefined;
  session = undefined;
  void signOutSession();
  renderLogin(message);
}

/** When a field last changed: a view that finishes loading leaves the focus to someone typing. */
let fieldChangedAt = 0;
document.addEventListener(
  'input',
  () => {
    fieldChangedAt = performance.now();
  },
  true,
);

/** Someone has typed into the field that has the focus since `since`. */
const typingSince = (since: number): boolean =>
  fieldChangedAt > since && document.activeElement instanceof HTMLInputElement;

async function route(focus: boolean): Promise<void> {
  if (!session) return;
  const started = performance.now();
  controller?.abort();
  const own = new AbortController();
  controller = own;
  const r = parseRoute(location.hash);
  const { ctx, shell } = session;
  shell.setActive(r.name);
  shell.main.replaceChildren();
  const view = VIEWS[r.name];
  try {
    await view(ctx, shell.main, r, own.signal);
  } catch (err) {
    if (own.signal.aborted) return;
    shell.main.append(
      h('p', { class: 'error', role: 'alert' }, t('loadFailed', { message: (err as Error).message })),
    );
  }
  const heading = shell.main.querySelector('h1');
  document.title = `${heading?.textContent ?? ''} · ${t('appTitle')}`;
  if (focus && !typingSince(started)) shell.main.focus();
}

onLangChange(() => {
  if (!session) {
    renderLogin();
    return;
  }
  session.ctx.fmt = createFormat(session.ctx.me.zone, lang());
  session.shell = drawShell(session.ctx);
  // The new shell's switch takes the focus now, not once the view has loaded: by then the
  // person may be elsewhere on the page, and a late focus would pull them back.
  document.getElementById('lang-switch')?.focus();
  void route(false);
});

window.addEventListener('hashchange', () => void route(true));

initLang();
currentSession()
  .then((info) => (info ? start(info) : renderLogin()))
  .catch((err: Error) => renderLogin(err.message));
