# %% [markdown]
# # Notebook: x² from ReLU units { #notebook-relu-square }
#
# The article [Why networks need non-linear activations](../blog/posts/why-nonlinear-activations.md#quadratic)
# builds a network $p_n$ of $n$ ReLU units that follows $x^2$ on $[-2, 2]$, and proves that its largest
# error there is $4/n^2$. Here $p_n$ is built from the article's formula with numpy, writing
# $g(x) = \max(0, x)$. Each unit switches on at one knot and bends the line there by its outgoing
# weight; the first cell prints the weights for $n = 4$.

# %%
import numpy as np

from actsite.pages.notebook_text import say
from actsite.experiments.networks import relu_interpolant_of_square


def g(x):
    return np.maximum(0, x)


def weights(n):
    """Output bias 4; units switching on at the knots x_k = -2 + k*delta (k = 0, ..., n - 1), delta = 4/n,
    with outgoing weight delta - 4 for the first unit and 2*delta for each of the others."""
    delta = 4 / n
    switch_on = -2 + delta * np.arange(n)
    outgoing = np.full(n, 2 * delta)
    outgoing[0] = delta - 4
    return 4.0, switch_on, outgoing


def p(n, x):
    bias, switch_on, outgoing = weights(n)
    return bias + sum(w * g(x - s) for s, w in zip(switch_on, outgoing))


bias, switch_on, outgoing = weights(4)
say("square_bias", n=4, bias=bias)
for s, w in zip(switch_on, outgoing):
    say("square_unit", switch=s, weight=w)

# %% [markdown]
# Do these weights leave the largest error $4/n^2$? The next cell measures it on $[-2, 2]$ for
# $n = 2, 4, 8, \dots, 128$; the last column multiplies it by $n^2$.

# %%
x = np.linspace(-2, 2, 2**17 + 1)       # contains the midpoint between every two knots
for n in (2, 4, 8, 16, 32, 64, 128):
    assert np.allclose(p(n, x), relu_interpolant_of_square(n)(x))   # the same p_n as the site's figures
    error = np.max(np.abs(p(n, x) - x**2))
    say("square_row", n=n, error=error, scaled=error * n * n)

# %% [markdown]
# Outside $[-2, 2]$ there are no more knots, so $p_n$ goes on in straight lines. How far is $p_{16}$
# from $x^2$ at the two ends of $[-10, 10]$?

# %%
n = 16
for end in (-10.0, 10.0):
    say("square_far", n=n, x=end, value=p(n, end), error=abs(p(n, end) - end**2))

# %% [markdown]
# ## Try this { #try-this }
#
# Take $n = 10$, a number of units that is not a power of two. What largest error on $[-2, 2]$ do
# you expect? Write your answer down, then run the cell. Then predict for the same $n$ which end of
# $[-10, 10]$ misses by more, and by how much, and check it with the cell above.

# %%
n = 10
say("square_try", n=n, error=np.max(np.abs(p(n, x) - x**2)))

# %% [markdown]
# ## Rerun this { #rerun-this }
#
# To change this notebook and run it again on your own machine, see [How this site is built](../how-this-site-is-built.md#run-it).
