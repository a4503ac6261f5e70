# %% [markdown]
# # 笔记本：用 ReLU 单元拼出 x² { #notebook-relu-square }
#
# 文章[《为什么神经网络需要非线性激活函数》](../blog/posts/why-nonlinear-activations.md#quadratic)用 $n$ 个 ReLU 单元搭出网络 $p_n$，让它在 $[-2, 2]$ 上跟随 $x^2$，并证明了它在这个区间上的最大误差是 $4/n^2$。这里照文中的公式用 numpy 把 $p_n$ 搭出来，记 $g(x) = \max(0, x)$。每个单元在一个节点处开启，并按自己的输出权重在那里把折线弯折一次；下面这段代码打印 $n = 4$ 时的各个权重。

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
# 这些权重留下的最大误差是不是 $4/n^2$？下面这段代码对 $n = 2, 4, 8, \dots, 128$ 在 $[-2, 2]$ 上实测最大误差，最后一列是它乘以 $n^2$。

# %%
x = np.linspace(-2, 2, 2**17 + 1)       # contains the midpoint between every two knots
for n in (2, 4, 8, 16, 32, 64, 128):
    assert np.allclose(p(n, x), relu_interpolant_of_square(n)(x))   # the same p_n as the site's figures
    error = np.max(np.abs(p(n, x) - x**2))
    say("square_row", n=n, error=error, scaled=error * n * n)

# %% [markdown]
# 在 $[-2, 2]$ 之外再没有节点，$p_n$ 只沿直线延伸下去。在 $[-10, 10]$ 的两端，$p_{16}$ 离 $x^2$ 有多远？

# %%
n = 16
for end in (-10.0, 10.0):
    say("square_far", n=n, x=end, value=p(n, end), error=abs(p(n, end) - end**2))

# %% [markdown]
# ## 动手试试 { #try-this }
#
# 取 $n = 10$，一个不是 2 的幂的单元数。你预计它在 $[-2, 2]$ 上的最大误差是多少？先把答案写下来，再运行下面的代码。然后预测：同样取这个 $n$，$[-10, 10]$ 的哪一端偏差更大，偏差是多少？再用上一段代码验证。

# %%
n = 10
say("square_try", n=n, error=np.max(np.abs(p(n, x) - x**2)))

# %% [markdown]
# ## 亲手重跑 { #rerun-this }
#
# 怎样在自己的电脑上改动并重跑这个笔记本，见[《本站是怎样构建的》](../how-this-site-is-built.md#run-it)。
