// The playground's state: every setting, read from and written to the page address, and the
// data, network and optimiser it describes.  No DOM here: the tests and the benchmark use it too.

import { ACTIVATIONS, parameters } from './activations.js';
import { DATASETS, INITS, batcher, createNetwork, makeData, makeOptimiser } from './network.js';
import { PRESETS } from './presets.js';

export const POINTS = 300;
export const LEARNING_RATES = [0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
export const BATCHES = [1, 2, 4, 8, 16, 32, 64, 128];
export const SPEEDS = [1, 2, 5, 10, 20, 50];
export const SIGMAS = [0.001, 0.01, 0.03, 0.1, 0.3, 1, 2, 5];

export const DEFAULTS = {
  data: 'circle', noise: 0.05, test: 0.5, seed: 1,
  layers: 3, width: 8, act: 'relu', p: null, init: 'he', sigma: 0.1, bn: 0,
  opt: 'sgd', lr: 0.1, batch: 16, speed: 5,
};

const number = (v, lo, hi, fallback, integer = false) => {
  const x = Number(v);
  if (v === null || v === '' || !Number.isFinite(x)) return fallback;
  const c = Math.min(hi, Math.max(lo, x));
  return integer ? Math.round(c) : c;
};
const oneOf = (v, list, fallback) => (list.includes(v) ? v : fallback);
const nearest = (v, list, fallback) => {
  const x = Number(v);
  if (v === null || !Number.isFinite(x)) return fallback;
  return list.reduce((best, c) => (Math.abs(Math.log(c / x)) < Math.abs(Math.log(best / x)) ? c : best));
};

// The function's one shape parameter (name, default, lo, hi) as the page data declares it.
export function shapeParameter(meta, act) {
  const fn = meta && meta.functions.find((f) => f.key === act);
  return fn && fn.params.length ? fn.params[0] : null;
}

// A complete, valid state from an address's query string (unknown or bad values → defaults).
export function parse(search, meta = null) {
  const q = new URLSearchParams(search);
  const preset = PRESETS[q.get('preset')];
  const get = (k) => (q.has(k) ? q.get(k) : preset && k in preset.state ? String(preset.state[k]) : null);
  const s = {};
  s.data = oneOf(get('data'), DATASETS, DEFAULTS.data);
  s.noise = number(get('noise'), 0, 0.5, DEFAULTS.noise);
  s.test = number(get('test'), 0.1, 0.9, DEFAULTS.test);
  s.seed = number(get('seed'), 1, 99999, DEFAULTS.seed, true);
  s.layers = number(get('layers'), 1, 10, DEFAULTS.layers, true);
  s.width = number(get('width'), 1, 32, DEFAULTS.width, true);
  s.act = oneOf(get('act'), Object.keys(ACTIVATIONS), DEFAULTS.act);
  const param = shapeParameter(meta, s.act);
  s.p = param ? number(get('p'), param.lo, param.hi, param.default) : null;
  s.init = oneOf(get('init'), Object.keys(INITS), DEFAULTS.init);
  s.sigma = nearest(get('sigma'), SIGMAS, DEFAULTS.sigma);
  s.bn = get('bn') === '1' ? 1 : 0;
  s.opt = oneOf(get('opt'), ['sgd', 'adam'], DEFAULTS.opt);
  s.lr = nearest(get('lr'), LEARNING_RATES, DEFAULTS.lr);
  s.batch = nearest(get('batch'), BATCHES, DEFAULTS.batch);
  s.speed = nearest(get('speed'), SPEEDS, DEFAULTS.speed);
  return s;
}

export function toQuery(s) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(s)) {
    if (v === null) continue;
    if (k === 'sigma' && s.init !== 'normal') continue;
    q.set(k, String(v));
  }
  return '?' + q.toString();
}

// The preset a state equals, if any.
export function presetOf(s, meta = null) {
  for (const [id] of Object.entries(PRESETS)) {
    if (toQuery(parse('?preset=' + id, meta)) === toQuery({ ...s, speed: parse('?preset=' + id, meta).speed })) return id;
  }
  return null;
}

// Data, network, optimiser and batch stream for a state; the same state gives the same run.
export function build(s, meta = null) {
  const data = makeData({ dataset: s.data, seed: s.seed, points: POINTS, noise: s.noise, testShare: s.test });
  const param = shapeParameter(meta, s.act);
  const given = param && s.p !== null ? { [param.name]: s.p } : {};
  const net = createNetwork({ layers: s.layers, width: s.width, activation: s.act, param: parameters(s.act, given),
    init: s.init, sigma: s.sigma, bn: !!s.bn, seed: s.seed });
  return { data, net, optimiser: makeOptimiser(s.opt, s.lr), nextBatch: batcher(data.train.n, s.batch, s.seed + 1) };
}
