// Every scalar activation of the site's catalogue, with its derivative, for the playground.
//
// Each formula follows the numpy code of scripts/actsite/maths (functions.py, catalogue.py)
// operation by operation, in the same order, so that the two agree to rounding;
// tests/test_playground_maths.py compares them on a grid with the tails and the kinks.
// An ES module: the page imports it, and Node runs it in the tests.

const LN2 = Math.LN2;
const SQRT_PI = Math.sqrt(Math.PI);
const SQRT_2PI = Math.sqrt(2 * Math.PI);

// numpy's logaddexp(a, b), branch for branch (equal arguments, then the larger one first).
export function logaddexp(a, b) {
  if (a === b) return a + LN2;
  const d = a - b;
  if (d > 0) return a + Math.log1p(Math.exp(-d));
  if (d <= 0) return b + Math.log1p(Math.exp(d));
  return d;                                     // NaN
}

export const sigmoid = (x) => Math.exp(-logaddexp(0, -x));
export const sigmoidPrime = (x) => sigmoid(x) * sigmoid(-x);

// sech²(x) as 4e^{−2|x|} / (1 + e^{−2|x|})²: no cancellation, no overflow.
export function sechSquared(x) {
  const e = Math.exp(-2 * Math.abs(x));
  const d = 1 + e;
  return (4 * e) / (d * d);
}

const keepNaN = (x, v) => (Number.isNaN(x) ? NaN : v);
// x·g for a factor g that vanishes as x → ±∞: the limit 0 there, where ∞·0 is NaN.
const timesVanishing = (x, g) => ((x === Infinity || x === -Infinity) && g === 0 ? 0 : x * g);
const clip = (x, lo, hi) => (Number.isNaN(x) ? NaN : Math.min(Math.max(x, lo), hi));

// erfc to about 1e-15 relative: a series with positive terms for t < 2, the continued
// fraction of Laplace beyond.  (JavaScript has no erf.)
export function erfc(t) {
  if (Number.isNaN(t)) return NaN;
  if (t < 0) return 2 - erfc(-t);
  if (t === Infinity) return 0;
  if (t < 2) {
    // erf(t) = 2/√π e^{−t²} Σ 2ⁿ t^{2n+1} / (1·3·…·(2n+1))
    let term = t, sum = t;
    const q = 2 * t * t;
    for (let n = 1; n < 200 && term > 1e-18 * sum; n++) {
      term *= q / (2 * n + 1);
      sum += term;
    }
    return 1 - (2 / SQRT_PI) * Math.exp(-t * t) * sum;
  }
  // erfc(t) = e^{−t²}/√π · 1/(t + (1/2)/(t + 1/(t + (3/2)/(t + …)))), evaluated from the tail.
  const terms = t < 3 ? 160 : t < 6 ? 60 : 30;
  let f = t;
  for (let k = terms; k >= 1; k--) f = t + (k / 2) / f;
  return Math.exp(-t * t) / (SQRT_PI * f);
}

export const normalCdf = (x) => 0.5 * erfc(-x / Math.SQRT2);
export const normalPdf = (x) => Math.exp(-0.5 * (x * x)) / SQRT_2PI;

const LEAKY_SLOPE = 0.01;
const PRELU_INIT = 0.25;
const RRELU_EVAL_SLOPE = (1 / 8 + 1 / 3) / 2;
const SELU_ALPHA = 1.6732632423543772848170429916717;
const SELU_LAMBDA = 1.0507009873554804934193349852946;
const GELU_TANH_C = Math.sqrt(2 / Math.PI);
const GELU_TANH_K = 0.044715;
const RELU6_CAP = 6;

const leaky = (x, a) => (x > 0 ? x : a * x);
const leakyPrime = (x, a) => keepNaN(x, x > 0 ? 1 : a);
const elu = (x, alpha) => (x > 0 ? x : alpha * Math.expm1(Math.min(x, 0)));
const eluPrime = (x, alpha) => (x > 0 ? 1 : alpha * Math.exp(Math.min(x, 0)));
const softplus = (x) => logaddexp(0, x);
const geluTanhInner = (x) => GELU_TANH_C * (x + GELU_TANH_K * x ** 3);

// key → { f(x, p), df(x, p), params: {name: default} }, p holding the shape parameters.
export const ACTIVATIONS = {
  sigmoid: { f: sigmoid, df: sigmoidPrime },
  tanh: { f: Math.tanh, df: sechSquared },
  relu: { f: (x) => (Number.isNaN(x) ? NaN : Math.max(0, x)), df: (x) => keepNaN(x, x > 0 ? 1 : 0) },
  leaky_relu: {
    params: { slope: LEAKY_SLOPE },
    f: (x, p) => leaky(x, p.slope), df: (x, p) => leakyPrime(x, p.slope),
  },
  prelu: { params: { a: PRELU_INIT }, f: (x, p) => leaky(x, p.a), df: (x, p) => leakyPrime(x, p.a) },
  rrelu: { f: (x) => leaky(x, RRELU_EVAL_SLOPE), df: (x) => leakyPrime(x, RRELU_EVAL_SLOPE) },
  elu: { params: { alpha: 1 }, f: (x, p) => elu(x, p.alpha), df: (x, p) => eluPrime(x, p.alpha) },
  selu: { f: (x) => SELU_LAMBDA * elu(x, SELU_ALPHA), df: (x) => SELU_LAMBDA * eluPrime(x, SELU_ALPHA) },
  maxout: {
    params: { a: -1 },
    f: (x, p) => (Number.isNaN(x) ? NaN : Math.max(x, p.a * x)),
    df: (x, p) => (p.a > 1 ? keepNaN(x, x >= p.a * x ? 1 : p.a) : leakyPrime(x, p.a)),
  },
  softplus: { f: softplus, df: sigmoid },
  gelu: {
    f: (x) => timesVanishing(x, normalCdf(x)),
    df: (x) => normalCdf(x) + timesVanishing(x, normalPdf(x)),
  },
  gelu_tanh: {
    f: (x) => timesVanishing(x, sigmoid(2 * geluTanhInner(x))),
    df: (x) => {
      const u = geluTanhInner(x);
      const growth = x * (1 + 3 * GELU_TANH_K * (x * x));
      return sigmoid(2 * u) + 0.5 * GELU_TANH_C * timesVanishing(growth, sechSquared(u));
    },
  },
  silu: {
    params: { beta: 1 },
    f: (x, p) => timesVanishing(x, sigmoid(p.beta * x)),
    df: (x, p) => sigmoid(p.beta * x) + timesVanishing(x, p.beta * sigmoidPrime(p.beta * x)),
  },
  mish: {
    f: (x) => timesVanishing(x, Math.tanh(softplus(x))),
    df: (x) => {
      const s = softplus(x);
      return Math.tanh(s) + timesVanishing(x, sechSquared(s) * sigmoid(x));
    },
  },
  hard_sigmoid: {
    f: (x) => clip(x / 6 + 0.5, 0, 1),
    df: (x) => keepNaN(x, Math.abs(x) < 3 ? 1 / 6 : 0),
  },
  hard_tanh: { f: (x) => clip(x, -1, 1), df: (x) => keepNaN(x, Math.abs(x) < 1 ? 1 : 0) },
  softsign: {
    f: (x) => (x === Infinity ? 1 : x === -Infinity ? -1 : x / (1 + Math.abs(x))),
    df: (x) => { const d = 1 + Math.abs(x); return 1 / (d * d); },
  },
  relu6: {
    f: (x) => clip(x, 0, RELU6_CAP),
    df: (x) => (Number.isNaN(x) ? x : x > 0 && x < RELU6_CAP ? 1 : 0),
  },
  hard_swish: {
    f: (x) => (x <= -3 ? 0 : x >= 3 ? x : (x * (x + 3)) / 6),
    df: (x) => (Number.isNaN(x) ? x : x <= -3 ? 0 : x >= 3 ? 1 : (2 * x + 3) / 6),
  },
};

// The shape parameters of a function, defaults overridden by `given`.
export function parameters(key, given = {}) {
  return { ...(ACTIVATIONS[key].params || {}), ...given };
}
