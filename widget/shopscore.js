/*! Shopscore rating badge. Docs: docs/widget.md. Usage:
 *  <div data-shopscore="your-slug" style="width:260px;height:96px"></div>
 *  <script src="https://reviews.example.com/widget/shopscore.js" async></script>
 */
(() => {
  'use strict';
  const script = document.currentScript;
  if (!script || window.Shopscore) return; // not loaded as a script, or already running

  const service = serviceAddress(script);
  if (!service) return;
  const apiBase = service + 'api/v1/';
  const stylesheetUrl = service + 'widget/shopscore.css';
  // The service serves this script with widget/shopscore.css in place of this string.
  const STYLESHEET = '/* shopscore.css */';

  const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
  // As the service accepts it: 1 to 64 printable characters, no comma (it separates a batch's
  // skus), no slash, no space at either end.
  const SKU = /^(?!\s)[^\p{Cc},/]{1,64}(?<!\s)$/u;
  // The height each variant needs at the default text size (its width is in shopscore.css).
  const VARIANT_HEIGHTS = { badge: 96, compact: 28, reviews: 440, product: 24 };
  // Colour bands of a grade, highest first; "poor" is what the service calls negative: 5 or lower.
  const GRADE_BANDS = [
    { lowest: 8, className: 'grade-good' },
    { lowest: 6, className: 'grade-fair' },
    { lowest: 0, className: 'grade-poor' }
  ];
  const TEXT = {
    en: {
      rating: 'Rated {grade} out of 10 from {count}',
      readReviewsOf: 'Read the reviews of {shop}',
      oneReview: '1 review',
      reviewCount: '{count} reviews',
      readReviews: 'Read the reviews',
      noReviews: 'No reviews yet',
      anonymous: 'Verified customer',
      responseFrom: 'Response from {shop}'
    },
    nl: {
      rating: 'Beoordeeld met een {grade} van 10 uit {count}',
      readReviewsOf: 'Lees de reviews van {shop}',
      oneReview: '1 review',
      reviewCount: '{count} reviews',
      readReviews: 'Lees de reviews',
      noReviews: 'Nog geen reviews',
      anonymous: 'Geverifieerde klant',
      responseFrom: 'Reactie van {shop}'
    },
    de: {
      rating: 'Bewertet mit {grade} von 10 aus {count}',
      readReviewsOf: 'Lesen Sie die Bewertungen von {shop}',
      oneReview: '1 Bewertung',
      reviewCount: '{count} Bewertungen',
      readReviews: 'Bewertungen lesen',
      noReviews: 'Noch keine Bewertungen',
      anonymous: 'Verifizierter Kunde',
      responseFrom: 'Antwort von {shop}'
    },
    fr: {
      rating: 'Noté {grade} sur 10 sur la base de {count}',
      readReviewsOf: 'Lire les avis sur {shop}',
      oneReview: '1 avis',
      reviewCount: '{count} avis',
      readReviews: 'Lire les avis',
      noReviews: "Pas encore d'avis",
      anonymous: 'Client vérifié',
      responseFrom: 'Réponse de {shop}'
    }
  };

  /**
   * Where the service answers, ending in "/": data-shopscore-api on the script names it (a shop
   * that proxies the service under its own domain), else it is the folder above the script's own
   * /widget/, so a proxy's path prefix carries over. Null when it is not an http(s) address.
   */
  function serviceAddress(element) {
    try {
      const named = element.getAttribute('data-shopscore-api');
      const url = named ? new URL(named, document.baseURI) : new URL('..', element.src);
      if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
      url.search = '';
      url.hash = '';
      return url.href.endsWith('/') ? url.href : url.href + '/';
    } catch (invalid) {
      return null;
    }
  }

  const fill = (template, values) => template.replace(/\{(\w+)\}/g, (_, name) => values[name]);
  const oneDecimal = (lang, value) => new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
  const bandOf = (grade) => GRADE_BANDS.find((band) => grade >= band.lowest).className;
  const reviewCount = (text, lang, count) => (count === 1 ? text.oneReview : fill(text.reviewCount, { count: new Intl.NumberFormat(lang).format(count) }));

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }

  // Five stars, filled to the score: decorative, the link's (or the product's) name says the same in
  // words. A product's stars are filled in the colour band of its grade.
  function stars(value, filledClass = 'filled') {
    const svgNamespace = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(svgNamespace, 'svg');
    svg.setAttribute('viewBox', '0 0 100 20');
    svg.setAttribute('class', 'stars');
    svg.setAttribute('aria-hidden', 'true');
    const clip = document.createElementNS(svgNamespace, 'clipPath');
    clip.id = 'filled-part';
    const filledWidth = document.createElementNS(svgNamespace, 'rect');
    filledWidth.setAttribute('width', String((value || 0) * 20));
    filledWidth.setAttribute('height', '20');
    clip.append(filledWidth);
    svg.append(clip);
    const star = ' .9l2.4 6.4 6.8.3-5.3 4.2 1.8 6.5-5.6-3.8-5.6 3.8 1.8-6.5-5.3-4.2 6.8-.3z'; // relative, so it can be moved
    const fiveStars = (className) => {
      const path = document.createElementNS(svgNamespace, 'path');
      path.setAttribute('d', [10, 30, 50, 70, 90].map((x) => 'M' + x + star).join(''));
      if (className) {
        path.setAttribute('class', className);
        path.setAttribute('clip-path', 'url(#filled-part)');
      }
      return path;
    };
    svg.append(fiveStars(), fiveStars(filledClass));
    return svg;
  }

  function summary(shop, lang, variant) {
    const text = TEXT[lang];
    const link = element('a', variant === 'compact' ? 'summary compact' : 'summary');
    link.href = shop.reviewPageUrl + '?lang=' + lang;
    link.target = '_blank';
    link.rel = 'noopener';
    if (shop.count === 0) {
      link.setAttribute('aria-label', text.noReviews + '. ' + text.readReviews);
      link.append(element('span', 'grade grade-none', '–'), element('span', '', text.noReviews));
      return link;
    }
    const grade = oneDecimal(lang, shop.average);
    const count = reviewCount(text, lang, shop.count);
    link.setAttribute('aria-label', fill(text.rating, { grade, count }) + '. ' + fill(text.readReviewsOf, { shop: shop.name }));
    if (variant === 'compact') {
      link.append(stars(shop.stars), element('span', 'grade', grade), element('span', 'meta', count));
      return link;
    }
    const details = element('span', 'details');
    details.append(stars(shop.stars), element('span', '', count), element('span', 'read-more', text.readReviews));
    link.append(element('span', 'grade ' + bandOf(shop.average), grade), details);
    return link;
  }

  // Not a link: listing tiles are links to the product themselves, and a link inside one is a trap.
  // The count is shown as "(12)", as shops show it under their tiles, so that it fits a narrow tile;
  // the name says it in words.
  function productRating(product, lang, badge) {
    badge.className += ' product';
    badge.setAttribute('role', 'img');
    badge.setAttribute('aria-label', fill(TEXT[lang].rating, { grade: oneDecimal(lang, product.average), count: reviewCount(TEXT[lang], lang, product.count) }));
    badge.append(stars(product.stars, bandOf(product.average)), element('span', 'meta', '(' + new Intl.NumberFormat(lang).format(product.count) + ')'));
  }

  function newestReviews(reviews, shop, lang) {
    const text = TEXT[lang];
    const list = element('ol', 'reviews');
    const dates = new Intl.DateTimeFormat(lang, { dateStyle: 'medium' });
    for (const review of reviews.items.slice(0, 3)) {
      const item = element('li', 'review');
      const heading = element('p');
      heading.append(element('span', 'review-grade', review.score + '/10 '),
        element('span', 'meta', (review.displayName || text.anonymous) + ' · ' + dates.format(new Date(review.createdAt))));
      item.append(heading, element('p', 'review-text', review.text));
      if (review.response) {
        item.append(element('p', 'review-text response meta', fill(text.responseFrom, { shop: shop.name }) + ': ' + review.response.text));
      }
      list.append(item);
    }
    return list;
  }

  // No cookies and no Referer: the service learns nothing about the visitor but the address
  // every request comes from (docs/widget.md, "Privacy").
  function getJson(path) {
    return fetch(apiBase + path, { credentials: 'omit', referrerPolicy: 'no-referrer' })
      .then((response) => (response.ok ? response.json() : null))
      .catch(() => null);
  }

  /**
   * Scores come in batches: every shop on the page in one request, whatever the number of badges,
   * and every product of a shop in one more; what is not found is simply absent (no 404 in the host
   * page's console). Each key is asked for once. A batch holds at most 100 keys (the API's limit)
   * and stops growing past 2,000 characters of query, which every server's URL limit allows.
   * Resolves to the score object whose field named keyField is the key, or null.
   */
  function batches(pathBefore, keyField) {
    const promises = new Map();
    const waiting = [];
    function request() {
      let taken = 0;
      for (let length = 0; taken < waiting.length && taken < 100 && length < 2000; taken++) length += waiting[taken].query.length + 1;
      const batch = waiting.splice(0, taken);
      if (waiting.length) setTimeout(request);
      getJson(pathBefore + batch.map((each) => each.query).join(',')).then((body) => {
        const found = new Map((body?.scores || []).map((score) => [score[keyField], score]));
        batch.forEach((each) => each.resolve(found.get(each.key) || null));
      });
    }
    return (key) => {
      if (!promises.has(key)) {
        promises.set(key, new Promise((resolve) => waiting.push({ key, query: encodeURIComponent(key), resolve })));
        if (waiting.length === 1) setTimeout(request);
      }
      return promises.get(key);
    };
  }
  const scoreOf = batches('scores?shops=', 'slug');
  const productScoresByShop = new Map();
  function productScoreOf(slug, sku) {
    if (!productScoresByShop.has(slug)) productScoresByShop.set(slug, batches('shops/' + slug + '/product-scores?skus=', 'sku'));
    return productScoresByShop.get(slug)(sku);
  }
  const reviewLists = new Map();
  function reviewsOf(slug) {
    if (!reviewLists.has(slug)) reviewLists.set(slug, getJson('shops/' + slug + '/reviews?size=3'));
    return reviewLists.get(slug);
  }

  /**
   * Styles a shadow root without an inline <style>, which a strict style-src refuses: one shared
   * constructable stylesheet, or, in a browser without them, the service's stylesheet by <link>.
   * Resolves to false when the stylesheet cannot be had, so that nothing unstyled is shown.
   */
  let sharedStylesheet;
  function style(root) {
    if ('adoptedStyleSheets' in root) {
      try {
        if (!sharedStylesheet) {
          sharedStylesheet = new CSSStyleSheet();
          sharedStylesheet.replaceSync(STYLESHEET);
        }
        root.adoptedStyleSheets = [sharedStylesheet];
        return Promise.resolve(true);
      } catch (notConstructable) {
        // an older browser with the property but without the constructor: link the stylesheet
      }
    }
    return new Promise((resolve) => {
      const link = element('link');
      link.rel = 'stylesheet';
      link.href = stylesheetUrl;
      link.onload = () => resolve(true);
      link.onerror = () => resolve(false);
      root.append(link);
    });
  }

  // The height the shop gave the placeholder: its box without the border and padding that the
  // badge's stylesheet takes off it.
  function contentHeight(host) {
    const box = getComputedStyle(host);
    const edges = ['borderTopWidth', 'borderBottomWidth', 'paddingTop', 'paddingBottom'].reduce((sum, edge) => sum + (parseFloat(box[edge]) || 0), 0);
    return host.getBoundingClientRect().height - edges;
  }

  const rendered = new WeakSet();
  async function render(host) {
    if (rendered.has(host)) return;
    rendered.add(host);
    const slug = host.getAttribute('data-shopscore');
    if (!SLUG.test(slug || '')) return;
    const variant = VARIANT_HEIGHTS[host.dataset.variant] ? host.dataset.variant : 'badge';
    const wanted = (host.dataset.locale || host.closest('[lang]')?.lang || 'en').slice(0, 2).toLowerCase();
    const lang = TEXT[wanted] ? wanted : 'en';
    const sku = host.dataset.sku;
    if (variant === 'product' && !SKU.test(sku || '')) return;
    // A product without a published review is left out of the answer: its place stays empty, as the
    // best shops leave a tile without reviews quiet rather than saying so two dozen times.
    const score = await (variant === 'product' ? productScoreOf(slug, sku) : scoreOf(slug));
    const reviews = score && variant === 'reviews' ? await reviewsOf(slug) : null;
    // unknown shop or product, or unreachable service: show nothing
    if (!score || (variant === 'reviews' && !reviews)) return;
    const reserved = contentHeight(host);
    const root = host.shadowRoot || host.attachShadow({ mode: 'open' });
    if (!(await style(root))) return;
    const badge = element('div', host.dataset.theme === 'dark' ? 'badge dark' : 'badge');
    badge.lang = lang;
    if (variant === 'product') productRating(score, lang, badge);
    else badge.append(summary(score, lang, variant));
    if (reviews) badge.append(newestReviews(reviews, score, lang));
    // The badge fills the space the shop reserved and grows past it only for text a reader enlarged.
    // Set through the CSSOM, which a Content-Security-Policy does not restrict (a style attribute it would).
    host.style.minHeight = Math.max(reserved, VARIANT_HEIGHTS[variant]) + 'px';
    root.append(badge);
  }

  function scan(node) {
    try {
      if (node.matches?.('[data-shopscore]')) render(node).catch(() => {});
      node.querySelectorAll?.('[data-shopscore]').forEach((host) => render(host).catch(() => {}));
    } catch (ignored) {
      // never disturb the host page
    }
  }

  // Placeholders added later (single-page apps, infinite lists) are rendered as they appear. A
  // hidden page needs no badges drawn, so its changes are not watched until it is shown again,
  // when one scan catches up with whatever was added meanwhile.
  const watcher = new MutationObserver((changes) => changes.forEach((change) => change.addedNodes.forEach(scan)));
  function watch() {
    scan(document);
    watcher.observe(document.documentElement, { childList: true, subtree: true });
  }
  function start() {
    if (document.hidden) scan(document);
    else watch();
    document.addEventListener('visibilitychange', () => (document.hidden ? watcher.disconnect() : watch()));
  }

  window.Shopscore = Object.freeze({ version: '1', scan: () => scan(document) });
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
