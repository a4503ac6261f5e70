"""The modern catalogue: rectifier variants, smooth gates and cheap hard approximations.

Declared like the classic four in :mod:`actsite.maths.functions`, and joined with them in
:data:`EVERY`, which the reference table, the explorer and the tests read.  Each function
is vectorised numpy, stable far out (no overflow warning at |x| = 1000), and takes its
shape parameters as keywords with the defaults declared in ``params``.
"""
from __future__ import annotations

import math

import numpy as np
from scipy.special import erfc as _erfc   # a numpy ufunc: one vectorised pass, like np.exp

from actsite.maths.functions import (ACTIVATIONS, Activation, Array, Param, keep_nan, leaky_relu,
                               leaky_relu_prime, sech_squared, sigmoid, sigmoid_prime, times_vanishing)

PRELU_INIT = 0.25                      # He et al. (2015) initialise the learned slope at 0.25
RRELU_BOUNDS = (1 / 8, 1 / 3)          # training slopes ~ U(1/8, 1/3), PyTorch's defaults
RRELU_EVAL_SLOPE = sum(RRELU_BOUNDS) / 2   # 11/48: the mean slope, used at test time
SELU_ALPHA = 1.6732632423543772848170429916717   # Klambauer et al. (2017), eq. 14
SELU_LAMBDA = 1.0507009873554804934193349852946
GELU_TANH_C = math.sqrt(2 / math.pi)
GELU_TANH_K = 0.044715

def _x(x: Array) -> Array:
    return np.asarray(x, dtype=float)


def prelu(x: Array, a: float = PRELU_INIT) -> Array:
    return leaky_relu(x, a)


def prelu_prime(x: Array, a: float = PRELU_INIT) -> Array:
    return leaky_relu_prime(x, a)


def rrelu_eval(x: Array) -> Array:
    return leaky_relu(x, RRELU_EVAL_SLOPE)


def rrelu_eval_prime(x: Array) -> Array:
    return leaky_relu_prime(x, RRELU_EVAL_SLOPE)


def rrelu_train(x: Array, rng: np.random.Generator) -> Array:
    """Training mode: every element draws its own slope from U(RRELU_BOUNDS)."""
    x = _x(x)
    return np.where(x > 0, x, rng.uniform(*RRELU_BOUNDS, size=x.shape) * x)


def elu(x: Array, alpha: float = 1.0) -> Array:
    x = _x(x)
    return np.where(x > 0, x, alpha * np.expm1(np.minimum(x, 0.0)))


def elu_prime(x: Array, alpha: float = 1.0) -> Array:
    x = _x(x)
    return np.where(x > 0, 1.0, alpha * np.exp(np.minimum(x, 0.0)))


def selu(x: Array) -> Array:
    return SELU_LAMBDA * elu(x, SELU_ALPHA)


def selu_prime(x: Array) -> Array:
    return SELU_LAMBDA * elu_prime(x, SELU_ALPHA)


def normal_cdf(x: Array) -> Array:
    return 0.5 * _erfc(-_x(x) / math.sqrt(2))


def normal_pdf(x: Array) -> Array:
    return np.exp(-0.5 * _x(x) ** 2) / math.sqrt(2 * math.pi)


def gelu(x: Array) -> Array:
    return times_vanishing(x, normal_cdf(x))


def gelu_prime(x: Array) -> Array:
    return normal_cdf(x) + times_vanishing(x, normal_pdf(x))


def _gelu_tanh_inner(x: Array) -> Array:
    return GELU_TANH_C * (x + GELU_TANH_K * x ** 3)


def gelu_tanh(x: Array) -> Array:
    """x/2 · (1 + tanh u), computed as x σ(2u): the same function, without 1 + tanh u cancelling."""
    x = _x(x)
    return times_vanishing(x, sigmoid(2.0 * _gelu_tanh_inner(x)))


def gelu_tanh_prime(x: Array) -> Array:
    x = _x(x)
    u = _gelu_tanh_inner(x)
    growth = x * (1.0 + 3 * GELU_TANH_K * x ** 2)
    return sigmoid(2.0 * u) + 0.5 * GELU_TANH_C * times_vanishing(growth, sech_squared(u))


def silu(x: Array, beta: float = 1.0) -> Array:
    x = _x(x)
    return times_vanishing(x, sigmoid(beta * x))


def silu_prime(x: Array, beta: float = 1.0) -> Array:
    x = _x(x)
    return sigmoid(beta * x) + times_vanishing(x, beta * sigmoid_prime(beta * x))


def softplus(x: Array) -> Array:
    return np.logaddexp(0.0, _x(x))


def softplus_prime(x: Array) -> Array:
    return sigmoid(x)


def mish(x: Array) -> Array:
    x = _x(x)
    return times_vanishing(x, np.tanh(softplus(x)))


def mish_prime(x: Array) -> Array:
    x = _x(x)
    s = softplus(x)
    return np.tanh(s) + times_vanishing(x, sech_squared(s) * sigmoid(x))


def maxout(x: Array, a: float = -1.0) -> Array:
    """A maxout unit with two pieces of one input, max(x, a x): |x| at a = -1, ReLU at a = 0."""
    x = _x(x)
    return np.maximum(x, a * x)


def maxout_prime(x: Array, a: float = -1.0) -> Array:
    x = _x(x)
    return keep_nan(x, np.where(x >= a * x, 1.0, a)) if a > 1 else leaky_relu_prime(x, a)


def hard_sigmoid(x: Array) -> Array:
    return np.clip(_x(x) / 6.0 + 0.5, 0.0, 1.0)


def hard_sigmoid_prime(x: Array) -> Array:
    x = _x(x)
    return keep_nan(x, np.where(np.abs(x) < 3.0, 1.0 / 6.0, 0.0))


def hard_tanh(x: Array) -> Array:
    return np.clip(_x(x), -1.0, 1.0)


def hard_tanh_prime(x: Array) -> Array:
    x = _x(x)
    return keep_nan(x, np.where(np.abs(x) < 1.0, 1.0, 0.0))


def softsign(x: Array) -> Array:
    x = _x(x)
    with np.errstate(invalid="ignore"):              # inf / inf, replaced by the limit ±1
        return np.where(np.isinf(x), np.sign(x), x / (1.0 + np.abs(x)))


def softsign_prime(x: Array) -> Array:
    return 1.0 / (1.0 + np.abs(_x(x))) ** 2


RELU6_CAP = 6.0                        # the cap of ReLU6 (Krizhevsky 2010; MobileNetV2)


def relu6(x: Array) -> Array:
    """min(max(0, x), 6): NaN stays NaN, and the limits at -inf and +inf are 0 and 6."""
    return np.clip(_x(x), 0.0, RELU6_CAP)


def relu6_prime(x: Array) -> Array:
    x = _x(x)
    return np.where(np.isnan(x), x, np.where((x > 0) & (x < RELU6_CAP), 1.0, 0.0))


def hard_swish(x: Array) -> Array:
    """x ReLU6(x + 3) / 6 (MobileNetV3's h-swish); exactly 0 below -3, so -inf gives 0, not NaN."""
    x = _x(x)
    return np.where(x <= -3.0, 0.0, np.where(x >= 3.0, x, x * (x + 3.0) / 6.0))


def hard_swish_prime(x: Array) -> Array:
    x = _x(x)
    inside = np.where(x >= 3.0, 1.0, (2.0 * x + 3.0) / 6.0)
    return np.where(np.isnan(x), x, np.where(x <= -3.0, 0.0, inside))


INF = np.inf
MODERN: dict[str, Activation] = {a.key: a for a in (
    Activation(
        key="prelu", symbol=r"\mathrm{PReLU}", names={"zh": "PReLU（参数化 ReLU）", "en": "PReLU (parametric ReLU)"},
        latex=r"f(x) = \begin{cases} x & x > 0 \\ a x & x \le 0 \end{cases}",
        latex_prime=r"\frac{\partial f}{\partial x} = \begin{cases} 1 & x > 0 \\ a & x < 0 \end{cases},\quad \frac{\partial f}{\partial a} = \min(0, x)",
        f=prelu, df=prelu_prime, output_range=(-INF, INF), monotonic=True, zero_centred=False,
        saturating=False, cost="compare", kinks=(0.0,), params=(Param("a", "a", PRELU_INIT, -1.0, 1.0),),
        family="rectifier",
        first_appeared=("he2015",), popularised_by=(),
    ),
    Activation(
        key="rrelu", symbol=r"\mathrm{RReLU}", names={"zh": "RReLU（随机斜率 ReLU）", "en": "RReLU (randomised Leaky ReLU)"},
        latex=r"f(x) = \begin{cases} x & x > 0 \\ \bar a x & x \le 0 \end{cases},\quad \bar a = \tfrac{1}{2}\bigl(\tfrac{1}{8} + \tfrac{1}{3}\bigr) = \tfrac{11}{48}",
        latex_prime=r"f'(x) = \begin{cases} 1 & x > 0 \\ \bar a & x < 0 \end{cases}",
        f=rrelu_eval, df=rrelu_eval_prime, output_range=(-INF, INF), monotonic=True, zero_centred=False,
        saturating=False, cost="compare", kinks=(0.0,), family="rectifier",
        first_appeared=("xu2015",), popularised_by=(),
    ),
    Activation(
        key="elu", symbol=r"\mathrm{ELU}", names={"zh": "ELU（指数线性单元）", "en": "ELU (exponential linear unit)"},
        latex=r"f(x) = \begin{cases} x & x > 0 \\ \alpha\,(e^{x} - 1) & x \le 0 \end{cases},\quad \alpha = 1",
        latex_prime=r"f'(x) = \begin{cases} 1 & x > 0 \\ \alpha e^{x} & x < 0 \end{cases}",
        f=elu, df=elu_prime, output_range=(-1.0, INF), monotonic=True, zero_centred=False,
        saturating=False, cost="exp", smoothness="C1", joins=(0.0,),
        params=(Param("alpha", r"\alpha", 1.0, 0.0, 2.0),), family="rectifier",
        first_appeared=("clevert2016",), popularised_by=(),
    ),
    Activation(
        key="selu", symbol=r"\mathrm{SELU}", names={"zh": "SELU（缩放指数线性单元）", "en": "SELU (scaled ELU)"},
        latex=r"f(x) = \lambda \begin{cases} x & x > 0 \\ \alpha\,(e^{x} - 1) & x \le 0 \end{cases},\quad \lambda \approx 1.0507,\ \alpha \approx 1.6733",
        latex_prime=r"f'(x) = \lambda \begin{cases} 1 & x > 0 \\ \alpha e^{x} & x < 0 \end{cases}",
        f=selu, df=selu_prime, output_range=(-SELU_LAMBDA * SELU_ALPHA, INF), monotonic=True, zero_centred=True,
        saturating=False, cost="exp", kinks=(0.0,), family="rectifier",
        first_appeared=("klambauer2017",), popularised_by=(),
    ),
    Activation(
        key="maxout", symbol=r"\mathrm{maxout}", names={"zh": "Maxout（两段）", "en": "Maxout (two pieces)"},
        latex=r"f(x) = \max(x,\ a x),\quad a = -1",
        latex_prime=r"f'(x) = \begin{cases} 1 & x > 0 \\ a & x < 0 \end{cases}",
        f=maxout, df=maxout_prime, output_range=(0.0, INF), monotonic=False, zero_centred=False,
        saturating=False, cost="compare", kinks=(0.0,), minimum=(0.0, 0.0),
        params=(Param("a", "a", -1.0, -1.0, 1.0),), family="rectifier",
        first_appeared=("goodfellow2013",), popularised_by=(),
    ),
    Activation(
        key="softplus", symbol=r"\mathrm{softplus}", names={"zh": "softplus", "en": "Softplus"},
        latex=r"f(x) = \log\bigl(1 + e^{x}\bigr)",
        latex_prime=r"f'(x) = \sigma(x)",
        f=softplus, df=softplus_prime, output_range=(0.0, INF), monotonic=True, zero_centred=False,
        saturating=False, cost="exp", smoothness="Cinf", family="smooth",
        first_appeared=("dugas2001",), popularised_by=(),
    ),
    Activation(
        key="gelu", symbol=r"\mathrm{GELU}", names={"zh": "GELU（高斯误差线性单元）", "en": "GELU (Gaussian error linear unit)"},
        latex=r"f(x) = x\,\Phi(x) = \frac{x}{2}\Bigl(1 + \operatorname{erf}\frac{x}{\sqrt{2}}\Bigr)",
        latex_prime=r"f'(x) = \Phi(x) + x\,\varphi(x)",
        f=gelu, df=gelu_prime, output_range=(-0.16997120747990369, INF), monotonic=False, zero_centred=False,
        saturating=False, cost="erf", smoothness="Cinf", minimum=(-0.7517915246935645, -0.16997120747990369),
        family="smooth",
        first_appeared=("hendrycks2016",), popularised_by=("radford2018", "devlin2019"),   # GPT (§4.1), then BERT
        popularised_scope={"en": ", whose models use GELU (GPT's released code computes it with the tanh approximation)",
                           "zh": "，这两篇论文的模型都用 GELU（前者公开的代码用的是 tanh 近似）"},
    ),
    Activation(
        key="gelu_tanh", symbol=r"\mathrm{GELU}_{\tanh}", names={"zh": "GELU 的 tanh 近似", "en": "Tanh approximation of GELU"},
        latex=r"f(x) = \frac{x}{2}\Bigl(1 + \tanh\Bigl(\sqrt{2/\pi}\,\bigl(x + 0.044715\,x^{3}\bigr)\Bigr)\Bigr)",
        latex_prime=r"f'(x) = \frac{1 + t}{2} + \frac{x}{2}\,(1 - t^{2})\,\sqrt{2/\pi}\,\bigl(1 + 0.134145\,x^{2}\bigr),\quad t = \tanh\Bigl(\sqrt{2/\pi}\,\bigl(x + 0.044715\,x^{3}\bigr)\Bigr)",
        f=gelu_tanh, df=gelu_tanh_prime, output_range=(-0.17004075057125412, INF), monotonic=False,
        zero_centred=False, saturating=False, cost="exp", smoothness="Cinf",
        minimum=(-0.7524614220710162, -0.17004075057125412), family="smooth",
        first_appeared=("hendrycks2016",), popularised_by=("openai2018", "openai2019"),
        popularised_scope={"en": ", the released code of GPT and GPT-2, which computes GELU in this form",
                           "zh": "，二者都是公开的模型代码，其中的 GELU 都按这个形式计算"},
    ),
    Activation(
        key="silu", symbol=r"\mathrm{SiLU}", names={"zh": "SiLU / Swish", "en": "SiLU / Swish"},
        latex=r"f(x) = x\,\sigma(\beta x),\quad \beta = 1",
        latex_prime=r"f'(x) = \sigma(\beta x) + \beta x\,\sigma(\beta x)\bigl(1 - \sigma(\beta x)\bigr)",
        f=silu, df=silu_prime, output_range=(-0.27846454276107385, INF), monotonic=False, zero_centred=False,
        saturating=False, cost="exp", smoothness="Cinf", minimum=(-1.278464542761074, -0.27846454276107385),
        params=(Param("beta", r"\beta", 1.0, 0.0, 5.0),), family="smooth",
        first_appeared=("hendrycks2016",), popularised_by=("ramachandran2017",),
    ),
    Activation(
        key="mish", symbol=r"\mathrm{Mish}", names={"zh": "Mish", "en": "Mish"},
        latex=r"f(x) = x \tanh\bigl(\log(1 + e^{x})\bigr)",
        latex_prime=r"f'(x) = \tanh\bigl(s(x)\bigr) + x\,\bigl(1 - \tanh^{2} s(x)\bigr)\,\sigma(x),\quad s(x) = \log(1 + e^{x})",
        f=mish, df=mish_prime, output_range=(-0.3088434130172504, INF), monotonic=False, zero_centred=False,
        saturating=False, cost="exp", smoothness="Cinf", minimum=(-1.1924312145154952, -0.3088434130172504),
        family="smooth",
        first_appeared=("misra2020",), popularised_by=("bochkovskiy2020",),
    ),
    Activation(
        key="hard_sigmoid", symbol=r"\mathrm{hardsigmoid}", names={"zh": "hard sigmoid", "en": "Hard sigmoid"},
        latex=r"f(x) = \min\Bigl(1, \max\Bigl(0, \frac{x}{6} + \frac{1}{2}\Bigr)\Bigr)",
        latex_prime=r"f'(x) = \begin{cases} 1/6 & |x| < 3 \\ 0 & |x| > 3 \end{cases}",
        f=hard_sigmoid, df=hard_sigmoid_prime, output_range=(0.0, 1.0), monotonic=True, zero_centred=False,
        saturating=True, cost="compare", kinks=(-3.0, 3.0), family="hard",
        first_appeared=("theano2013",), popularised_by=("howard2019",),
        first_scope={"en": ", a code commit that defines it with slope 0.2, not 1/6",
                     "zh": "，这是一次代码提交，其中定义的斜率是 0.2，而不是 1/6"},
        popularised_scope={"en": ", in the 1/6-slope form used here", "zh": "，该文用的正是本站所取的斜率为 1/6 的形式"},
    ),
    Activation(
        key="hard_tanh", symbol=r"\mathrm{hardtanh}", names={"zh": "hard tanh", "en": "Hard tanh"},
        latex=r"f(x) = \min\bigl(1, \max(-1, x)\bigr)",
        latex_prime=r"f'(x) = \begin{cases} 1 & |x| < 1 \\ 0 & |x| > 1 \end{cases}",
        f=hard_tanh, df=hard_tanh_prime, output_range=(-1.0, 1.0), monotonic=True, zero_centred=True,
        saturating=True, cost="compare", kinks=(-1.0, 1.0), family="hard",
        first_appeared=("collobert2004",), popularised_by=(),
    ),
    Activation(
        key="softsign", symbol=r"\mathrm{softsign}", names={"zh": "softsign", "en": "Softsign"},
        latex=r"f(x) = \frac{x}{1 + \lvert x\rvert}",
        latex_prime=r"f'(x) = \frac{1}{(1 + \lvert x\rvert)^{2}}",
        f=softsign, df=softsign_prime, output_range=(-1.0, 1.0), monotonic=True, zero_centred=True,
        saturating=True, cost="division", smoothness="C1", joins=(0.0,), family="hard",
        # no populariser: Glorot and Bengio (2010) studied it but did not make it widely used (its card tells that)
        first_appeared=("elliott1993",), popularised_by=(),
    ),
    Activation(
        key="relu6", symbol=r"\mathrm{ReLU6}", names={"zh": "ReLU6（上限为 6 的 ReLU）", "en": "ReLU6 (ReLU capped at 6)"},
        latex=r"f(x) = \min\bigl(\max(0, x),\ 6\bigr)",
        latex_prime=r"f'(x) = \begin{cases} 1 & 0 < x < 6 \\ 0 & x \notin [0, 6] \end{cases}",
        f=relu6, df=relu6_prime, output_range=(0.0, RELU6_CAP), monotonic=True, zero_centred=False,
        saturating=True, cost="compare", kinks=(0.0, RELU6_CAP), family="hard",
        first_appeared=("krizhevsky2010",), popularised_by=("sandler2018",),
        popularised_scope={"en": ", which chose it for its robustness in low-precision computation",
                           "zh": "，该文给出了选用它的理由：在低精度计算中更稳健"},
    ),
    Activation(
        key="hard_swish", symbol=r"\mathrm{hardswish}", names={"zh": "hard swish（h-swish）", "en": "Hard swish (h-swish)"},
        latex=r"f(x) = x\,\frac{\mathrm{ReLU6}(x + 3)}{6} = \begin{cases} 0 & x \le -3 \\ x(x + 3)/6 & -3 < x < 3 \\ x & x \ge 3 \end{cases}",
        latex_prime=r"f'(x) = \begin{cases} 0 & x < -3 \\ (2x + 3)/6 & -3 < x < 3 \\ 1 & x > 3 \end{cases}",
        f=hard_swish, df=hard_swish_prime, output_range=(-0.375, INF), monotonic=False, zero_centred=False,
        saturating=False, cost="compare", kinks=(-3.0, 3.0), minimum=(-1.5, -0.375), family="hard",
        first_appeared=("howard2019",),
    ),
)}

EVERY: dict[str, Activation] = {**ACTIVATIONS, **MODERN}
