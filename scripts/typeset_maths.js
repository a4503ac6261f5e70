#!/usr/bin/env node
// Build-time maths: TeX in, SVG out, with npm mathjax-full (pinned in package.json).
// One long-lived process per build, driven by scripts/actsite/pages/typeset.py over stdin/stdout,
// one JSON request per line and one JSON answer per line:
//   {"op": "css"}                                     -> {"css": "<MathJax's stylesheet>"}
//   {"op": "tex", "items": [{"tex": "x^2", "display": false}, ...]}
//       -> {"results": [{"svg": "<mjx-container ...>", "glyphs": {"MJX-TEX-I-1D465": "M..."}}
//                       or {"error": "MathJax's message"}, ...]}
// Glyph outlines are returned apart from each formula (fontCache "global"), so that a page
// carries each glyph once, in one hidden <svg>, however many formulas use it.
"use strict";

const readline = require("readline");
const {mathjax} = require("mathjax-full/js/mathjax.js");
const {TeX} = require("mathjax-full/js/input/tex.js");
const {SVG} = require("mathjax-full/js/output/svg.js");
const {liteAdaptor} = require("mathjax-full/js/adaptors/liteAdaptor.js");
const {RegisterHTMLHandler} = require("mathjax-full/js/handlers/html.js");
const {AssistiveMmlHandler} = require("mathjax-full/js/a11y/assistive-mml.js");
const {AllPackages} = require("mathjax-full/js/input/tex/AllPackages.js");

// noundefined and noerrors would turn a TeX error into red text on the page: leave them out,
// so that every error reaches the build.
const PACKAGES = AllPackages.filter((name) => name !== "noundefined" && name !== "noerrors");

const adaptor = liteAdaptor();
AssistiveMmlHandler(RegisterHTMLHandler(adaptor));

function makeDocument() {
  const tex = new TeX({
    packages: PACKAGES,
    formatError(jax, error) { throw error; },      // a TeX error is an answer, not a red box
  });
  const svg = new SVG({fontCache: "global"});
  return {svg, doc: mathjax.document("", {InputJax: tex, OutputJax: svg})};
}

let state = makeDocument();

function typesetOne(item) {
  const {svg, doc} = state;
  svg.fontCache.clearCache();
  try {
    const node = doc.convert(item.tex, {display: Boolean(item.display), em: 16, ex: 8, containerWidth: 1280});
    const glyphs = Object.fromEntries(svg.fontCache.cache);
    return {svg: adaptor.outerHTML(node), glyphs};
  } catch (error) {
    state = makeDocument();     // the parser may hold half a formula: start clean
    return {error: String(error && error.message || error)};
  }
}

function answer(request) {
  if (request.op === "css") {
    return {css: adaptor.textContent(state.svg.styleSheet(state.doc))};
  }
  if (request.op === "tex") {
    return {results: request.items.map(typesetOne)};
  }
  return {fatal: `unknown request ${JSON.stringify(request.op)}`};
}

const lines = readline.createInterface({input: process.stdin, crlfDelay: Infinity});
lines.on("line", (line) => {
  if (!line.trim()) return;
  let reply;
  try {
    reply = answer(JSON.parse(line));
  } catch (error) {
    reply = {fatal: String(error && error.stack || error)};
  }
  process.stdout.write(JSON.stringify(reply) + "\n");
});
