"""The modern catalogue: the constants and conventions its declarations state, checked."""
from __future__ import annotations

import math

import numpy as np
import pytest

from actsite.maths import catalogue
from actsite.pages.bibliography import first_year
from actsite.maths.catalogue import EVERY, MODERN
from actsite.figures.registry import CATALOGUE_KEYS, FIGURES
from actsite.maths.functions import relu, sigmoid


def bisect(g, lo: float, hi: float) -> float:
    for _ in range(200):
        mid = (lo + hi) / 2
        lo, hi = (lo, mid) if g(lo) * g(mid) <= 0 else (mid, hi)
    return (lo + hi) / 2


def phi_cdf(x: float) -> float:
    return 0.5 * math.erfc(-x / math.sqrt(2))


def test_every_modern_function_has_a_card_figure_names_and_a_source():
    assert CATALOGUE_KEYS == tuple(MODERN)
    for key, act in MODERN.items():
        assert FIGURES[key].args == (key,)
        assert act.names["zh"] and act.names["en"] and act.first_appeared and 1990 < first_year(act.first_appeared) < 2030
        assert act.family in {"rectifier", "smooth", "hard"}


@pytest.mark.parametrize("key", sorted(k for k in EVERY if EVERY[k].minimum))
def test_declared_minimum_is_where_the_derivative_vanishes(key):
    act = EVERY[key]
    x_min, f_min = act.minimum
    if act.kinks:                      # a kink: the derivative changes sign across it
        assert act.df(np.array(x_min - 1e-9)) < 0 < act.df(np.array(x_min + 1e-9))
    else:
        root = bisect(lambda v: float(act.df(np.array(v))), x_min - 0.5, x_min + 0.5)
        assert root == pytest.approx(x_min, abs=1e-9)
    assert float(act.f(np.array(x_min))) == pytest.approx(f_min, abs=1e-15)
    assert act.output_range[0] == f_min


def test_silu_minimum_value_is_one_more_than_its_location():
    """f' = 0 means 1 + x(1 - sigma(x)) = 0, so sigma(x*) = 1 + 1/x* and f(x*) = x* + 1."""
    x_min, f_min = MODERN["silu"].minimum
    assert f_min == pytest.approx(x_min + 1, abs=1e-12)
    assert (round(x_min, 4), round(f_min, 4)) == (-1.2785, -0.2785)


def test_gelu_and_mish_minima_to_four_places():
    assert tuple(round(v, 4) for v in MODERN["gelu"].minimum) == (-0.7518, -0.17)
    assert tuple(round(v, 4) for v in MODERN["mish"].minimum) == (-1.1924, -0.3088)


def test_selu_constants_are_the_self_normalising_fixed_point():
    """Mean 0 and variance 1 in, mean 0 and variance 1 out (Klambauer et al. 2017, closed forms)."""
    e = math.e
    alpha = (1 / math.sqrt(2 * math.pi)) / (0.5 - math.sqrt(e) * phi_cdf(-1))
    second = 0.5 + alpha ** 2 * (e ** 2 * phi_cdf(-2) - 2 * math.sqrt(e) * phi_cdf(-1) + 0.5)
    lam = 1 / math.sqrt(second)
    assert alpha == pytest.approx(catalogue.SELU_ALPHA, rel=1e-12)
    assert lam == pytest.approx(catalogue.SELU_LAMBDA, rel=1e-12)
    assert (round(lam, 4), round(alpha, 4)) == (1.0507, 1.6733)


def test_selu_maps_a_standard_normal_to_mean_0_variance_1():
    z = np.linspace(-12, 12, 2_400_001)
    weight = np.exp(-z ** 2 / 2) / math.sqrt(2 * math.pi) * (z[1] - z[0])
    y = MODERN["selu"].f(z)
    assert abs(np.sum(y * weight)) < 1e-6 and np.sum(y ** 2 * weight) == pytest.approx(1.0, abs=1e-6)


def test_elu_is_selu_without_the_scale_and_has_range_minus_alpha():
    x = np.linspace(-10, 10, 2001)
    np.testing.assert_allclose(MODERN["selu"].f(x), catalogue.SELU_LAMBDA * catalogue.elu(x, catalogue.SELU_ALPHA))
    assert MODERN["elu"].output_range[0] == -1.0
    assert MODERN["selu"].output_range[0] == pytest.approx(-1.7581, abs=1e-4)


def test_gelu_tanh_approximation_error_is_below_5e_4():
    x = np.linspace(-10, 10, 200_001)
    error = np.max(np.abs(MODERN["gelu"].f(x) - MODERN["gelu_tanh"].f(x)))
    assert 1e-4 < error < 5e-4
    assert 3 * catalogue.GELU_TANH_K == pytest.approx(0.134145, abs=1e-12)


def test_gelu_is_x_times_the_normal_cdf():
    for v in (-2.0, -0.5, 0.0, 0.7, 3.0):
        assert float(MODERN["gelu"].f(np.array(v))) == pytest.approx(v * phi_cdf(v), abs=1e-15)


def test_silu_tends_to_relu_as_beta_grows_and_to_x_over_2_at_0():
    x = np.linspace(-5, 5, 1001)
    assert np.max(np.abs(catalogue.silu(x, beta=50.0) - relu(x))) < 0.01
    np.testing.assert_allclose(catalogue.silu(x, beta=0.0), x / 2)


def test_softplus_derivative_is_the_sigmoid_and_mish_uses_softplus():
    x = np.linspace(-20, 20, 4001)
    np.testing.assert_array_equal(MODERN["softplus"].df(x), sigmoid(x))
    np.testing.assert_allclose(MODERN["mish"].f(x), x * np.tanh(np.log1p(np.exp(x))), rtol=1e-12, atol=1e-300)


def test_rrelu_convention_mean_slope_11_48_and_averaging_commutes():
    assert catalogue.RRELU_BOUNDS == (1 / 8, 1 / 3)
    assert catalogue.RRELU_EVAL_SLOPE == pytest.approx(11 / 48, abs=1e-15)
    x = np.full(1_000_000, -2.0)
    trained = catalogue.rrelu_train(x, np.random.default_rng(0))
    assert np.all((trained >= -2 / 3) & (trained <= -2 / 8))
    assert trained.mean() == pytest.approx(float(MODERN["rrelu"].f(np.array(-2.0))), rel=1e-3)


def test_maxout_of_two_pieces_gives_abs_relu_and_leaky_relu():
    x = np.linspace(-5, 5, 1001)
    np.testing.assert_array_equal(catalogue.maxout(x, a=-1.0), np.abs(x))
    np.testing.assert_array_equal(catalogue.maxout(x, a=0.0), relu(x))
    np.testing.assert_array_equal(catalogue.maxout(x, a=0.01), EVERY["leaky_relu"].f(x))


def test_prelu_starts_at_a_quarter_and_its_slope_gradient_is_min_0_x():
    assert MODERN["prelu"].defaults() == {"a": 0.25}
    x = np.linspace(-5, 5, 1001)
    h = 1e-6
    np.testing.assert_allclose((catalogue.prelu(x, 0.25 + h) - catalogue.prelu(x, 0.25 - h)) / (2 * h),
                               np.minimum(0, x), atol=1e-8)


def test_hard_sigmoid_and_hard_tanh_are_piecewise_linear_stand_ins():
    x = np.linspace(-6, 6, 1201)
    np.testing.assert_allclose(MODERN["hard_sigmoid"].f(x), np.clip((x + 3) / 6, 0, 1))   # ReLU6(x + 3) / 6
    assert MODERN["hard_sigmoid"].df(np.array(0.0)) == 1 / 6
    np.testing.assert_array_equal(MODERN["hard_tanh"].f(x), np.clip(x, -1, 1))


def test_softsign_approaches_its_bounds_polynomially_not_exponentially():
    """1 - softsign(x) = 1/(1 + x): at x = 10 still 0.09 away, where tanh is 4e-9 away."""
    gap_softsign = 1 - float(MODERN["softsign"].f(np.array(10.0)))
    gap_tanh = 1 - math.tanh(10.0)
    assert gap_softsign == pytest.approx(1 / 11) and gap_tanh < 1e-8
