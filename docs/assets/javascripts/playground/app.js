// The playground page: controls, training loop and charts.  Loaded by the page itself
// (<script type="module">), never site-wide; Material's instant navigation re-inserts the
// script on each visit, so the page is (re)built on every `document$` emission that shows it.

import { ACTIVATIONS } from './activations.js';
import { DATASETS, INITS, SATURATION_SLOPE, evaluate, flatBins, inspect, meanLoss, forward, trainStep } from './network.js';
import { PRESETS } from './presets.js';
import { BATCHES, LEARNING_RATES, SIGMAS, SPEEDS, build, parse, presetOf, shapeParameter, toQuery } from './state.js';
import { STRINGS } from './strings.js';

const ASSETS = new URL('../../', import.meta.url);
const GRID = 48;                 // decision surface cells per side
const EXTENT = 1.3;              // the plane shown: [−EXTENT, EXTENT]²
const MAX_POINTS = 1500;         // chart history kept (thinned by half when full)
const COLOURS = { light: { 0: '#1f6fc5', 1: '#d9480f' }, dark: { 0: '#6cb4ff', 1: '#ff9248' } };

function loadScript(src) {
  return new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = src; s.onload = resolve; s.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.appendChild(s);
  });
}

let shared = null;        // uPlot and the page data, loaded once per document
async function resources() {
  if (!shared) {
    shared = (async () => {
      if (!document.querySelector('link[data-playground-css]')) {
        const link = document.createElement('link');
        link.rel = 'stylesheet'; link.href = new URL('vendor/uplot/uPlot.min.css', ASSETS).href;
        link.dataset.playgroundCss = '';
        document.head.appendChild(link);
      }
      if (!window.uPlot) await loadScript(new URL('vendor/uplot/uPlot.iife.min.js', ASSETS).href);
      const meta = await (await fetch(new URL('playground-data.json', ASSETS))).json();
      return { uPlot: window.uPlot, meta };
    })();
  }
  return shared;
}

const el = (tag, attrs = {}, ...children) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (v !== null && v !== undefined && v !== false) e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) if (c) e.append(c);
  return e;
};

let uid = 0;
function field(label, control, extra = null) {
  const id = `pg-${++uid}`;
  control.id = id;
  return el('div', { class: 'pg-field' }, el('label', { for: id, text: label }), control, extra);
}
function select(options, value) {
  const s = el('select');
  for (const [v, text] of options) s.append(el('option', { value: String(v), text, selected: String(v) === String(value) }));
  return s;
}

const fmt = (x, lang) => (Number.isFinite(x) ? x.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en', { minimumSignificantDigits: 3, maximumSignificantDigits: 3 }) : '—');
const pct = (x) => `${Math.round(100 * x)}%`;
const SUPERSCRIPT = { '-': '⁻', 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹' };
const sci = (x) => {                    // 6 × 10⁻⁸
  if (x >= 0.01) return x.toFixed(2);
  const [m, e] = x.toExponential(0).split('e');
  return `${m} × 10${[...String(Number(e))].map((c) => SUPERSCRIPT[c]).join('')}`;
};
const logTick = (v) => {                // 0.1, 1, 10 as they are; 10⁻⁵ beyond
  if (v === null || !(v > 0)) return '';
  const e = Math.round(Math.log10(v));
  if (Math.abs(v / 10 ** e - 1) > 1e-6) return '';
  if (e >= -2 && e <= 2) return String(10 ** e >= 1 ? 10 ** e : Number((10 ** e).toFixed(-e)));
  return `10${[...String(e)].map((c) => SUPERSCRIPT[c]).join('')}`;
};
const css = (name) => getComputedStyle(document.body).getPropertyValue(name).trim();
// The gradient chart colours hidden layers by depth, along one ramp from the first layer to the
// last, so that up to ten layers stay ordered and no two share a colour; the output layer is
// drawn dashed in the text colour.
const DEPTH_RAMP = { light: ['#1a56c4', '#7627bb', '#c5221f', '#b06000'], dark: ['#8ab4f8', '#c58af9', '#f28b82', '#fdd663'] };
const depthColour = (anchors, t) => {
  const x = Math.min(Math.max(t, 0), 1) * (anchors.length - 1), i = Math.min(Math.floor(x), anchors.length - 2), f = x - i;
  const [a, b] = [anchors[i], anchors[i + 1]].map((hex) => [1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16)));
  return '#' + a.map((v, k) => Math.round(v + f * (b[k] - v)).toString(16).padStart(2, '0')).join('');
};

class Playground {
  constructor(root, { uPlot, meta }) {
    this.root = root; this.uPlot = uPlot; this.meta = meta;
    this.lang = document.documentElement.lang.startsWith('zh') ? 'zh' : 'en';
    this.t = STRINGS[this.lang];
    this.state = parse(location.search, meta);
    this.running = false; this.frame = null; this.frameTimes = []; this.announced = 0;
    this.buildDom();
    this.reset();
    this.themeWatch = new MutationObserver(() => this.rebuildCharts());
    this.themeWatch.observe(document.body, { attributes: true, attributeFilter: ['data-md-color-scheme'] });
    this.resizeWatch = new ResizeObserver(() => this.resize());
    this.resizeWatch.observe(this.chartsBox);
  }

  // ---- DOM ------------------------------------------------------------------------------
  buildDom() {
    const t = this.t, s = this.state;
    this.root.replaceChildren();
    this.canvas = el('canvas', { class: 'pg-surface', role: 'img' });
    this.summary = el('p', { class: 'pg-summary', 'aria-live': 'polite' });
    this.playButton = el('button', { type: 'button', class: 'md-button md-button--primary pg-play', 'aria-pressed': 'false', text: t.play });
    this.stepButton = el('button', { type: 'button', class: 'md-button pg-step', text: t.step });
    this.resetButton = el('button', { type: 'button', class: 'md-button pg-reset', text: t.reset });
    this.speed = select(SPEEDS.map((v) => [v, String(v)]), s.speed);
    const toolbar = el('div', { class: 'pg-toolbar' }, this.playButton, this.stepButton, this.resetButton,
      field(t.speed, this.speed));
    this.lossBox = el('div', { class: 'pg-chart pg-loss' });
    this.gradBox = el('div', { class: 'pg-chart pg-grad' });
    this.gradEmpty = el('p', { class: 'pg-note pg-empty', text: t.gradEmpty });
    this.unitsBox = el('div', { class: 'pg-units' });
    this.preBox = el('div', { class: 'pg-pre' });
    this.chartsBox = el('div', { class: 'pg-charts' },
      el('section', { class: 'pg-panel', 'aria-label': t.lossTitle }, el('h2', { class: 'pg-title', text: t.lossTitle }), this.lossBox),
      el('section', { class: 'pg-panel', 'aria-label': t.gradTitle }, el('h2', { class: 'pg-title', text: t.gradTitle }),
        el('div', { class: 'pg-grad-frame' }, this.gradEmpty, this.gradBox)),
      el('section', { class: 'pg-panel', 'aria-label': t.unitsTitle }, el('h2', { class: 'pg-title', text: t.unitsTitle }), this.unitsBox,
        el('p', { class: 'pg-note', text: t.unitsNote })),
      el('section', { class: 'pg-panel', 'aria-label': t.preTitle }, el('h2', { class: 'pg-title', text: t.preTitle }), this.preBox));
    const main = el('div', { class: 'pg-view' }, this.canvas, toolbar, this.summary);
    this.root.append(el('div', { class: 'pg-top' }, main, this.controls()), this.chartsBox);
    this.playButton.addEventListener('click', () => (this.running ? this.pause() : this.play()));
    this.stepButton.addEventListener('click', () => { this.pause(); this.run(1); });
    this.resetButton.addEventListener('click', () => { this.pause(); this.reset(); });
    this.speed.addEventListener('change', () => { this.state.speed = Number(this.speed.value); this.writeAddress(); });
  }

  controls() {
    const t = this.t, s = this.state;
    const c = {};
    c.preset = select([['', t.presetNone], ...Object.entries(PRESETS).map(([id, p]) => [id, p.names[this.lang]])], presetOf(s, this.meta) || '');
    c.data = select(DATASETS.map((d) => [d, t.datasets[d]]), s.data);
    c.noise = el('input', { type: 'range', min: '0', max: '0.5', step: '0.05', value: String(s.noise) });
    c.test = el('input', { type: 'range', min: '0.1', max: '0.9', step: '0.1', value: String(s.test) });
    c.seed = el('input', { type: 'number', min: '1', max: '99999', step: '1', value: String(s.seed), inputmode: 'numeric' });
    c.layers = el('input', { type: 'range', min: '1', max: '10', step: '1', value: String(s.layers) });
    c.width = el('input', { type: 'range', min: '1', max: '32', step: '1', value: String(s.width) });
    c.act = select(this.meta.functions.filter((f) => ACTIVATIONS[f.key]).map((f) => [f.key, f.names[this.lang]]), s.act);
    c.p = el('input', { type: 'range' });
    c.init = select(Object.keys(INITS).map((k) => [k, t.inits[k]]), s.init);
    c.sigma = select(SIGMAS.map((v) => [v, String(v)]), s.sigma);
    c.bn = el('input', { type: 'checkbox', checked: !!s.bn });
    c.opt = select(['sgd', 'adam'].map((k) => [k, t.optimisers[k]]), s.opt);
    c.lr = select(LEARNING_RATES.map((v) => [v, String(v)]), s.lr);
    c.batch = select(BATCHES.map((v) => [v, String(v)]), s.batch);
    const out = (input) => { const o = el('output', { 'aria-hidden': 'true' }); const sync = () => { o.textContent = input.value; }; input.addEventListener('input', sync); sync(); return o; };
    this.controlsMap = c;
    this.paramField = field(t.parameter, c.p, out(c.p));
    this.sigmaField = field(t.sigma, c.sigma);
    const bnLabelId = `pg-${++uid}`; c.bn.id = bnLabelId;
    const form = el('form', { class: 'pg-controls' },
      field(t.presets, c.preset),
      el('fieldset', {}, el('legend', { text: t.data }), field(t.dataset, c.data), field(t.noise, c.noise, out(c.noise)),
        field(t.testShare, c.test, out(c.test)), field(t.seed, c.seed)),
      el('fieldset', {}, el('legend', { text: t.network }), field(t.layers, c.layers, out(c.layers)),
        field(t.width, c.width, out(c.width)), field(t.activation, c.act), this.paramField, field(t.init, c.init),
        this.sigmaField, el('div', { class: 'pg-field pg-check' }, c.bn, el('label', { for: bnLabelId, text: t.bn }))),
      el('fieldset', {}, el('legend', { text: t.training }), field(t.optimiser, c.opt), field(t.lr, c.lr), field(t.batch, c.batch)));
    form.addEventListener('submit', (e) => e.preventDefault());
    this.syncParamField();
    for (const [k, input] of Object.entries(c)) {
      if (k === 'preset') continue;
      input.addEventListener('change', () => this.fromControls(k));
    }
    c.preset.addEventListener('change', () => {
      if (!c.preset.value) return;
      this.state = parse(`?preset=${c.preset.value}&speed=${this.state.speed}`, this.meta);
      this.syncControls();
      this.pause(); this.reset();
    });
    return form;
  }

  syncParamField() {
    const c = this.controlsMap, param = shapeParameter(this.meta, this.state.act);
    this.paramField.hidden = !param;
    if (param) {
      Object.assign(c.p, { min: String(param.lo), max: String(param.hi), step: '0.01' });
      c.p.value = String(this.state.p);
      this.paramField.querySelector('label').textContent = `${this.t.parameter} ${param.symbol}`;
      c.p.dispatchEvent(new Event('input'));
    }
    this.sigmaField.hidden = this.state.init !== 'normal';
  }

  syncControls() {
    const c = this.controlsMap, s = this.state;
    for (const k of ['data', 'noise', 'test', 'seed', 'layers', 'width', 'act', 'init', 'sigma', 'opt', 'lr', 'batch']) {
      c[k].value = String(s[k]);
      c[k].dispatchEvent(new Event('input'));
    }
    c.bn.checked = !!s.bn;
    c.preset.value = presetOf(s, this.meta) || '';
    this.syncParamField();
  }

  fromControls(changed) {
    const c = this.controlsMap;
    const q = new URLSearchParams();
    for (const k of ['data', 'noise', 'test', 'seed', 'layers', 'width', 'act', 'init', 'sigma', 'opt', 'lr', 'batch']) q.set(k, c[k].value);
    if (changed !== 'act') q.set('p', c.p.value);
    q.set('bn', c.bn.checked ? '1' : '0');
    q.set('speed', String(this.state.speed));
    this.state = parse('?' + q.toString(), this.meta);
    c.preset.value = presetOf(this.state, this.meta) || '';
    this.syncParamField();
    this.pause(); this.reset();
  }

  writeAddress() {
    history.replaceState(history.state, '', location.pathname + toQuery(this.state) + location.hash);
  }

  // ---- training --------------------------------------------------------------------------
  reset() {
    this.run_ = build(this.state, this.meta);
    this.step = 0; this.diverged = false;
    this.history = { step: [], train: [], test: [], stride: 1 };
    this.gradHistory = { step: [], grads: this.run_.net.W.map(() => []), stride: 1 };
    this.lastGrads = null;
    this.writeAddress();
    this.rebuildCharts();
    this.refresh(true);
  }

  run(steps) {
    const { net, optimiser, data, nextBatch } = this.run_;
    for (let i = 0; i < steps && !this.diverged; i++) {
      const r = trainStep(net, optimiser, data.train, nextBatch);
      this.step += 1;
      this.lastGrads = r.gradNorms;
      this.recordGrads(r.gradNorms);
      if (!Number.isFinite(r.loss) || r.gradNorms.some((g) => !Number.isFinite(g))) this.diverged = true;
    }
    this.refresh(!this.running);
  }

  play() {
    if (this.running) return;
    this.running = true;
    this.playButton.textContent = this.t.pause; this.playButton.setAttribute('aria-pressed', 'true');
    const tick = () => {
      if (!this.running) return;
      if (!this.root.isConnected) { this.destroy(); return; }
      const t0 = performance.now();
      this.run(this.state.speed);
      this.frameTimes.push(performance.now() - t0);
      if (this.frameTimes.length > 600) this.frameTimes.shift();
      if (this.diverged) { this.pause(); return; }
      this.frame = requestAnimationFrame(tick);
    };
    this.frame = requestAnimationFrame(tick);
  }

  pause() {
    if (!this.running) return;
    this.running = false;
    cancelAnimationFrame(this.frame);
    this.playButton.textContent = this.t.play; this.playButton.setAttribute('aria-pressed', 'false');
    this.refresh(true);
  }

  destroy() {
    this.running = false;
    cancelAnimationFrame(this.frame);
    this.themeWatch.disconnect(); this.resizeWatch.disconnect();
    for (const chart of [this.lossChart, this.gradChart]) if (chart) chart.destroy();
  }

  // ---- measuring and drawing -------------------------------------------------------------
  refresh(announce) {
    const { net, data } = this.run_;
    const seen = inspect(net, data.train);
    this.inspected = seen;
    const trainLoss = meanLoss(seen.logits, data.train.y, data.train.n);
    const testLoss = evaluate(net, data.test, seen.stats);
    this.losses = { train: trainLoss, test: testLoss };
    this.record(trainLoss, testLoss);
    this.drawSurface(seen.stats);
    this.updateCharts();
    this.drawUnits(seen);
    this.drawPre(seen);
    const now = performance.now();
    if (announce || now - this.announced > 3000) { this.announce(); this.announced = now; }
    this.root.dispatchEvent(new CustomEvent('playground:update', { detail: { step: this.step } }));
  }

  // Histories keep at most MAX_POINTS points: when full, every second one goes and the stride doubles.
  record(train, test) {
    const h = this.history;
    if (h.step.length && this.step - h.step[h.step.length - 1] < h.stride) return;
    h.step.push(this.step); h.train.push(train); h.test.push(test);
    if (h.step.length > MAX_POINTS) { for (const k of ['step', 'train', 'test']) h[k] = h[k].filter((_, i) => i % 2 === 0); h.stride *= 2; }
  }

  recordGrads(norms) {
    const h = this.gradHistory;
    if (h.step.length && this.step - h.step[h.step.length - 1] < h.stride) return;
    h.step.push(this.step);
    norms.forEach((g, l) => h.grads[l].push(g > 0 && Number.isFinite(g) ? g : null));
    if (h.step.length > MAX_POINTS) {
      const keep = (a) => a.filter((_, i) => i % 2 === 0);
      h.step = keep(h.step); h.grads = h.grads.map(keep); h.stride *= 2;
    }
  }

  summaryText() {
    const t = this.t, seen = this.inspected;
    if (this.diverged) return t.diverged;
    let worst = null;
    const deadest = seen.layers.reduce((b, l, i) => (l.dead / l.units > (b ? b.share : 0) ? { i, share: l.dead / l.units } : b), null);
    const flattest = seen.layers.reduce((b, l, i) => (l.saturated / l.units > (b ? b.share : 0) ? { i, share: l.saturated / l.units } : b), null);
    if (deadest) worst = t.worstDead(deadest.i + 1, pct(deadest.share));
    else if (flattest) worst = t.worstSaturated(flattest.i + 1, pct(flattest.share));
    else worst = t.noneDead;
    let gradient = null;
    const g = this.lastGrads;
    if (g && g.length > 2 && g[g.length - 2] > 0) {
      const ratio = g[0] / g[g.length - 2];
      if (ratio < 1e-2) gradient = t.gradientRatio(sci(ratio));
    }
    return t.summary({ step: this.step, train: fmt(this.losses.train, this.lang), test: fmt(this.losses.test, this.lang), worst, gradient });
  }

  announce() { this.summary.textContent = this.summaryText(); }

  drawSurface(stats) {
    const c = this.canvas, ctx = c.getContext('2d');
    const size = Math.max(120, Math.round(c.clientWidth * (window.devicePixelRatio || 1)));
    if (c.width !== size) { c.width = size; c.height = size; }
    const { net, data } = this.run_;
    const X = new Float64Array(GRID * GRID * 2);
    for (let r = 0; r < GRID; r++) for (let q = 0; q < GRID; q++) {
      const k = r * GRID + q;
      X[2 * k] = -EXTENT + (2 * EXTENT * (q + 0.5)) / GRID;
      X[2 * k + 1] = EXTENT - (2 * EXTENT * (r + 0.5)) / GRID;
    }
    const logits = forward(net, X, GRID * GRID, stats).logits;
    const dark = document.body.getAttribute('data-md-color-scheme') === 'slate';
    const bg = dark ? [30, 33, 41] : [255, 255, 255];
    const rgb = (hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    const colours = COLOURS[dark ? 'dark' : 'light'];
    const c0 = rgb(colours[0]), c1 = rgb(colours[1]);
    const img = ctx.createImageData(GRID, GRID);
    for (let k = 0; k < GRID * GRID; k++) {
      const p = 1 / (1 + Math.exp(-logits[k]));
      const col = p >= 0.5 ? c1 : c0;
      const a = Number.isFinite(p) ? Math.min(1, Math.abs(p - 0.5) * 2) * (dark ? 0.4 : 0.5) : 0;
      for (let ch = 0; ch < 3; ch++) img.data[4 * k + ch] = Math.round(bg[ch] * (1 - a) + col[ch] * a);
      img.data[4 * k + 3] = 255;
    }
    const off = document.createElement('canvas'); off.width = GRID; off.height = GRID;
    off.getContext('2d').putImageData(img, 0, 0);
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(off, 0, 0, size, size);
    const toPx = (x) => ((x + EXTENT) / (2 * EXTENT)) * size;
    const r = Math.max(2.5, size / 110);
    const dot = (set, filled) => {
      for (let i = 0; i < set.n; i++) {
        ctx.beginPath();
        ctx.arc(toPx(set.X[2 * i]), size - toPx(set.X[2 * i + 1]), r, 0, 2 * Math.PI);
        if (filled) { ctx.fillStyle = colours[set.y[i]]; ctx.fill(); ctx.lineWidth = 1; ctx.strokeStyle = dark ? '#000' : '#fff'; ctx.stroke(); }
        else { ctx.lineWidth = Math.max(1.5, r / 2); ctx.strokeStyle = colours[set.y[i]]; ctx.stroke(); }
      }
    };
    dot(data.test, false);
    dot(data.train, true);
    c.setAttribute('aria-label', this.t.surface(this.step));
  }

  chartOptions(title, series, log) {
    const fg = css('--md-default-fg-color') || '#000';
    const grid = css('--md-default-fg-color--lightest') || '#ddd';
    const axis = { stroke: fg, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 }, font: '12px sans-serif' };
    const width = Math.max(200, this.lossBox.getBoundingClientRect().width || 300);
    return {
      title: undefined, width, height: 190,
      legend: { show: true, live: false, markers: { dash: (u, i) => (u.series[i].dash ? 'dashed' : 'solid') } },
      cursor: { show: false },
      scales: { x: { time: false }, y: log ? { distr: 3 } : { range: (u, lo, hi) => [0, Math.max(0.8, (hi || 0) * 1.05)] } },
      axes: [{ ...axis, label: this.t.stepAxis, labelSize: 18, labelFont: '12px sans-serif' },
        { ...axis, size: 56, values: log ? (u, vals) => vals.map(logTick) : undefined }],
      series: [{ label: this.t.stepAxis }, ...series],
    };
  }

  rebuildCharts() {
    if (!this.run_) return;
    for (const chart of [this.lossChart, this.gradChart]) if (chart) chart.destroy();
    this.lossBox.replaceChildren(); this.gradBox.replaceChildren();
    const dark = document.body.getAttribute('data-md-color-scheme') === 'slate';
    const palette = dark ? ['#8ab4f8', '#f28b82'] : ['#1a56c4', '#c5221f'];     // training and test loss
    const L = this.run_.net.W.length;
    this.lossChart = new this.uPlot(this.chartOptions(this.t.lossTitle, [
      { label: this.t.trainLoss, stroke: palette[0], width: 2 },
      { label: this.t.testLoss, stroke: palette[1], width: 2, dash: [6, 4] }], false), [[], [], []], this.lossBox);
    const ramp = DEPTH_RAMP[dark ? 'dark' : 'light'], hidden = L - 1;
    this.gradChart = new this.uPlot(this.chartOptions(this.t.gradTitle,
      this.run_.net.W.map((_, l) => (l === L - 1
        ? { label: this.t.output, stroke: css('--md-default-fg-color') || (dark ? '#e8eaed' : '#202124'), width: 1.5, dash: [5, 3] }
        : { label: this.t.layer(l + 1), stroke: depthColour(ramp, hidden > 1 ? l / (hidden - 1) : 0), width: 1.5 }))
      , true), [[], ...this.run_.net.W.map(() => [])], this.gradBox);
    for (const box of [this.lossBox, this.gradBox]) box.querySelector('canvas')?.setAttribute('aria-hidden', 'true');
    this.updateCharts();
    if (this.inspected) this.drawSurface(this.inspected.stats);
  }

  updateCharts() {
    const h = this.history, g = this.gradHistory;
    if (!this.lossChart || !h) return;
    this.lossChart.setData([h.step, h.train, h.test]);
    const drawn = g.grads.some((s) => s.some((v) => v !== null));
    if (drawn) this.gradChart.setData([g.step, ...g.grads]);
    if (this.gradEmpty) this.gradEmpty.hidden = g.step.length > 0;
  }

  resize() {
    const width = Math.max(200, this.lossBox.getBoundingClientRect().width);
    for (const chart of [this.lossChart, this.gradChart]) if (chart) chart.setSize({ width, height: 190 });
    if (this.inspected) this.drawSurface(this.inspected.stats);
  }

  drawUnits(seen) {
    const t = this.t;
    const rows = seen.layers.map((l, i) => {
      const d = l.dead / l.units, s = l.saturated / l.units;
      const bar = el('div', { class: 'pg-bar', 'aria-hidden': 'true' },
        el('span', { class: 'pg-dead', style: `width:${100 * d}%` }), el('span', { class: 'pg-saturated', style: `width:${100 * s}%` }));
      return el('li', {}, el('span', { class: 'pg-row-label', text: t.unitsRow(i + 1, pct(d), pct(s)) }), bar);
    });
    this.unitsBox.replaceChildren(el('ul', { class: 'pg-rows' }, ...rows));
  }

  drawPre(seen) {
    const fn = ACTIVATIONS[this.run_.net.activation], p = this.run_.net.param;
    const R = 6, BINS = 60;
    const flat = flatBins(fn, p, R, BINS);
    const dark = document.body.getAttribute('data-md-color-scheme') === 'slate';
    const rows = seen.layers.map((l, i) => {
      const counts = new Array(BINS).fill(0);
      let inside = 0;
      for (const v of l.pre) {
        if (Math.abs(fn.df(v, p)) < SATURATION_SLOPE) inside += 1;
        const b = Math.floor(((Math.max(-R, Math.min(R, v)) + R) / (2 * R)) * BINS);
        counts[Math.min(BINS - 1, b)] += 1;
      }
      const max = Math.max(...counts, 1);
      const canvas = el('canvas', { width: String(BINS * 4), height: '34', 'aria-hidden': 'true' });
      const ctx = canvas.getContext('2d');
      ctx.fillStyle = dark ? 'rgba(255,255,255,0.16)' : 'rgba(0,0,0,0.10)';
      flat.forEach((f, b) => { if (f) ctx.fillRect(b * 4, 0, 4, 34); });
      ctx.fillStyle = dark ? '#8ab4f8' : '#1a56c4';
      counts.forEach((n, b) => { const hgt = (32 * n) / max; ctx.fillRect(b * 4 + 0.5, 34 - hgt, 3, hgt); });
      return el('li', {}, el('span', { class: 'pg-row-label', text: this.t.preRow(i + 1, pct(inside / l.pre.length)) }), canvas);
    });
    const axis = el('div', { class: 'pg-pre-axis', 'aria-hidden': 'true' }, el('span', { text: `−${R}` }), el('span', { text: '0' }), el('span', { text: `${R}` }));
    this.preBox.replaceChildren(el('ul', { class: 'pg-rows' }, ...rows), axis);
  }
}

// For the browser tests and the benchmark: the page's playground, and how to drive it.
function expose(pg) {
  window.playground = {
    get step() { return pg.step; },
    get state() { return { ...pg.state }; },
    get running() { return pg.running; },
    get frameTimes() { return pg.frameTimes.slice(); },
    get summary() { return pg.summary.textContent; },
    run(n) { pg.run(n); return pg.step; },
    play() { pg.play(); }, pause() { pg.pause(); },
    measure() {
      return { grads: pg.lastGrads ? pg.lastGrads.slice() : null, losses: { ...pg.losses },
        layers: pg.inspected.layers.map(({ units, dead, saturated }) => ({ units, dead, saturated })) };
    },
  };
}

let current = null;
let queue = Promise.resolve();
async function start() {
  const root = document.querySelector('.activation-playground');
  if (current && current.root !== root) { current.destroy(); current = null; }
  if (!root || (current && current.root === root)) return;
  const res = await resources();
  current = new Playground(root, res);
  expose(current);
  root.dataset.ready = 'true';
  root.dispatchEvent(new CustomEvent('playground:ready'));
}
const startSoon = () => { queue = queue.then(start).catch((e) => console.error(e)); };

startSoon();
if (window.document$ && typeof window.document$.subscribe === 'function') window.document$.subscribe(startSoon);
