// Minimal server-side HTML: every interpolated value goes through esc(); pages work without
// JavaScript, are printable and readable on a phone.

export function esc(v: unknown): string {
  return String(v ?? '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

const CSS = `
:root{color-scheme:light;--ink:#1a1a1a;--muted:#4a4a4a;--line:#c8c8c8;--accent:#0b4f8a;--bg:#fff}
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,"PingFang SC","Microsoft YaHei",sans-serif;color:var(--ink);background:var(--bg)}
header,main,footer{max-width:64rem;margin:0 auto;padding:1rem}
header{display:flex;justify-content:space-between;align-items:baseline;flex-wrap:wrap;gap:.5rem;border-bottom:2px solid var(--accent)}
h1{font-size:1.4rem;margin:0}h2{font-size:1.2rem}a{color:var(--accent)}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem}
table{border-collapse:collapse;width:100%;margin:1rem 0}caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border-bottom:1px solid var(--line);padding:.4rem .5rem;text-align:left;vertical-align:top}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
.note{color:var(--muted)}
@media (max-width:40rem){table,thead,tbody,tr,th,td{font-size:.9rem}th,td{padding:.3rem}}
@media print{header a{display:none}}
`;

export function page(o: {
  lang: 'zh' | 'en';
  title: string;
  switchHref: string;
  switchLabel: string;
  skip: string;
  body: string;
}): string {
  return `<!doctype html>
<html lang="${o.lang === 'zh' ? 'zh-CN' : 'en'}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(o.title)}</title><style>${CSS}</style></head>
<body><a class="skip" href="#main">${esc(o.skip)}</a>
<header><h1>${esc(o.title)}</h1><a href="${esc(o.switchHref)}" lang="${o.lang === 'zh' ? 'en' : 'zh-CN'}">${esc(o.switchLabel)}</a></header>
<main id="main">${o.body}</main>
</body></html>`;
}
