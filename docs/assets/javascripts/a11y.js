// Three gaps the theme and the notebook renderer leave, closed on every page view:
// Material's search dialog has no accessible name, notebook code cells that scroll sideways
// (and display equations and tables wider than the screen) cannot be reached with the keyboard, and the
// notebook renderer's copy buttons are labelled in English whatever the page's language (they
// take Material's own translated labels here).
document$.subscribe(() => {
  const dialog = document.querySelector(".md-search[role=dialog]");
  const input = dialog && dialog.querySelector(".md-search__input");
  if (input) dialog.setAttribute("aria-label", input.getAttribute("aria-label"));
  for (const pre of document.querySelectorAll(
    ".highlight-ipynb pre, .jp-OutputArea pre, .md-typeset div.arithmatex, .md-typeset .md-typeset__scrollwrap")) {
    if (pre.scrollWidth > pre.clientWidth) pre.tabIndex = 0;
  }
  const config = document.getElementById("__config");
  const words = config ? JSON.parse(config.textContent).translations || {} : {};
  for (const button of document.querySelectorAll("clipboard-copy")) {
    if (words["clipboard.copy"]) button.setAttribute("aria-label", words["clipboard.copy"]);
    const notice = button.querySelector(".notice");
    if (notice && words["clipboard.copied"]) notice.textContent = words["clipboard.copied"];
  }
});
