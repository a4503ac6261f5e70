// Two accessibility gaps the theme and the notebook renderer leave, closed on every page view:
// Material's search dialog has no accessible name, and notebook code cells that scroll
// sideways (and display equations wider than the screen) cannot be reached with the keyboard.
document$.subscribe(() => {
  const dialog = document.querySelector(".md-search[role=dialog]");
  const input = dialog && dialog.querySelector(".md-search__input");
  if (input) dialog.setAttribute("aria-label", input.getAttribute("aria-label"));
  for (const pre of document.querySelectorAll(".highlight-ipynb pre, .jp-OutputArea pre, .md-typeset div.arithmatex")) {
    if (pre.scrollWidth > pre.clientWidth) pre.tabIndex = 0;
  }
});
