// Search, downloaded when the reader reaches for it.
// Material requests the search index (the largest file most pages would transfer) as soon as
// a page loads.  This script runs before Material's bundle and holds back that one request
// until the reader shows they want to search: pointing at or focusing the search box, opening
// search with its button or a shortcut key (/, s, f), or arriving with a query in the address.
// A page that is only read never downloads the index; search itself is Material's, unchanged.
(function () {
  "use strict";
  var INDEX = /\/search\/search_index\.json(?:[?#]|$)/;
  var wanted = false;
  var held = [];

  function release() {
    if (wanted) return;
    wanted = true;
    document.documentElement.dataset.searchIndex = "requested";
    held.splice(0).forEach(function (send) { send(); });
  }

  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.searchOnDemandUrl = String(url);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this, args = arguments;
    if (!wanted && INDEX.test(request.searchOnDemandUrl || "")) {
      held.push(function () { send.apply(request, args); });
      return undefined;
    }
    return send.apply(request, args);
  };

  function inSearch(target) {
    return target && target.closest && target.closest(".md-search, label[for='__search']");
  }
  function typing(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }
  ["pointerover", "focusin", "click", "touchstart"].forEach(function (type) {
    document.addEventListener(type, function (event) { if (inSearch(event.target)) release(); },
                              {capture: true, passive: true});
  });
  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "__search" && event.target.checked) release();
  }, true);
  document.addEventListener("keydown", function (event) {
    var key = event.key;
    if (!event.ctrlKey && !event.metaKey && !event.altKey && !typing(event.target)
        && (key === "/" || key === "s" || key === "S" || key === "f" || key === "F")) release();
  }, true);
  if (/[?&]q=/.test(location.search)) release();
})();
