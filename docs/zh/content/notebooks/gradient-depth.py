# %% [markdown]
# ---
# description: "对三种激活函数、三种权重尺度，测量 50 层网络每一层梯度的笔记本。"
# ---
# # 笔记本：梯度穿过 50 层网络 { #notebook-gradient-depth }
#
# 50 层网络的第 1 层还能收到多少梯度？这由什么决定？文章[《梯度消失：深层网络为何学不动》](../blog/posts/when-gradients-vanish.md)里的数字，大部分由这个笔记本算出。
#
# ## 50 层网络 { #fifty-layer-stack }
#
# 实验网络共 50 层，每层 256 个单元，没有偏置；输入是一批 64 个标准正态向量，再从顶层送回一个标准正态的梯度 $\partial L / \partial h_{50}$ 作为反向传播的起点，逐层记录梯度 $\partial L / \partial W_l$ 的范数。sigmoid、tanh 和 ReLU 各配三种权重尺度，共九种组合。三种尺度是：小尺度（权重标准差 $\sigma_w = 0.01$）、Xavier 初始化（各层宽度同为 $n$ 时 $\sigma_w^2 = 1/n$）和 He 初始化（同样宽度下 $\sigma_w^2 = 2/n$）。
#
# 下一个单元格把这个实验完整地写了出来。前向传播时，第 $l$ 层先算出预激活值 $z_l = W_l h_{l-1}$，再得到输出 $h_l = f(z_l)$，起点是输入 $h_0$（代码里 `h` 的每一行是一个输入，所以写作 `h @ W.T`）。反向传播按链式法则从顶层往下算：误差信号 $\delta_l = \partial L / \partial z_l$ 等于从上方传来的梯度乘以 $f'(z_l)$；权重梯度是 $\partial L / \partial W_l = \delta_l h_{l-1}^{\top}$（对整批输入求和）；$W_l^{\top} \delta_l$ 再传给下面一层。
#
# 单元格记录每个 $\partial L / \partial W_l$ 的 Frobenius 范数（全部元素平方和的平方根），以及每一层输出 $h_l$ 在全部单元和全部输入上的标准差。同一个随机数生成器（种子 0）依次抽取 50 个权重矩阵、输入和顶层梯度，所以三种尺度用的是同一组随机数，只是各自乘上自己的 $\sigma_w$。
#
# 对九组实验中的每一组，表中打印第 1 层和第 50 层的梯度范数、两者之比，以及“每层因子” $(\|\partial L/\partial W_1\| / \|\partial L/\partial W_{50}\|)^{1/49}$，即权重梯度每往下一层平均变化的倍数（49 步的几何平均）。它同时包含两种变化：误差信号往下传时的变化，以及该层输入在前向传播中的变化。后面的单元格转向文章里那个深层 sigmoid 分类器，看它停在随机初始权重时的样子，最后再看随机矩阵的乘积。

# %%
from actsite.maths.functions import relu, relu_prime, sigmoid, sigmoid_prime, tanh, tanh_prime

import numpy as np

depth, width, batch = 50, 256, 64
activations = {"sigmoid": (sigmoid, sigmoid_prime), "tanh": (tanh, tanh_prime),
               "relu": (relu, relu_prime)}
weight_std = {"small": 0.01, "xavier": np.sqrt(2 / (width + width)), "he": np.sqrt(2 / width)}


def gradient_norms(activation, init, seed=0, trace=None):
    """第 1 层到第 depth 层：dL/dW_l 的 Frobenius 范数，以及 h_l 的标准差。

    若传入字典 `trace`，还会在其中记下每层预激活值的方差，以及误差信号和该层输入的均方根。"""
    f, f_prime = activations[activation]
    rng = np.random.default_rng(seed)
    std = weight_std[init] if isinstance(init, str) else init   # 尺度名，或标准差本身
    weights = [rng.normal(0.0, std, size=(width, width)) for _ in range(depth)]
    h = rng.normal(size=(batch, width))                  # 输入 h_0，每行一个
    grad_h = rng.normal(size=(batch, width))             # 顶层的梯度 dL/dh_50
    inputs, z, output_std = [], [], []
    for W in weights:                                    # 前向：z_l = W_l h_(l-1)，h_l = f(z_l)
        inputs.append(h)
        z.append(h @ W.T)
        h = f(z[-1])
        output_std.append(h.std())
    grad_norm, delta_rms = np.empty(depth), np.empty(depth)
    for i in reversed(range(depth)):                     # 反向：从顶层往下
        delta = grad_h * f_prime(z[i])                   # 误差信号 dL/dz
        grad_norm[i] = np.linalg.norm(delta.T @ inputs[i])   # dL/dW，对整批输入求和
        delta_rms[i] = np.sqrt(np.mean(delta ** 2))
        grad_h = delta @ weights[i]                      # W^T delta：下面一层的 dL/dh
    if trace is not None:
        trace.update(z_var=[v.var() for v in z], delta_rms=delta_rms,
                     input_rms=[np.sqrt(np.mean(x ** 2)) for x in inputs])
    return grad_norm, np.array(output_std)


def factor(g):
    """首末两层之比 ** (1/49)：每往下一层平均变化的倍数。"""
    return (g[0] / g[-1]) ** (1 / (depth - 1))


names = {"sigmoid": "sigmoid", "tanh": "tanh", "relu": "ReLU",
         "small": "小尺度", "xavier": "Xavier", "he": "He"}
header = "   第 1 层   第 50 层  首末两层之比   每层因子"


def print_row(g, label):
    print(f"{g[0]:10.2e} {g[-1]:10.2e} {g[0] / g[-1]:13.3g} {factor(g):10.4f}   {label}")


grad, output_std = {}, {}
for act in activations:
    for init in weight_std:
        grad[act, init], output_std[act, init] = gradient_norms(act, init)

stds = "、".join(f"{weight_std[i]:.3g}（{names[i]}）" for i in weight_std)
print(f"权重标准差：{stds}")
print(header)
for act, init in grad:
    print_row(grad[act, init], f"{names[act]} {names[init]}")
for act, init in (("tanh", "small"), ("relu", "small")):
    g = grad[act, init]
    print(f"{names[act]} {names[init]}，第 1 到 50 层："
          f"最小 {g.min():.2e}，最大 {g.max():.2e}")

# %% [markdown]
# 与[文章中的图](../blog/posts/when-gradients-vanish.md#measured-depth)一致，sigmoid 的梯度在三种尺度下都逐层缩小，每层因子在 0.04 到 0.32 之间。tanh 和 ReLU 的每层因子与 1 相差不超过 1.2%，只有用 He 初始化的 tanh 例外（1.06：梯度越靠近输入越大，第 1 层是最后一层的 17.5 倍）；小尺度让每一层的梯度在 tanh 下都停在 $2 \times 10^{-36}$ 附近，在 ReLU 下都落在 $2 \times 10^{-44}$ 到 $5 \times 10^{-44}$ 之间，表下的两行给出了全部 50 层的范围。
#
# ReLU 在三种尺度下比值完全相同，而且每一层用 Xavier 时的梯度都恰好是用 He 时的 $2^{-49/2}$ 倍，因为 ReLU 是正齐次的（推导见文章的[“在 50 层网络里实测”](../blog/posts/when-gradients-vanish.md#measured-depth)一节）。下一个单元格打印这个数，并逐层计算 Xavier 与 He 的梯度之比，打印其中的最小值和最大值；把 `scale` 改成 `"small"`，比较的就是小尺度与 He。

# %%
print(f"2^(−49/2) = {2 ** (-49 / 2):.3e}")
scale, base = "xavier", "he"
ratio = grad["relu", scale] / grad["relu", base]
print(f"逐层计算 {names[scale]} 与 {names[base]} 的梯度之比："
      f"最小 {ratio.min():.6e}，最大 {ratio.max():.6e}")

# %% [markdown]
# ## 每层因子：预测与实测 { #predicted-factors }
#
# 方差论证给出的预测是：sigmoid 斜率的均方 $\mathbb{E}[f'^2]$ 在零点附近约为 $1/16$，因此 sigmoid 网络的每层因子约为 $\sqrt{n\sigma_w^2}/4$（$\sigma_w^2$ 为权重的方差）。第一张表把预测值和实测值放在一起对照。
#
# 第二张表加上了文章[“初始化：让乘积保持在 1 附近”一节](../blog/posts/when-gradients-vanish.md#initialisation)给出的两处修正：$\mathbb{E}[f'^2]$ 改在前向递推 $q_{l+1} = n\sigma_w^2\,\mathbb{E}[f(z_l)^2]$ 的不动点 $q^*$ 处取值，而不是在零点；再乘上因子 $2^{1/49}$，因为流入第 1 层的数据，均方根约为后面各层所接收的 sigmoid 输出的两倍。
#
# $q^*$ 是经过一层后保持不变的预激活值方差，代码把一层递推 `next_variance` 连续做 100 次求得。`next_variance("sigmoid", n_var_w, q)` 计算 $n\sigma_w^2\,\mathbb{E}[f(z)^2]$，其中 $f$ 是 sigmoid，$z$ 服从均值为 0、方差为 $q$ 的正态分布；`gaussian_expectation(g, q)` 返回同一分布下的均值 $\mathbb{E}[g(z)]$；两者都用数值积分求得。
#
# 接下来两行在两个更大的尺度下求不动点，并给出方差因子 $n\sigma_w^2\,\mathbb{E}[f'^2]$ 和落在[平坦区](../blog/posts/when-gradients-vanish.md#flat-tails) $|z| > 4.585$ 的预激活值所占的比例；最后一行在第二个尺度下对三次抽样各跑一遍 sigmoid 网络。

# %%
from math import erfc

from actsite.experiments.init_spread import next_variance
from actsite.maths.gaussian import gaussian_expectation

print("  n σ_w²      预测     实测")
for init in weight_std:
    n_var_w = width * weight_std[init] ** 2
    g = grad["sigmoid", init]
    print(f"{n_var_w:8.4g} {np.sqrt(n_var_w) / 4:9.2f} {factor(g):8.2f}   {names[init]}")
print()
print("      q*   q* 处的 E[f′²]    修正后     实测")
for init in weight_std:
    n_var_w, q = width * weight_std[init] ** 2, 1.0
    for _ in range(100):
        q = next_variance("sigmoid", n_var_w, q)
    slope = gaussian_expectation(lambda z: sigmoid_prime(z) ** 2, q)
    corrected = np.sqrt(n_var_w * slope) * 2 ** (1 / (depth - 1))
    g = grad["sigmoid", init]
    print(f"{q:8.4f} {slope:16.4f} {corrected:9.4f} {factor(g):8.4f}   {names[init]}")
print()
# |z| 超过它时 sigmoid 的斜率小于 0.01：
# σ(1 − σ) = 0.01 时 σ = (1 + √0.96)/2，而 z = log(σ/(1 − σ))
edge = np.log((1 + np.sqrt(0.96)) / (1 - np.sqrt(0.96)))
for n_var_w in (16, 103):
    q = 1.0
    for _ in range(100):
        q = next_variance("sigmoid", n_var_w, q)
    slope = gaussian_expectation(lambda z: sigmoid_prime(z) ** 2, q)
    print(f"n σ_w² = {n_var_w}：q* = {q:.2f}（标准差 {np.sqrt(q):.2f}），E[f′²] = {slope:.4f}，"
          f"方差因子 {n_var_w * slope:.2f}，{erfc(edge / np.sqrt(2 * q)):.0%} 落在平坦区")
act = "sigmoid"
wide = [gradient_norms(act, np.sqrt(103 / width), seed=seed)[0] for seed in (0, 1, 2)]
print(f"n σ_w² = 103 时 {names[act]} 网络的首末两层之比（种子 0、1、2）："
      + "、".join(f"{g[0] / g[-1]:.2f}" for g in wide))

# %% [markdown]
# Xavier 和 He 两行的实测因子略低于 $\sqrt{n\sigma_w^2}/4$，修正后的每个预测值与实测因子都相差不到 0.5%。
#
# $n\sigma_w^2 = 16$ 时，方差因子只有 0.40；到 103 才达到 1，而那时约一半预激活值落在平坦区。在这个尺度下，上面三次抽样的首末两层之比在 0.69 到 1.03 之间。
#
# ## 前向传播 { #forward-pass }
#
# 前向传播里也是同样的乘积，体现在每一层输出 $h_l$ 的标准差 $s_l$ 上（对所有单元和所有输入合并计算）。下一个单元格对其中四组实验打印第 1 层和第 50 层的这个标准差，以及它平均每层的变化 $(s_{50} / s_1)^{1/49}$；最后一行给出 tanh 配 He 初始化时应当稳定到的不动点上的输出标准差。

# %%
print("各层输出的标准差")
print(" 第 1 层   第 50 层   每层变化")
for act, init in (("relu", "xavier"), ("tanh", "small"), ("relu", "he"), ("tanh", "he")):
    s = output_std[act, init]
    per_layer = (s[-1] / s[0]) ** (1 / (depth - 1))
    print(f"{s[0]:8.3g} {s[-1]:10.3g} {per_layer:10.3f}   {names[act]} {names[init]}")
q = 1.0
for _ in range(100):                                     # He 初始化（n σ_w² = 2）下的前向递推
    q = next_variance("tanh", 2, q)
label = f"{names['tanh']} {names['he']}"
print(f"{label}，递推式的不动点：预激活值方差 {q:.2f}，"
      f"输出标准差 {np.sqrt(gaussian_expectation(lambda z: tanh(z) ** 2, q)):.3f}")

# %% [markdown]
# 用 Xavier 初始化时，ReLU 的激活值每层大约缩小为原来的 $1/\sqrt{2}$；小尺度下的 tanh 网络几乎就是一个线性网络，激活值每层缩小为原来的 $\sqrt{0.0256} = 0.16$ 倍。用 He 初始化时，tanh 的输出稳定在[前向递推](../blog/posts/initialisation.md#forward-recursion)的不动点上，最后一行算出了这个不动点：那里输出的标准差 $\sqrt{\mathbb{E}[\tanh^2 z]}$ 为 0.556，第 50 层实测为 0.558。在这次抽样（种子 0）里，ReLU 的输出平均每层只漂移不到 2%，累积 50 层就缩小了约一半。对 ReLU 来说，连漂移的方向都取决于随机抽样：这里输出逐层变小，换一次抽样，比如[动手试试](#try-this)中的种子 1，它们就逐层变大。
#
# tanh 配 Xavier 初始化时，梯度几乎不随层变化（第一张表里首末两层之比为 1.34），尽管 tanh 的斜率小于 1。下一个单元格把这个梯度拆成误差信号和该层输入两部分，再对 ReLU 配 He 初始化做同样的拆分。

# %%
trace = {}
gradient_norms("tanh", "xavier", trace=trace)
rms, inputs, z_var = trace["delta_rms"], trace["input_rms"], trace["z_var"]
label = f"{names['tanh']} {names['xavier']}"
print(f"{label}，预激活值方差：第 1 层 {z_var[0]:.3f}，第 10 层 {z_var[9]:.4f}")
print(f"误差信号的均方根，第 50 层与第 1 层之比：{rms[-1] / rms[0]:.1f}"
      f"（第 11 层与第 1 层之比：{rms[10] / rms[0]:.1f}）")
print(f"各层输入的均方根，第 1 层与第 50 层之比：{inputs[0] / inputs[-1]:.1f}")
relu = {}
g, _ = gradient_norms("relu", "he", trace=relu)
signal, layer_input = relu["delta_rms"], relu["input_rms"]
label = f"{names['relu']} {names['he']}"
print(f"{label}，第 1 层与第 50 层之比：权重梯度 {g[0] / g[-1]:.2f}，"
      f"误差信号 {signal[0] / signal[-1]:.2f}，"
      f"各层输入 {layer_input[0] / layer_input[-1]:.2f}")

# %% [markdown]
# 预激活值的方差在前十层里从 1 降到 0.06，tanh 的斜率在那里离 1 最远。误差信号往下传，到第 1 层时均方根缩小为第 50 层的 1/7.4，其中仅前十层就缩小了 3.5 倍；与此同时，各层输入朝数据一侧增大了 9.5 倍。两者的变化在权重梯度里几乎抵消。ReLU 配 He 初始化时，误差信号往下传只略有缩小（第 1 层是第 50 层的 0.78），首末两层之比 1.79 主要靠各层输入：第 1 层的输入是第 50 层的 2.2 倍。两部分相乘得 1.72，而不是 1.79，因为权重梯度是把误差信号与输入的乘积在整批样本上求和，它的范数只大致等于两者均方根之积。
#
# ## 初始化时的 sigmoid 分类器 { #sigmoid-classifier }
#
# 接下来看文章中[“停滞的层对训练意味着什么”](../blog/posts/when-gradients-vanish.md#stalled-layers)一节里的深层 sigmoid 分类器：10 个输入、8 个隐藏层（每层 64 个单元）、10 个输出，用 Xavier 初始化。下面看的是它还停在随机初始权重时的样子。`voronoi` 抽取它的 4000 个训练样本，任务与[死亡 ReLU 单元的实验](../blog/posts/dead-relu-units.md#dead-relu-experiment)属于同一类：每个样本的类别取离它最近的那个随机中心（共 100 个）的类别，只是种子不同。离同一个中心最近的点构成这个中心的 Voronoi 区域，所以每个类别都由若干个这样的区域拼成。
#
# `MLP` 是一个带偏置的普通全连接网络：`forward` 返回每一层的预激活值和输出，`loss_and_grads` 返回交叉熵损失及其精确梯度。
#
# 对每个隐藏层，先算每个单元的输出在 4000 个训练样本上的标准差，再对单元取平均，得到下面打印的“离散程度”：这个数衡量的是，不同输入在这一层的输出彼此相差多少。从第 2 个隐藏层起，行末 × 后面的数是它相对前一层变化的倍数：每层都缩小到约四分之一。最后打印九个权重矩阵的梯度范数。

# %%
from actsite.experiments.datasets import voronoi
from actsite.experiments.mlp import MLP

X, y = voronoi(seed=400)
net = MLP.create((10,) + (64,) * 8 + (10,), "sigmoid", "xavier", seed=0)
_, hs = net.forward(X)
spread = [h.std(axis=0).mean() for h in hs[1:]]
print("隐藏层   输出均值    离散程度")
for layer, (h, s) in enumerate(zip(hs[1:], spread), start=1):
    change = "" if layer == 1 else f"   ×{s / spread[layer - 2]:.3f}"
    print(f"{layer:6d} {h.mean():10.3f} {s:11.2e}{change}")

_, grads_W, _ = net.loss_and_grads(X, y)
print()
print("层   权重矩阵的梯度范数")
for layer, g in enumerate(grads_W, start=1):
    note = "   输出层" if layer == len(grads_W) else ""
    print(f"{layer:2d}   {np.linalg.norm(g):.1e}{note}")
share = np.bincount(y).max() / len(y)
print(f"最常见的类别占全部训练样本的 {share:.1%}，"
      f"所以一律回答它，误差是 {1 - share:.3f}")

# %% [markdown]
# 第 1 层的梯度约为 $3 \times 10^{-6}$，只有输出层的约 37 万分之一。最后一行的误差 0.834，正是[文章里训练后的网络停住的地方](../blog/posts/when-gradients-vanish.md#stalled-layers)：不比一律回答最常见的类别更好。
#
# 上面三组结果里起作用的是同一类乘积：这类乘积在反向传播时让梯度逐层缩小，在尺度太小时让前向的信号逐层缩小；在 sigmoid 分类器里，又让不同输入之间的差别逐层缩小，到最后一个隐藏层，无论输入是什么，看到的几乎都是同一个向量。
#
# ## 随机矩阵的乘积 { #random-products }
#
# 文章[“后来是怎么解决的”](../blog/posts/when-gradients-vanish.md#what-fixed-it)一节说，方差取 $1/n$ 的高斯随机权重只在平均意义上保持信号的范数。一个矩阵会把某些方向拉长、把另一些方向缩短；它的奇异值就是这些伸缩倍数，$n$ 个相互垂直的方向各对应一个。下一个单元格把 50 个宽 256、元素方差为 $1/256$ 的随机矩阵乘起来，抽样三次，打印乘积拉长了多少个方向（奇异值大于 1 的个数）、最大的拉长倍数，以及缩小到原来的 $10^{-7}$ 以下的方向（奇异值小于 $10^{-7}$）在 256 个方向中所占的比例。

# %%
for seed in (0, 1, 2):
    rng = np.random.default_rng(seed)
    product = np.eye(width)
    for _ in range(depth):
        product = rng.normal(0.0, 1 / np.sqrt(width), size=(width, width)) @ product
    stretch = np.linalg.svd(product, compute_uv=False)   # 奇异值，从大到小
    print(f"种子 {seed}：{np.sum(stretch > 1)} 个方向被拉长，最多 {stretch[0]:.1f} 倍；"
          f"{np.mean(stretch < 1e-7):.0%} 的方向缩小到原来的千万分之一以下")

# %% [markdown]
# 每次抽样都有十几个方向被拉长，最多约 10 倍，而约一半方向缩小到原来的千万分之一以下。Xavier、He 这类方差规则只管平均的伸缩，管不到每个方向。
#
# ## 回答开头的问题 { #answer }
#
# 第 1 层能收到多少梯度，逐层由激活函数的斜率和权重尺度共同决定。sigmoid 的斜率至多为 1/4，所以三种尺度下每一层都让梯度缩小（每层乘上 0.04 到 0.32，见[第一张表](#fifty-layer-stack)），传到第 1 层时几乎不剩什么。tanh 和 ReLU 让权重梯度的每层因子都接近 1（tanh 配 He 初始化的 1.06 是例外），但未必是靠误差信号：各层输入的大小同样会影响权重梯度。对 sigmoid 来说，输入只是个小修正（见[前面预测与实测的对比](#predicted-factors)）；Xavier 下的 tanh 靠输入的增长抵消了误差信号 7.4 倍的衰减，ReLU 配 He 初始化时首末两层之比 1.79 也主要来自输入（见[前向传播](#forward-pass)）。权重尺度则决定了各层梯度整体的量级：对 ReLU，用 Xavier 时的梯度是用 He 时的 $2^{-49/2}$ 倍。
#
# ## 动手试试 { #try-this }
#
# ReLU 首末两层梯度之比 1.79（三种尺度下相同）只来自一次随机抽样（种子 0）。下面的代码用种子 0 到 11 抽取权重、输入和顶层梯度，也就是文章引用的那 12 次抽样；对每次抽样，打印 ReLU 分别配 He 和 Xavier 初始化、tanh 配 He 初始化时首末两层的梯度之比，以及 ReLU 配 He 时输出的每层变化。改一改种子或 `runs`，看看哪些数会变，哪些不会。

# %%
runs = (("relu", "he"), ("relu", "xavier"), ("tanh", "he"))
labels = [f"{names[act]} {names[init]}" for act, init in runs]
print(f"三组实验首末两层的梯度之比，以及 {labels[0]} 输出的每层变化")
print("种子   " + "   ".join(labels) + "   每层变化")
for seed in range(12):
    (g1, s), (g2, _), (g3, _) = (gradient_norms(act, init, seed=seed) for act, init in runs)
    per_layer = (s[-1] / s[0]) ** (1 / (depth - 1))         # 第一组实验的输出
    print(f"{seed:4d} {g1[0] / g1[-1]:9.2f} {g2[0] / g2[-1]:13.2f} {g3[0] / g3[-1]:9.1f} "
          f"{per_layer:10.3f}")

# %% [markdown]
# ## 亲手重跑 { #rerun-this }
#
# 怎样在自己的电脑上改动并重跑这个笔记本，见[《本站是怎样构建的》](../how-this-site-is-built.md#run-it)。
