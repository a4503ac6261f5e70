// Formulas are typeset at build time as SVG, which has no text to copy. When a selection
// copied to the clipboard includes formulas (select across one, or triple-click a display
// equation), each formula is copied as its TeX ($…$ inline, $$…$$ displayed), which every
// TeX-aware editor reads back. A formula cut by the selection is copied whole.
(function () {
  function formulaAround(node) {
    var element = node.nodeType === 1 ? node : node.parentElement;
    return element && element.closest("mjx-container[data-tex]");
  }

  function asTeX(container) {
    var tex = container.getAttribute("data-tex");
    return container.getAttribute("display") === "true" ? "\n$$\n" + tex + "\n$$\n" : "$" + tex + "$";
  }

  document.addEventListener("copy", function (event) {
    var selection = document.getSelection();
    if (!selection || selection.isCollapsed || !selection.rangeCount) return;
    var range = selection.getRangeAt(0).cloneRange();
    var first = formulaAround(range.startContainer), last = formulaAround(range.endContainer);
    if (first) range.setStartBefore(first);
    if (last) range.setEndAfter(last);
    var fragment = range.cloneContents();
    var formulas = fragment.querySelectorAll("mjx-container[data-tex]");
    if (!formulas.length) return;                                   // plain text: leave it to the browser
    formulas.forEach(function (container) { container.replaceWith(asTeX(container)); });
    fragment.querySelectorAll("svg.maths-glyphs").forEach(function (defs) { defs.remove(); });
    event.clipboardData.setData("text/plain", fragment.textContent.replace(/\n{3,}/g, "\n\n").trim());
    event.preventDefault();
  });
})();
