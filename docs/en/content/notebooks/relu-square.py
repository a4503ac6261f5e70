# %% [markdown]
# # Notebook: x² from ReLU units { #notebook-relu-square }
#
# This notebook rebuilds the approximation of $x^2$ from the article
# [Why networks need non-linear activations](../blog/posts/why-nonlinear-activations.md)
# with the code behind this site, so you can change $n$ and watch the error.
# Each ReLU unit switches on at one knot; $n$ units on $[-2, 2]$ leave a largest error of $4/n^2$.

# %%
import numpy as np

from actsite.networks import max_error_on_interval, relu_interpolant_of_square

for n in (2, 4, 8, 16, 32, 64, 128):
    approx = relu_interpolant_of_square(n)
    error = max_error_on_interval(approx, np.square)
    print(f"n = {n:3d}   max error = {error:.6f}   error x n^2 = {error * n * n:.4f}")

# %% [markdown]
# The last column is 4 every time: doubling the number of units divides the error by four.
# Outside $[-2, 2]$ the network stops bending, so the error grows without bound:

# %%
x = np.linspace(-10, 10, 2001)
approx = relu_interpolant_of_square(16)
print(f"largest error on [-10, 10]: {np.max(np.abs(approx(x) - x**2)):.1f}")
