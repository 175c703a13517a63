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
:root{color-scheme:light;--ink:#1a1a1a;--muted:#4a4a4a;--line:#c8c8c8;--accent:#0b4f8a;--bg:#fff;--soft:#f3f6f9}
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:var(--ink);background:var(--bg)}
header,main,footer{max-width:72rem;margin:0 auto;padding:1rem}
header{display:flex;justify-content:space-between;align-items:baseline;flex-wrap:wrap;gap:.5rem 1rem;border-bottom:2px solid var(--accent)}
header nav ul{display:flex;flex-wrap:wrap;gap:.25rem 1rem;list-style:none;margin:0;padding:0}
h1{font-size:1.4rem;margin:0}h2{font-size:1.2rem;margin:1.5rem 0 .5rem}h3{font-size:1.05rem;margin:.5rem 0}a{color:var(--accent)}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem}
table{border-collapse:collapse;width:100%;margin:1rem 0}caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border-bottom:1px solid var(--line);padding:.4rem .5rem;text-align:left;vertical-align:top}
thead th{border-bottom:2px solid var(--ink)}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
.note{color:var(--muted)}
.stale{font-weight:600;background:#fff4d6;border-left:4px solid #8a5a00;padding:.5rem .75rem}
.lead{font-size:1.1rem;font-weight:600;background:var(--soft);border-left:4px solid var(--accent);padding:.5rem .75rem}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:1rem 0}dl.facts dt{color:var(--muted)}dl.facts dd{margin:0}
nav.regions ul{display:flex;flex-wrap:wrap;gap:.25rem 1rem;list-style:none;padding:0;margin:.5rem 0}
nav.regions [aria-current]{font-weight:700;color:var(--ink);text-decoration:none}
.figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(18rem,1fr));gap:1rem 2rem}
figure{margin:0;break-inside:avoid}figcaption{font-weight:600;margin:.5rem 0}
svg.chart{display:block;width:100%;max-width:32rem;height:auto}svg.chart text{font-family:inherit;fill:var(--ink)}
ul.legend{display:flex;flex-wrap:wrap;gap:.25rem 1rem;list-style:none;padding:0;margin:.25rem 0;font-size:.9rem}
ul.legend svg{vertical-align:-1px;margin-right:.3rem}
table.figure-data{font-size:.9rem;margin-top:.5rem}
table.list td,table.list th{font-size:.95rem}td.d{white-space:nowrap}table.list tbody th{min-width:8em}
table.list td:empty::after{content:"—";color:var(--muted)}
svg.map{display:block;width:100%;max-width:40rem;height:auto;background:#f8fafc}
.map-figure{margin:1rem 0}.legend-title{margin:.25rem 0 0;font-size:.9rem;color:var(--muted)}
span.js{display:none}html.js span.js{display:inline}html.js span.nojs{display:none}
.report{background:#fff4d6;border-left:4px solid #8a5a00;padding:.5rem .75rem;margin:1rem 0}
form.lookup label{display:block;margin:.25rem 0}form.lookup .row{display:flex;gap:.5rem;max-width:32rem}
form.lookup input[type=search]{flex:1;min-width:0;font:inherit;padding:.4rem .5rem;border:1px solid #6b6b6b;border-radius:4px}
button{font:inherit;padding:.4rem .9rem;border:1px solid var(--accent);background:var(--accent);color:#fff;border-radius:4px;cursor:pointer}
.area{border:1px solid var(--line);border-radius:4px;padding:.5rem 1rem;margin:1rem 0}
.status-out{font-weight:700;color:#9e1f0e}.status-on{font-weight:700;color:#1b5e20}
.overdue{font-weight:700;color:#9e1f0e}
nav.pager ul{display:flex;flex-wrap:wrap;gap:.25rem .75rem;list-style:none;padding:0;margin:1rem 0}
nav.pager [aria-current]{font-weight:700;color:var(--ink);text-decoration:none}
form.filter{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:end;margin:1rem 0}
form.filter label{display:block;font-size:.9rem;color:var(--muted)}form.filter select,form.filter input{font:inherit;padding:.3rem .4rem;max-width:100%}
@media screen and (max-width:48rem){
 header,main,footer{padding:.75rem}
 table.list thead{position:absolute;left:-9999px}
 table.list,table.list tbody,table.list tr,table.list th,table.list td,table.list caption{display:block;width:100%}
 table.list tr{border:1px solid var(--line);border-radius:4px;margin:0 0 .75rem;padding:.25rem .5rem}
 table.list th[scope=row]{font-size:1.05rem;border-bottom:1px solid var(--line)}
 table.list td{display:grid;grid-template-columns:minmax(7rem,40%) 1fr;gap:.5rem;border:0;padding:.2rem 0}
 table.list td.n{text-align:left}table.list td.d{white-space:normal}
 table.list td::before{content:attr(data-label);color:var(--muted)}
}
@media (max-width:40rem){table,thead,tbody,tr,th,td{font-size:.9rem}th,td{padding:.3rem}}
@media print{
 body{font-size:10pt}header nav,nav.regions,.downloads,.skip{display:none}
 header,main,footer{max-width:none;padding:0 0 .5rem}
 thead{display:table-header-group}tr{break-inside:avoid}a{color:inherit;text-decoration:none}
 table.list td,table.list th{font-size:inherit}
 .lead{background:none}
}
`;

export interface NavLink {
  href: string;
  label: string;
  /** the language of the label when it is not the page's */
  lang?: 'zh' | 'en';
}

export function page(o: {
  lang: 'zh' | 'en';
  title: string;
  switchHref: string;
  switchLabel: string;
  skip: string;
  body: string;
  /** links before the language switch */
  nav?: readonly NavLink[];
  navLabel?: string;
}): string {
  const other = o.lang === 'zh' ? 'en' : 'zh-CN';
  const links = [
    ...(o.nav ?? []).map(
      (l) =>
        `<li><a href="${esc(l.href)}"${l.lang ? ` lang="${l.lang === 'zh' ? 'zh-CN' : 'en'}"` : ''}>${esc(l.label)}</a></li>`,
    ),
    `<li><a href="${esc(o.switchHref)}" lang="${other}" hreflang="${other}">${esc(o.switchLabel)}</a></li>`,
  ].join('');
  const navLabel = o.navLabel ?? (o.lang === 'zh' ? '站内导航' : 'Site');
  return `<!doctype html>
<html lang="${o.lang === 'zh' ? 'zh-CN' : 'en'}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(o.title)}</title><style>${CSS}</style></head>
<body><a class="skip" href="#main">${esc(o.skip)}</a>
<header><h1>${esc(o.title)}</h1><nav aria-label="${esc(navLabel)}"><ul>${links}</ul></nav></header>
<main id="main">${o.body}</main>
</body></html>`;
}
