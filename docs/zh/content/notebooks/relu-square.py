# %% [markdown]
# ---
# description: "用 ReLU 单元近似 x² 的笔记本：验证 [−2, 2] 上的最大误差为 4/n²，而在这个区间之外，增加单元几乎无济于事。"
# ---
# # 笔记本：用 ReLU 单元拼出 x² { #notebook-relu-square }
#
# 文章[《为什么神经网络需要非线性激活函数》](../blog/posts/why-nonlinear-activations.md#quadratic)用 $n$ 个 ReLU 单元搭出网络 $p_n$，并推导了它的权重：把 $[-2, 2]$ 等分为 $n$ 段，插值节点为 $x_k = -2 + k\delta$（$\delta = 4/n$），用相邻节点之间的弦近似 $x^2$。这个笔记本验证两件事：$p_n$ 在 $[-2, 2]$ 上的最大误差是 $4/n^2$；在 $[-2, 2]$ 之外，单元再多也几乎无济于事。记 $g(x) = \max(0, x)$，这个网络就是
#
# $$
# p_n(x) = 4 + (\delta - 4)\,g(x + 2) + 2\delta \sum_{k=1}^{n-1} g(x - x_k)
# $$
#
# 每个单元在一个插值节点处开启，折线在那里的斜率随之改变，改变量等于这个单元的输出权重。代码中，`weights(n)` 返回输出偏置、各单元所在的插值节点和它们的输出权重，`p(n, x)` 把各单元加起来。第一段代码打印 $n = 4$ 时的各个权重。

# %%
import numpy as np

SUBSCRIPT = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def sub(n):
    """把 n 写成下标数字，如 p₁₆ 中的 ₁₆。"""
    return str(n).translate(SUBSCRIPT)


def signed(x, spec="g"):
    """按 spec 格式化 x，负号用真正的减号：写成 −2，而不是 -2。"""
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
print(f"p{sub(4)}：输出偏置 {bias:g}")
print("插值节点   输出权重")
for s, w in zip(active_from, outgoing):
    print(f"{signed(s):>8}   {signed(w):>8}")

# %% [markdown]
# 此时 $\delta = 1$：位于 −2 的单元把第一段的斜率定为 −3，其余每个单元各加 2，于是四段的斜率依次是 −3、−1、1、3，正好是 $x^2$ 在 −2、−1、0、1、2 之间的弦。
#
# 每段弦都在抛物线上方，最多高出 $\delta^2/4 = 4/n^2$，出现在该段的中点（[文章](../blog/posts/why-nonlinear-activations.md#quadratic)把这个差值写成两个因式之积，由此推出这一点）。下面这段代码对 $n = 2, 4, 8, \dots, 128$ 实测 $[-2, 2]$ 上的最大误差，所用网格有 $2^{17} + 1$ 个点，间距为 $2^{-15}$，包含了全部插值节点和中点：它们都等于 $-2$ 加上 $2/n$ 的整数倍，而对这些 $n$，$2/n$ 又是 $2^{-15}$ 的整数倍。最后一列是误差乘以 $n^2$。

# %%
x = np.linspace(-2, 2, 2**17 + 1)
for n in (2, 4, 8, 16, 32, 64, 128):
    error = np.max(np.abs(p(n, x) - x**2))
    scaled = error * n * n
    print(f"n = {n:3d}   最大误差 = {error:.6f}   误差 × n² = {scaled:.4f}")

# %% [markdown]
# 每一行最后一列打印出的都是 4.0000：上界 $4/n^2$ 在每段的中点处取到，所以单元数翻一倍，误差就降为四分之一。
#
# 在 $[-2, 2]$ 上，单元数变成四倍，误差就降为十六分之一。那么在 $x = 10$ 处呢？[文章](../blog/posts/why-nonlinear-activations.md#quadratic)给出了 $p_{16}$ 在这里的值。

# %%
for n in (16, 64):
    for x_far in (10.0, -10.0):
        value = p(n, x_far)
        miss = abs(value - x_far**2)
        label = f"p{sub(n)}({signed(x_far)})"
        print(f"{label:8} = {value:4.1f}，与 x² 相差 {miss:4.1f}")

# %% [markdown]
# 几乎没有改善。在 2 右侧所有单元都开启，$p_n$ 从 $p_n(2) = 4$ 出发，沿最后一段弦以斜率 $4 - \delta$ 上升：$p_n(10) = 4 + 8(4 - \delta) = 36 - 32/n$，与 $x^2$ 相差 $64 + 32/n$，单元再多也只能让它趋近 64。在 −2 左侧所有单元都关闭，无论 $n$ 多大，$p_n$ 都等于 4。
#
# ## 动手试试 { #try-this }
#
# 取 $n = 5$ 和 $n = 10$。它们都不是 2 的幂，网格不再包含全部插值节点和中点。对这两个 $n$，你预计下面的代码打印出的 $[-2, 2]$ 上最大误差各是多少？先把答案写下来，再把下面代码里的 `n = 4` 改成 `n = 5`，重新运行（运行方法见[亲手重跑](#rerun-this)），接着改成 `n = 10` 再运行一次。然后预测 $p_{10}$ 在 10 处与 $x^2$ 相差多少，再把打印 $p_{64}(10)$ 的那段代码里的 `(16, 64)` 改成 `(10,)`，重新运行来验证。

# %%
n = 4
error = np.max(np.abs(p(n, x) - x**2))
print(f"n = {n}：在 [−2, 2] 上的最大误差 = {error:.6f}")

# %% [markdown]
# ??? note "答案"
#
#     $n = 5$ 时，代码打印 0.160000；$n = 10$ 时，打印 0.040000。两次都正是 $4/n^2$，与文章给出的上界一致。误差在各段中点处达到上界，而网格这时只包含其中一部分中点：$n = 5$ 时只有 0，$n = 10$ 时只有 $\pm 1$。其余中点离最近的网格点都不到 $1.3 \times 10^{-5}$，而在中点附近，误差只按距离的平方减小；所以即使网格一个中点也不含，打印出的六位小数也不会变，离上界差不到 $2 \times 10^{-10}$。改成 `(10,)` 之后，另一段代码打印 $p_{10}(10) = 32.8$，即 $36 - 32/10$，与 $x^2$ 相差 67.2；在 −10 处，$p_{10}$ 等于 4，相差 96。

# %% [markdown]
# ## 亲手重跑 { #rerun-this }
#
# 怎样在自己的电脑上改动并重跑这个笔记本，见[《本站是怎样构建的》](../how-this-site-is-built.md#run-it)。
