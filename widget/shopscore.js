/*! Shopscore rating badge. Docs: docs/widget.md. Usage:
 *  <div data-shopscore="your-slug" style="width:260px;height:96px"></div>
 *  <script src="https://reviews.example.com/widget/shopscore.js" async></script>
 */
(() => {
  'use strict';
  const script = document.currentScript;
  if (!script || window.Shopscore) return; // not loaded as a script, or already running

  const api = new URL(script.src).origin + '/api/v1/';
  const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
  const SIZES = { badge: [260, 96], compact: [260, 28], reviews: [320, 440] };
  const TEXT = {
    en: ['Rated %g out of 10 from %n. Read the reviews of %s', '1 review', '%n reviews', 'Read the reviews', 'No reviews yet', 'Verified customer', 'Response from %s'],
    nl: ['Beoordeeld met een %g van 10 uit %n. Lees de reviews van %s', '1 review', '%n reviews', 'Lees de reviews', 'Nog geen reviews', 'Geverifieerde klant', 'Reactie van %s'],
    de: ['Bewertet mit %g von 10 aus %n. Lesen Sie die Bewertungen von %s', '1 Bewertung', '%n Bewertungen', 'Bewertungen lesen', 'Noch keine Bewertungen', 'Verifizierter Kunde', 'Antwort von %s'],
    fr: ['Noté %g sur 10 sur la base de %n. Lire les avis sur %s', '1 avis', '%n avis', 'Lire les avis', "Pas encore d'avis", 'Client vérifié', 'Réponse de %s']
  };
  const CSS = `
:host{border:0!important;padding:0!important}
.r{all:initial;box-sizing:border-box;display:block;font:13px/1.35 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1c2333;background:#fff;border:1px solid #d5dae3;border-radius:8px;overflow:hidden;width:100%;height:100%}
.r *{box-sizing:border-box;margin:0;font:inherit;color:inherit}
.d{color:#f2f4f8;background:#1f2430;border-color:#3a4254}
a{display:flex;gap:10px;align-items:center;padding:10px 12px;text-decoration:none;height:96px}
a:focus-visible{outline:3px solid #ffbf47;outline-offset:-3px}
.g{flex:none;display:flex;align-items:center;justify-content:center;width:64px;height:64px;border-radius:8px;background:#1b7a3d;color:#fff;font-size:24px;font-weight:700}
.f{background:#8a5a00}.p{background:#b3261e}.n{background:#5d6679}
.s{display:block;width:90px;height:18px;fill:#c9ced8}.s .o{fill:#b86e00}.d .s{fill:#4a5366}.d .s .o{fill:#ffc24d}
.i>*{display:block;margin-bottom:2px}.l{text-decoration:underline;color:#0b5cab}.d .l{color:#8cc4ff}
.c{height:28px;padding:0 10px;gap:8px;white-space:nowrap}.c .g{width:auto;height:auto;background:none;color:inherit;font-size:14px}.c .s{width:70px;height:14px}
ol{list-style:none;padding:0 12px}li{height:110px;padding:8px 0;border-top:1px solid #d5dae3;overflow:hidden}.d li{border-color:#3a4254}
li b{font-weight:700}.m{color:#4f5a6d;font-size:12px}.d .m{color:#b5bdcc}
.t{display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:3;overflow:hidden;white-space:pre-line}
.x{-webkit-line-clamp:1;margin-top:2px;font-style:italic}`;

  const strings = (lang) => TEXT[lang] || TEXT.en;
  const format = (template, values) => template.replace(/%([gns])/g, (_, key) => values[key]);
  const decimal = (lang, value) => new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
  const band = (grade) => (grade >= 8 ? 'g' : grade >= 6 ? 'g f' : 'g p');
  const count = (lang, n) => { const t = strings(lang); return n === 1 ? t[1] : format(t[2], { n: new Intl.NumberFormat(lang).format(n) }); };

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }

  // Five stars, filled to the score: decorative, the link's name says the same in words.
  function stars(value) {
    const ns = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 100 20');
    svg.setAttribute('class', 's');
    svg.setAttribute('aria-hidden', 'true');
    const clip = document.createElementNS(ns, 'clipPath');
    clip.id = 'c';
    const rect = document.createElementNS(ns, 'rect');
    rect.setAttribute('width', String((value || 0) * 20));
    rect.setAttribute('height', '20');
    clip.append(rect);
    svg.append(clip);
    const star = ' .9l2.4 6.4 6.8.3-5.3 4.2 1.8 6.5-5.6-3.8-5.6 3.8 1.8-6.5-5.3-4.2 6.8-.3z'; // relative, so it can be moved
    const path = (className) => {
      const p = document.createElementNS(ns, 'path');
      p.setAttribute('d', [10, 30, 50, 70, 90].map((x) => 'M' + x + star).join(''));
      if (className) { p.setAttribute('class', className); p.setAttribute('clip-path', 'url(#c)'); }
      return p;
    };
    svg.append(path(), path('o'));
    return svg;
  }

  function link(score, lang, variant) {
    const t = strings(lang);
    const a = el('a', variant === 'compact' ? 'c' : '');
    a.href = score.reviewPageUrl + '?lang=' + lang;
    a.target = '_blank';
    a.rel = 'noopener';
    const n = count(lang, score.count);
    if (score.count === 0) {
      a.setAttribute('aria-label', t[4] + '. ' + t[3]);
      a.append(el('span', 'g n', '–'), el('span', '', t[4]));
      return a;
    }
    const grade = decimal(lang, score.average);
    a.setAttribute('aria-label', format(t[0], { g: grade, n, s: score.name }));
    if (variant === 'compact') {
      a.append(stars(score.stars), el('span', 'g', grade), el('span', 'm', n));
      return a;
    }
    const info = el('span', 'i');
    info.append(stars(score.stars), el('span', '', n), el('span', 'l', t[3]));
    a.append(el('span', band(score.average), grade), info);
    return a;
  }

  function reviewList(reviews, score, lang) {
    const t = strings(lang);
    const list = el('ol');
    const dates = new Intl.DateTimeFormat(lang, { dateStyle: 'medium' });
    for (const review of reviews.items.slice(0, 3)) {
      const item = el('li');
      const head = el('p');
      head.append(el('b', '', review.score + '/10 '), el('span', 'm', (review.displayName || t[5]) + ' · ' + dates.format(new Date(review.createdAt))));
      item.append(head, el('p', 't', review.text));
      if (review.response) item.append(el('p', 't x m', format(t[6], { s: score.name }) + ': ' + review.response.text));
      list.append(item);
    }
    return list;
  }

  function get(path) {
    return fetch(api + path, { credentials: 'omit' })
      .then((response) => (response.ok ? response.json() : null))
      .catch(() => null);
  }

  // Scores come in batches: every shop on the page in one request, whatever the number of badges,
  // and an unknown shop is simply absent (no 404 in the host page's console).
  const scores = new Map();
  const lists = new Map();
  let queue = [];
  function flush() {
    const batch = queue.splice(0, 100);
    if (queue.length) setTimeout(flush);
    get('scores?shops=' + batch.map((entry) => entry[0]).join(',')).then((body) => {
      const found = new Map((body?.scores || []).map((score) => [score.slug, score]));
      batch.forEach(([slug, resolve]) => resolve(found.get(slug) || null));
    });
  }
  function score(slug) {
    if (!scores.has(slug)) {
      scores.set(slug, new Promise((resolve) => queue.push([slug, resolve])));
      if (queue.length === 1) setTimeout(flush);
    }
    return scores.get(slug);
  }
  function reviews(slug) {
    if (!lists.has(slug)) lists.set(slug, get('shops/' + slug + '/reviews?size=3'));
    return lists.get(slug);
  }

  const done = new WeakSet();
  async function render(host) {
    if (done.has(host)) return;
    done.add(host);
    const slug = host.getAttribute('data-shopscore');
    if (!SLUG.test(slug || '')) return;
    const variant = SIZES[host.dataset.variant] ? host.dataset.variant : 'badge';
    const wanted = (host.dataset.locale || host.closest('[lang]')?.lang || 'en').slice(0, 2).toLowerCase();
    const lang = TEXT[wanted] ? wanted : 'en';
    const shop = await score(slug);
    const list = shop && variant === 'reviews' ? await reviews(slug) : null;
    if (!shop || (variant === 'reviews' && !list)) return; // unknown shop or unreachable service: show nothing
    const root = host.shadowRoot || host.attachShadow({ mode: 'open' });
    const box = el('div', host.dataset.theme === 'dark' ? 'r d' : 'r');
    box.lang = lang;
    box.append(link(shop, lang, variant));
    if (list) box.append(reviewList(list, shop, lang));
    const style = el('style', '', CSS);
    root.replaceChildren(style, box);
    const [width, height] = SIZES[variant];
    host.style.display = 'block';
    host.style.width = host.style.width || width + 'px';
    host.style.height = host.style.height || height + 'px';
  }

  function scan(node) {
    try {
      if (node.matches?.('[data-shopscore]')) render(node).catch(() => {});
      node.querySelectorAll?.('[data-shopscore]').forEach((host) => render(host).catch(() => {}));
    } catch (ignored) {
      // never disturb the host page
    }
  }

  window.Shopscore = Object.freeze({ version: '1', scan: () => scan(document) });
  const start = () => {
    scan(document);
    new MutationObserver((changes) => changes.forEach((change) => change.addedNodes.forEach(scan)))
      .observe(document.documentElement, { childList: true, subtree: true });
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
