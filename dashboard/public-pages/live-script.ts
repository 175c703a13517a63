// live.js, served beside the live pages (/outages, /planned): their refresh every 60 s.

/**
 * The script of the live pages: every 60 s (while the page is visible) it fetches the page
 * again and swaps the #live region, so the page stays current without a reload; the page says
 * it refreshes by itself only when this runs. Served as a file (the CSP allows no inline script).
 */
export const LIVE_SCRIPT = `// Refreshes the public outage pages every 60 seconds (they work without it).
(function () {
  'use strict';
  var PERIOD = 60000;
  var region = document.getElementById('live');
  if (!region || !window.fetch || !window.DOMParser) return;
  document.documentElement.className += ' js';
  var last = Date.now();
  var busy = false;
  function refresh() {
    if (busy || document.hidden) return;
    busy = true;
    last = Date.now();
    fetch(location.href, { cache: 'no-cache', credentials: 'omit' })
      .then(function (res) { return res.ok ? res.text() : null; })
      .then(function (text) {
        if (text === null) return;
        var next = new DOMParser().parseFromString(text, 'text/html').getElementById('live');
        if (!next) return;
        var current = document.getElementById('live');
        if (current) current.replaceWith(document.importNode(next, true));
      })
      .catch(function () {})
      .then(function () { busy = false; });
  }
  setInterval(refresh, PERIOD);
  document.addEventListener('visibilitychange', function () {
    if (!document.hidden && Date.now() - last >= PERIOD) refresh();
  });
})();
`;
