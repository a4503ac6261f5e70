# %% [markdown]
# # Notebook: x² from ReLU units { #notebook-relu-square }
#
# This notebook rebuilds the approximation of $x^2$ from the article
# [Why networks need non-linear activations](../blog/posts/why-nonlinear-activations.md#quadratic)
# so that you can change $n$ and watch the error.
# The network $p_n$ is a constant plus a weighted sum of $n$ ReLU units. Its knots are the points
# $x_k = -2 + 4k/n$ ($k = 0, \dots, n$) where it meets the parabola; each unit switches on at one
# of them, and between knots $p_n$ is straight. Its largest error on $[-2, 2]$ is $4/n^2$: between
# two knots $\delta = 4/n$ apart, the straight piece lies above the parabola by
# $(x - x_k)(x_{k+1} - x)$, which peaks halfway between them at $\delta^2/4 = 4/n^2$.
# The first cell measures this error for $n = 2, 4, 8, \dots, 128$.

# %%
import numpy as np

from actsite.pages.notebook_text import say
from actsite.experiments.networks import max_error_on_interval, relu_interpolant_of_square

errors = {n: max_error_on_interval(relu_interpolant_of_square(n), np.square) for n in (2, 4, 8, 16, 32, 64, 128)}
for n, error in errors.items():
    say("square_row", n=n, error=error, scaled=error * n * n)

# %% [markdown]
# The last column is 4 every time: doubling the number of units divides the error by four.
# Outside $[-2, 2]$ the network stops bending, so the error grows without bound. Left of $-2$ no
# unit is active, so $p_{16}$ stays at 4 there, and on $[-10, 10]$ the largest error is at $x = -10$: $100 - 4 = 96$.

# %%
x = np.linspace(-10, 10, 2001)
approx = relu_interpolant_of_square(16)
say("square_far", n=16, error=np.max(np.abs(approx(x) - x**2)))

# %% [markdown]
# ## Try this { #try-this }
#
# Predict the largest error for a number of units of your choice, then set `n` and run the cell.

# %%
n = 10
error = max_error_on_interval(relu_interpolant_of_square(n), np.square)
say("square_try", n=n, error=error, predicted=4 / n**2)

# %% [markdown]
# ## Rerun this { #rerun-this }
#
# To change this notebook and run it again on your own machine, see [How this site is built](../how-this-site-is-built.md#run-it).
