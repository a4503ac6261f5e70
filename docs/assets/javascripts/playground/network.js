// The playground's network: a small fully connected classifier of 2-D points, and its training.
//
// Hidden layers f(z) or f(BN(z)) with any activation of activations.js, one logit out, the
// binary cross-entropy computed from the logit, plain SGD or Adam on shuffled mini-batches.
// scripts/actsite/experiments/playground_net.py is its numpy twin: the tests start both from
// the same weights and data and compare losses and gradient norms step by step.

import { ACTIVATIONS, logaddexp, parameters, sigmoid } from './activations.js';

export const SATURATION_SLOPE = 0.01;   // a unit is saturated where |f'| is below this (the guide's flat edge)

// For the pre-activation panel: which of `bins` equal bins of [-range, range] the flat region reaches.  A bin
// counts when |f'| < SATURATION_SLOPE at any of 31 evenly spaced points inside it, so the narrow band around a
// non-monotone function's minimum, where f' crosses zero, is shaded as it is counted.  The edges are left out:
// at a kink such as ReLU's, f'(0) = 0 would otherwise shade the bin beyond it, where the slope is 1.
export const FLAT_SAMPLES = 32;   // the bin is cut into this many parts; the points between them are tested
export function flatBins(fn, param, range, bins) {
  const width = (2 * range) / bins;
  return Array.from({ length: bins }, (_, b) => {
    for (let k = 1; k < FLAT_SAMPLES; k++) {
      if (Math.abs(fn.df(-range + width * (b + k / FLAT_SAMPLES), param)) < SATURATION_SLOPE) return true;
    }
    return false;
  });
}
export const BN_EPS = 1e-5;
export const ADAM = { beta1: 0.9, beta2: 0.999, eps: 1e-8 };

// A 32-bit generator (mulberry32): the same seed gives the same numbers in every browser.
export function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = ((t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t) >>> 0;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function normalSampler(rng) {
  let spare = null;
  return function normal() {
    if (spare !== null) { const s = spare; spare = null; return s; }
    let u = 0;
    while (u === 0) u = rng();
    const v = rng();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
}

// Fisher–Yates with the given generator, in place.
export function shuffle(order, rng) {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = order[i]; order[i] = order[j]; order[j] = t;
  }
  return order;
}

// ---- data -------------------------------------------------------------------------------

export const DATASETS = ['circle', 'xor', 'spiral', 'gauss'];

function point(kind, i, n, rng, normal) {
  if (kind === 'circle') {
    const inside = i % 2 === 0;
    const r = inside ? 0.5 * rng() : 0.7 + 0.3 * rng();
    const t = 2 * Math.PI * rng();
    return [r * Math.sin(t), r * Math.cos(t), inside ? 1 : 0];
  }
  if (kind === 'xor') {
    const pad = 0.05;
    let x = 2 * rng() - 1, y = 2 * rng() - 1;
    x += x > 0 ? pad : -pad;
    y += y > 0 ? pad : -pad;
    return [x / (1 + pad), y / (1 + pad), x * y > 0 ? 1 : 0];
  }
  if (kind === 'spiral') {
    const half = Math.ceil(n / 2);
    const k = Math.floor(i / 2);
    const label = i % 2;
    const r = (k / half) * 0.95 + 0.05;
    const t = (1.75 * k / half) * 2 * Math.PI + label * Math.PI;
    return [r * Math.sin(t), r * Math.cos(t), label];
  }
  const label = i % 2;
  const c = label ? 0.5 : -0.5;
  return [c + 0.25 * normal(), c + 0.25 * normal(), label];
}

// n points of one kind with Gaussian noise of the given scale; a share `testShare` held out.
export function makeData({ dataset, seed, points = 300, noise = 0, testShare = 0.5 }) {
  if (!DATASETS.includes(dataset)) throw new Error(`unknown data set ${dataset}`);
  const rng = mulberry32(seed);
  const normal = normalSampler(rng);
  const all = [];
  for (let i = 0; i < points; i++) {
    const [x, y, label] = point(dataset, i, points, rng, normal);
    all.push([x + noise * normal(), y + noise * normal(), label]);
  }
  shuffle(all, rng);
  const nTest = Math.round(points * testShare);
  const pack = (rows) => ({
    X: Float64Array.from(rows.flatMap((r) => [r[0], r[1]])),
    y: Float64Array.from(rows.map((r) => r[2])),
    n: rows.length,
  });
  return { train: pack(all.slice(nTest)), test: pack(all.slice(0, nTest)) };
}

// ---- the network ------------------------------------------------------------------------

export const INITS = {
  he: (fanIn) => Math.sqrt(2 / fanIn),
  xavier: (fanIn, fanOut) => Math.sqrt(2 / (fanIn + fanOut)),
  lecun: (fanIn) => Math.sqrt(1 / fanIn),
  normal: (fanIn, fanOut, sigma) => sigma,
};

export function layerSizes(layers, width) {
  return [2, ...Array(layers).fill(width), 1];
}

// Weights from a seed: W[l] is (fan_in × fan_out), row-major, as numpy's h @ W; biases zero.
export function createNetwork({ layers, width, activation, param = {}, init = 'he', sigma = 0.01,
  bn = false, seed = 1 }) {
  const sizes = layerSizes(layers, width);
  const normal = normalSampler(mulberry32(seed ^ 0x9e3779b9));
  const W = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const std = INITS[init](sizes[l], sizes[l + 1], sigma);
    W.push(Float64Array.from({ length: sizes[l] * sizes[l + 1] }, () => std * normal()));
  }
  return fromWeights({ sizes, activation, param, bn, W });
}

// A network with the given weight matrices (and biases, γ, β if given; else 0, 1, 0).
export function fromWeights({ sizes, activation, param = {}, bn = false, W, b, gamma, beta }) {
  if (!ACTIVATIONS[activation]) throw new Error(`unknown activation ${activation}`);
  const hidden = sizes.slice(1, -1);
  const f64 = (a) => Float64Array.from(a);
  return {
    sizes, activation, param: parameters(activation, param), bn,
    W: W.map(f64),
    b: b ? b.map(f64) : sizes.slice(1).map((n) => new Float64Array(n)),
    gamma: gamma ? gamma.map(f64) : hidden.map((n) => new Float64Array(n).fill(1)),
    beta: beta ? beta.map(f64) : hidden.map((n) => new Float64Array(n)),
  };
}

// h (n × a) @ W (a × b) + bias
function affine(h, n, a, W, b, bias) {
  const out = new Float64Array(n * b);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < b; j++) {
      let s = 0;
      for (let k = 0; k < a; k++) s += h[i * a + k] * W[k * b + j];
      out[i * b + j] = bias ? s + bias[j] : s;
    }
  }
  return out;
}

// Column means and (biased) variances of an n × m matrix.
function columnStats(z, n, m) {
  const mean = new Float64Array(m), variance = new Float64Array(m);
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) mean[j] += z[i * m + j];
  for (let j = 0; j < m; j++) mean[j] /= n;
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) { const d = z[i * m + j] - mean[j]; variance[j] += d * d; }
  for (let j = 0; j < m; j++) variance[j] /= n;
  return { mean, variance };
}

// Forward pass.  With batch normalisation the statistics are the batch's, or `stats` if given
// (the training set's, for evaluation).  Returns every layer's input h, pre-activation
// (BN output when BN is on), and the logits.
export function forward(net, X, n, stats = null) {
  const { sizes, bn } = net;
  const fn = ACTIVATIONS[net.activation], p = net.param;
  const L = sizes.length - 2;
  const hs = [X], pres = [], xhats = [], invStds = [], usedStats = [];
  let h = X;
  for (let l = 0; l < L; l++) {
    const a = sizes[l], m = sizes[l + 1];
    let pre;
    if (bn) {
      const z = affine(h, n, a, net.W[l], m, null);
      const st = stats ? stats[l] : columnStats(z, n, m);
      usedStats.push(st);
      const inv = new Float64Array(m), xhat = new Float64Array(n * m);
      pre = new Float64Array(n * m);
      for (let j = 0; j < m; j++) inv[j] = 1 / Math.sqrt(st.variance[j] + BN_EPS);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < m; j++) {
          const k = i * m + j;
          xhat[k] = (z[k] - st.mean[j]) * inv[j];
          pre[k] = net.gamma[l][j] * xhat[k] + net.beta[l][j];
        }
      }
      xhats.push(xhat); invStds.push(inv);
    } else {
      pre = affine(h, n, a, net.W[l], m, net.b[l]);
    }
    pres.push(pre);
    const out = new Float64Array(n * m);
    for (let k = 0; k < n * m; k++) out[k] = fn.f(pre[k], p);
    hs.push(out);
    h = out;
  }
  const logits = affine(h, n, sizes[L], net.W[L], 1, net.b[L]);
  return { hs, pres, xhats, invStds, stats: usedStats, logits };
}

// Mean binary cross-entropy from logits: max(s, 0) − s y + ln(1 + e^{−|s|}).
export function bceWithLogits(s, y) {
  return Math.max(s, 0) - s * y + Math.log1p(Math.exp(-Math.abs(s)));
}

export function meanLoss(logits, y, n) {
  let total = 0;
  for (let i = 0; i < n; i++) total += bceWithLogits(logits[i], y[i]);
  return total / n;
}

// Loss and exact gradients on a batch.  gW[l] has the shape of W[l].
export function lossAndGrads(net, X, y, n) {
  const { sizes, bn } = net;
  const fn = ACTIVATIONS[net.activation], p = net.param;
  const L = sizes.length - 2;
  const fw = forward(net, X, n);
  const loss = meanLoss(fw.logits, y, n);
  const gW = [], gb = [], gGamma = [], gBeta = [];
  let delta = new Float64Array(n);                      // dL/dlogit = (σ(s) − y) / n
  for (let i = 0; i < n; i++) delta[i] = (sigmoid(fw.logits[i]) - y[i]) / n;
  let width = 1;
  for (let l = L; l >= 0; l--) {
    const a = sizes[l], h = fw.hs[l];
    const g = new Float64Array(a * width);
    for (let k = 0; k < a; k++) {
      for (let j = 0; j < width; j++) {
        let s = 0;
        for (let i = 0; i < n; i++) s += h[i * a + k] * delta[i * width + j];
        g[k * width + j] = s;
      }
    }
    gW[l] = g;
    if (!bn || l === L) {
      const gbl = new Float64Array(width);
      for (let i = 0; i < n; i++) for (let j = 0; j < width; j++) gbl[j] += delta[i * width + j];
      gb[l] = gbl;
    } else {
      gb[l] = new Float64Array(width);
    }
    if (l === 0) break;
    // upstream = delta @ W[l]^T, then through f' (and BN) of layer l − 1
    const up = new Float64Array(n * a), Wl = net.W[l];
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < a; k++) {
        let s = 0;
        for (let j = 0; j < width; j++) s += delta[i * width + j] * Wl[k * width + j];
        up[i * a + k] = s;
      }
    }
    const pre = fw.pres[l - 1];
    const dpre = new Float64Array(n * a);
    for (let k = 0; k < n * a; k++) dpre[k] = up[k] * fn.df(pre[k], p);
    if (bn) {
      const xhat = fw.xhats[l - 1], inv = fw.invStds[l - 1], gamma = net.gamma[l - 1];
      const gg = new Float64Array(a), gbeta = new Float64Array(a);
      const dxhat = new Float64Array(n * a);
      const meanD = new Float64Array(a), meanDX = new Float64Array(a);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < a; j++) {
          const k = i * a + j;
          gg[j] += dpre[k] * xhat[k];
          gbeta[j] += dpre[k];
          dxhat[k] = dpre[k] * gamma[j];
          meanD[j] += dxhat[k];
          meanDX[j] += dxhat[k] * xhat[k];
        }
      }
      for (let j = 0; j < a; j++) { meanD[j] /= n; meanDX[j] /= n; }
      gGamma[l - 1] = gg; gBeta[l - 1] = gbeta;
      const dz = new Float64Array(n * a);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < a; j++) {
          const k = i * a + j;
          dz[k] = inv[j] * (dxhat[k] - meanD[j] - xhat[k] * meanDX[j]);
        }
      }
      delta = dz;
    } else {
      delta = dpre;
    }
    width = a;
  }
  return { loss, gW, gb, gGamma, gBeta };
}

export const frobenius = (g) => { let s = 0; for (const v of g) s += v * v; return Math.sqrt(s); };

// The parameter groups an optimiser updates, each with its gradient.
function groups(net, grads) {
  const out = [];
  net.W.forEach((w, l) => out.push([w, grads.gW[l]]));
  net.b.forEach((b, l) => { if (!net.bn || l === net.b.length - 1) out.push([b, grads.gb[l]]); });
  if (net.bn) {
    net.gamma.forEach((g, l) => out.push([g, grads.gGamma[l]]));
    net.beta.forEach((b, l) => out.push([b, grads.gBeta[l]]));
  }
  return out;
}

export function makeOptimiser(kind, lr) {
  if (kind === 'sgd') {
    return { step(net, grads) { for (const [p, g] of groups(net, grads)) for (let i = 0; i < p.length; i++) p[i] -= lr * g[i]; } };
  }
  if (kind !== 'adam') throw new Error(`unknown optimiser ${kind}`);
  const { beta1, beta2, eps } = ADAM;
  let m = null, v = null, b1t = 1, b2t = 1;
  return {
    step(net, grads) {
      const gs = groups(net, grads);
      if (!m) { m = gs.map(([p]) => new Float64Array(p.length)); v = gs.map(([p]) => new Float64Array(p.length)); }
      b1t *= beta1; b2t *= beta2;
      gs.forEach(([p, g], q) => {
        const mq = m[q], vq = v[q];
        for (let i = 0; i < p.length; i++) {
          mq[i] = beta1 * mq[i] + (1 - beta1) * g[i];
          vq[i] = beta2 * vq[i] + (1 - beta2) * (g[i] * g[i]);
          const mHat = mq[i] / (1 - b1t), vHat = vq[i] / (1 - b2t);
          p[i] -= (lr * mHat) / (Math.sqrt(vHat) + eps);
        }
      });
    },
  };
}

// Endless shuffled mini-batches of the training set (a short last batch is skipped).
export function batcher(n, batch, seed) {
  const rng = mulberry32(seed);
  const size = Math.min(batch, n);
  let order = [], at = 0;
  return function next() {
    if (at + size > order.length) { order = shuffle(Array.from({ length: n }, (_, i) => i), rng); at = 0; }
    const idx = order.slice(at, at + size);
    at += size;
    return idx;
  };
}

function rows(X, y, idx) {
  const Xb = new Float64Array(idx.length * 2), yb = new Float64Array(idx.length);
  idx.forEach((r, i) => { Xb[2 * i] = X[2 * r]; Xb[2 * i + 1] = X[2 * r + 1]; yb[i] = y[r]; });
  return [Xb, yb];
}

// One training step on the next mini-batch: the batch loss and every layer's ‖∂L/∂W‖.
export function trainStep(net, optimiser, data, nextBatch) {
  const [Xb, yb] = rows(data.X, data.y, nextBatch());
  const grads = lossAndGrads(net, Xb, yb, yb.length);
  optimiser.step(net, grads);
  return { loss: grads.loss, gradNorms: grads.gW.map(frobenius) };
}

// Per hidden layer: units whose f' is 0 on every training point (dead), and units whose |f'| is
// below SATURATION_SLOPE on every training point without being dead (saturated); the
// pre-activations; the BN statistics of the training set.
export function inspect(net, train) {
  const fw = forward(net, train.X, train.n);
  const fn = ACTIVATIONS[net.activation], p = net.param;
  const layers = fw.pres.map((pre, l) => {
    const m = net.sizes[l + 1];
    let dead = 0, saturated = 0;
    for (let j = 0; j < m; j++) {
      let allZero = true, allFlat = true;
      for (let i = 0; i < train.n && (allZero || allFlat); i++) {
        const d = Math.abs(fn.df(pre[i * m + j], p));
        if (d !== 0) allZero = false;
        if (!(d < SATURATION_SLOPE)) allFlat = false;
      }
      if (allZero) dead += 1; else if (allFlat) saturated += 1;
    }
    return { units: m, dead, saturated, pre };
  });
  return { layers, stats: net.bn ? fw.stats : null, logits: fw.logits };
}

// Mean loss of a set, with BN using the training set's statistics.
export function evaluate(net, set, stats) {
  return meanLoss(forward(net, set.X, set.n, stats).logits, set.y, set.n);
}

export function predict(net, X, n, stats) {
  const logits = forward(net, X, n, stats).logits;
  return logits.map((s) => sigmoid(s));
}

export { logaddexp };
