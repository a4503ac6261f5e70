# %% [markdown]
# # 笔记本：用 ReLU 单元拼出 x² { #notebook-relu-square }
#
# 这个笔记本用本站背后的代码重做文章[《为什么神经网络需要非线性激活函数》](../blog/posts/why-nonlinear-activations.md)里对 $x^2$ 的逼近。改动 $n$，就能看到误差怎么变。每个 ReLU 单元在一个节点处“打开”；在 $[-2, 2]$ 上用 $n$ 个单元，最大误差是 $4/n^2$。

# %%
import numpy as np

from actsite.networks import max_error_on_interval, relu_interpolant_of_square

for n in (2, 4, 8, 16, 32, 64, 128):
    approx = relu_interpolant_of_square(n)
    error = max_error_on_interval(approx, np.square)
    print(f"n = {n:3d}   max error = {error:.6f}   error x n^2 = {error * n * n:.4f}")

# %% [markdown]
# 最后一列始终是 4：单元数翻一倍，误差就降到原来的四分之一。而在 $[-2, 2]$ 之外，网络不再弯折，误差会无限增大：

# %%
x = np.linspace(-10, 10, 2001)
approx = relu_interpolant_of_square(16)
print(f"largest error on [-10, 10]: {np.max(np.abs(approx(x) - x**2)):.1f}")
