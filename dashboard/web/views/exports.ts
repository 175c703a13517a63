// Download buttons for the API's files (CSV and XLSX, Chinese and English headers). A plain link
// cannot carry the bearer token, so each button fetches the file with it and hands the browser
// the bytes under the name the server gave; the request's URL is kept on the button for tests.

import { type Params, query } from '../api.js';
import type { Ctx } from '../context.js';
import { h } from '../dom.js';
import { t } from '../i18n.js';

export interface ExportSpec {
  path: string;
  params: Params;
  /** the file name when the server names none */
  name: string;
}

const FILES = [
  { format: 'csv', lang: 'zh' },
  { format: 'csv', lang: 'en' },
  { format: 'xlsx', lang: 'zh' },
  { format: 'xlsx', lang: 'en' },
] as const;

function save(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  // Long enough for the browser to take the file.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A group of four buttons: CSV and XLSX, each in Chinese and in English. */
export function exportButtons(ctx: Ctx, spec: ExportSpec, label: string): HTMLElement {
  const status = h('span', { class: 'export-status', role: 'status' });
  const buttons = FILES.map((f) => {
    const params = { ...spec.params, format: f.format, lang: f.lang };
    const text = t('exportFile', {
      format: f.format.toUpperCase(),
      lang: t(f.lang === 'zh' ? 'langZh' : 'langEn'),
    });
    const button = h(
      'button',
      {
        type: 'button',
        class: 'export',
        'data-format': f.format,
        'data-lang': f.lang,
        'data-url': `/api/v1${spec.path}${query(params)}`,
      },
      h('span', { 'aria-hidden': 'true' }, '⤓ '),
      text,
    );
    button.addEventListener('click', async () => {
      button.disabled = true;
      status.textContent = t('exportPreparing');
      try {
        const file = await ctx.api.file(spec.path, params, `${spec.name}-${f.lang}.${f.format}`);
        save(file.blob, file.name);
        status.textContent = t('exportSaved', { name: file.name });
      } catch (err) {
        status.textContent = t('loadFailed', { message: (err as Error).message });
      } finally {
        button.disabled = false;
      }
    });
    return button;
  });
  return h(
    'div',
    { class: 'exports', role: 'group', 'aria-label': label },
    h('span', { class: 'exports-label' }, label),
    buttons,
    status,
  );
}
