# %% [markdown]
# ---
# description: "A notebook that approximates x² with ReLU units and checks that the largest error on [−2, 2] is 4/n², and that outside that interval more units hardly help."
# ---
# # Notebook: x² from ReLU units { #notebook-relu-square }
#
# The article [Why networks need non-linear activations](../blog/posts/why-nonlinear-activations.md#quadratic)
# builds a network $p_n$ of $n$ ReLU units that approximates $x^2$ on $[-2, 2]$ by chords between the knots
# $x_k = -2 + k\delta$, $\delta = 4/n$, and derives its weights. This notebook checks two things: that the largest
# error of $p_n$ on $[-2, 2]$ is $4/n^2$, and that outside $[-2, 2]$ more units hardly help. With $g(x) = \max(0, x)$,
#
# $$
# p_n(x) = 4 + (\delta - 4)\,g(x + 2) + 2\delta \sum_{k=1}^{n-1} g(x - x_k)
# $$
#
# Each unit becomes active at one knot and changes the slope there by its outgoing weight. In the code,
# `weights(n)` returns the output bias, the knots at which the units become active and their outgoing
# weights, and `p(n, x)` adds up the units. The first cell prints the weights for $n = 4$.

# %%
import numpy as np

SUBSCRIPT = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def sub(n):
    """n in subscript digits, as in p₁₆."""
    return str(n).translate(SUBSCRIPT)


def signed(x, spec="g"):
    """x formatted by spec, with a true minus sign: −2, not -2."""
    return format(x, spec).replace("-", "−")


def g(x):
    return np.maximum(0, x)


def weights(n):
    delta = 4 / n
    active_from = -2 + delta * np.arange(n)
    outgoing = np.full(n, 2 * delta)
    outgoing[0] = delta - 4
    return 4.0, active_from, outgoing


def p(n, x):
    bias, active_from, outgoing = weights(n)
    return bias + sum(w * g(x - s) for s, w in zip(active_from, outgoing))


bias, active_from, outgoing = weights(4)
print(f"p{sub(4)}: output bias {bias:g}")
print("knot   outgoing weight")
for s, w in zip(active_from, outgoing):
    print(f"{signed(s):>4}   {signed(w):>15}")

# %% [markdown]
# With $\delta = 1$, the unit at −2 sets the first slope to −3 and each of the others adds 2, so the
# four pieces have slopes −3, −1, 1 and 3: the chords of $x^2$ between −2, −1, 0, 1 and 2.
#
# Each chord lies above the parabola by at most $\delta^2/4 = 4/n^2$, at the midpoint of its piece
# ([the article](../blog/posts/why-nonlinear-activations.md#quadratic) derives this by writing the gap on a piece as a
# product of two linear factors). The next cell
# measures the largest error on $[-2, 2]$ for $n = 2, 4, 8, \dots, 128$, on a grid of $2^{17} + 1$ points
# spaced $2^{-15}$ apart, which holds every knot and midpoint: these are $-2$ plus multiples of $2/n$, itself a
# multiple of $2^{-15}$ for these $n$. The last column multiplies the error by $n^2$.

# %%
x = np.linspace(-2, 2, 2**17 + 1)
for n in (2, 4, 8, 16, 32, 64, 128):
    error = np.max(np.abs(p(n, x) - x**2))
    scaled = error * n * n
    print(f"n = {n:3d}   largest error = {error:.6f}   error × n² = {scaled:.4f}")

# %% [markdown]
# Every row prints 4.0000 in the last column: the bound $4/n^2$ is reached at each midpoint, so
# doubling the units divides the error by four.
#
# On $[-2, 2]$, four times as many units divide the error by 16. What do they do at $x = 10$, where
# [the article](../blog/posts/why-nonlinear-activations.md#quadratic) gives the value of $p_{16}$?

# %%
for n in (16, 64):
    for x_far in (10.0, -10.0):
        value = p(n, x_far)
        miss = abs(value - x_far**2)
        label = f"p{sub(n)}({signed(x_far)})"
        print(f"{label:8} = {value:4.1f}, misses x² by {miss:4.1f}")

# %% [markdown]
# They barely help: right of 2 every unit is active, so $p_n$ continues from $p_n(2) = 4$ along its last chord,
# of slope $4 - \delta$: $p_n(10) = 4 + 8(4 - \delta) = 36 - 32/n$, a miss of $64 + 32/n$ that more units
# bring only towards 64. Left of −2 every unit is off, so $p_n = 4$ there whatever $n$.
#
# ## Try this { #try-this }
#
# Take $n = 5$ and $n = 10$, which are not powers of two, so the grid no longer holds every knot and midpoint. What
# largest error on $[-2, 2]$ do you expect the cell below to print for each? Write your answers down, then
# change `n = 4` to `n = 5` in the cell below and rerun it (to run it, see [Rerun this](#rerun-this)), then to
# `n = 10`. Then predict by how much $p_{10}$ misses $x^2$ at 10, change
# `(16, 64)` to `(10,)` in the cell that printed $p_{64}(10)$ and rerun it.

# %%
n = 4
error = np.max(np.abs(p(n, x) - x**2))
print(f"n = {n}: largest error on [−2, 2] = {error:.6f}")

# %% [markdown]
# ??? note "Answer"
#
#     For $n = 5$ the cell prints 0.160000, and for $n = 10$ it prints 0.040000: $4/n^2$ both times, as the
#     article's bound predicts. The grid now holds only some of the midpoints, where the bound is reached: 0 for
#     $n = 5$, $\pm 1$ for $n = 10$. The others lie within $1.3 \times 10^{-5}$ of a grid point, and near a
#     midpoint the error falls only by the square of the distance, so even a grid holding no midpoint would print
#     the same six decimals: it would miss the bound by less than $2 \times 10^{-10}$. With `(10,)` the other cell prints
#     $p_{10}(10) = 32.8$, which is $36 - 32/10$, a miss of 67.2; at −10, $p_{10}$ is 4, a miss of 96.

# %% [markdown]
# ## Rerun this { #rerun-this }
#
# To change this notebook and run it again on your own machine, see [How this site is built](../how-this-site-is-built.md#run-it).
