// The language selector opens the same page in the other language, with what the address
// carries beyond the path: the explorer's and the playground's settings, and the anchor.
// Both languages share their paths (/<site>/en/<page> and /<site>/zh/<page>), so the twin's
// address is this one with the language swapped. A page without a twin gets the other
// language's home page. Listening in the capture phase runs this before the theme's own
// handler, which looks the page up in a sitemap and loses the settings.
document.addEventListener("click", (event) => {
  const link = event.target instanceof Element ? event.target.closest(".md-select a[hreflang]") : null;
  if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
  const here = document.documentElement.lang;
  const match = location.pathname.match(new RegExp(`^(.*?/)${here}(/.*)$`));
  if (!match || link.hreflang === here) return;
  event.preventDefault();
  event.stopImmediatePropagation();
  const [, site, page] = match;
  const home = `${location.origin}${site}${link.hreflang}/`;
  const twin = `${location.origin}${site}${link.hreflang}${page}`;
  fetch(twin, { method: "HEAD" })
    .then((response) => (response.ok ? twin + location.search + location.hash : home), () => home)
    .then((address) => { location.href = address; });
}, true);
