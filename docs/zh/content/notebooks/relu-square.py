# %% [markdown]
# # 笔记本：用 ReLU 单元拼出 x² { #notebook-relu-square }
#
# 这个笔记本重做文章[《为什么神经网络需要非线性激活函数》](../blog/posts/why-nonlinear-activations.md#quadratic)里对 $x^2$ 的逼近。改动 $n$，就能看到误差怎么变。网络 $p_n$ 是一个常数加上 $n$ 个 ReLU 单元的加权和。节点 $x_k = -2 + 4k/n$（$k = 0, \dots, n$）是 $p_n$ 正好落在抛物线上的那些点；每个单元在其中一个节点处开启，两个节点之间 $p_n$ 是直线。它在 $[-2, 2]$ 上的最大误差是 $4/n^2$：相邻两个节点相距 $\delta = 4/n$，其间的直线段比抛物线高出 $(x - x_k)(x_{k+1} - x)$，这个差在两个节点正中间最大，等于 $\delta^2/4 = 4/n^2$。第一个单元格对 $n = 2, 4, 8, \dots, 128$ 逐个实测这个误差。

# %%
import numpy as np

from actsite.pages.notebook_text import say
from actsite.experiments.networks import max_error_on_interval, relu_interpolant_of_square

errors = {n: max_error_on_interval(relu_interpolant_of_square(n), np.square) for n in (2, 4, 8, 16, 32, 64, 128)}
for n, error in errors.items():
    say("square_row", n=n, error=error, scaled=error * n * n)

# %% [markdown]
# 最后一列始终是 4：单元数翻一番，误差缩小为四分之一。而在 $[-2, 2]$ 之外，网络不再弯折，误差会无限增大。在 $-2$ 左侧没有一个单元开启，$p_{16}$ 在那里恒等于 4，所以在 $[-10, 10]$ 上，最大误差出现在 $x = -10$ 处，是 $100 - 4 = 96$。

# %%
x = np.linspace(-10, 10, 2001)
approx = relu_interpolant_of_square(16)
say("square_far", n=16, error=np.max(np.abs(approx(x) - x**2)))

# %% [markdown]
# ## 动手试试 { #try-this }
#
# 先自己预测某个单元数下的最大误差，再把 `n` 改成这个数，运行下面的单元格。

# %%
n = 10
error = max_error_on_interval(relu_interpolant_of_square(n), np.square)
say("square_try", n=n, error=error, predicted=4 / n**2)

# %% [markdown]
# ## 亲手重跑 { #rerun-this }
#
# 怎样在自己的电脑上改动并重跑这个笔记本，见[《本站是怎样构建的》](../how-this-site-is-built.md#run-it)。
