// MathJax 3, self-hosted under assets/mathjax/ and loaded only on pages that have maths
// (elements pymdownx.arithmatex marks). Typesets again after each page change made by
// Material's instant navigation.
(function () {
  var MATHJAX_URL = new URL("../mathjax/tex-mml-chtml.js", document.currentScript.src).href;

  window.MathJax = {
    tex: {
      inlineMath: [["\\(", "\\)"]],
      displayMath: [["\\[", "\\]"]],
      processEscapes: true,
      processEnvironments: true
    },
    options: {
      ignoreHtmlClass: ".*|",
      processHtmlClass: "arithmatex"
    },
    startup: {
      pageReady: function () {
        return MathJax.startup.defaultPageReady().then(function () {
          window.__mathjaxDone = performance.now();   // read by the benchmark
        });
      }
    }
  };

  function load() {
    var script = document.createElement("script");
    script.id = "MathJax-script";
    script.src = MATHJAX_URL;
    script.async = true;
    document.head.appendChild(script);
  }

  // Instant navigation may swap the <head>, so the script element is no proof of loading:
  // remember it here (this file runs once per visit).
  var requested = false;

  document$.subscribe(function () {
    if (!document.querySelector(".arithmatex")) return;
    if (!requested) { requested = true; return load(); }              // typesets on startup
    if (!MathJax.startup || !MathJax.startup.promise) return;          // still loading
    MathJax.startup.promise.then(function () {
      MathJax.startup.output.clearCache();
      MathJax.typesetClear();
      MathJax.texReset();
      return MathJax.typesetPromise();
    });
  });
})();
