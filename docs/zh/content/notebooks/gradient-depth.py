# %% [markdown]
# # 笔记本：梯度穿过 50 层网络 { #notebook-gradient-depth }
#
# 50 层网络的第一层还能收到多少梯度？这由什么决定？这个笔记本打印文章[《梯度消失：深层网络为何学不动》](../blog/posts/when-gradients-vanish.md)里的数字。
#
# 实验网络共 50 层，每层 256 个单元，没有偏置；输入是一批 64 个标准正态向量，再从顶层送回一个标准正态的梯度 $\partial L / \partial h_{50}$ 作为反向传播的起点，逐层记录梯度 $\partial L / \partial W_l$ 的范数。sigmoid、tanh 和 ReLU 各配三种权重尺度，共九种组合。三种尺度是：小尺度（$\sigma_w = 0.01$）、Xavier 初始化（各层宽度同为 $n$ 时 $\sigma_w^2 = 1/n$）和 He 初始化（$\sigma_w^2 = 2/n$）。
#
# 表中最后一列“每层因子”指 $(\|\partial L/\partial W_1\| / \|\partial L/\partial W_{50}\|)^{1/49}$，即权重梯度每往下一层平均变化的倍数（49 步的几何平均）。它同时包含两种变化：误差信号往下传时的变化，以及该层输入在前向传播中的变化。最后几个单元格转向文章里那个深层 sigmoid 分类器，看它停在随机初始权重时的样子。

# %%
import numpy as np

from actsite.experiments.datasets import voronoi
from actsite.experiments.deep_nets import INIT_STD, layer_gradient_norms
from actsite.experiments import gradient_depth, stalled_layers
from actsite.experiments.cache import cached
from actsite.experiments.init_spread import next_variance
from actsite.maths.functions import sigmoid_prime
from actsite.maths.gaussian import gaussian_expectation
from actsite.experiments.mlp import MLP
from actsite.pages.notebook_text import say, sentence, words

r = cached("gradient_depth")
depth, width = int(r["depth"]), 256
say("depth_setup", depth=depth, width=width,
    stds=words("list_sep").join(words("depth_std_item").format(
        std=INIT_STD[init](width), label=words("init_" + init))
        for init in INIT_STD))
first, last, ratio, factor = words("depth_columns").split("|")
say("depth_header", blank="", first=first, last=last, ratio=ratio, factor=factor)
for act in gradient_depth.ACTIVATIONS:
    for init in INIT_STD:
        g = r[f"{act}_{init}_grad"]
        factor = (g[0] / g[-1]) ** (1 / (depth - 1))
        say("depth_row", label=f"{words('act_' + act)} {words('init_' + init)}",
            first=g[0], last=g[-1], ratio=g[0] / g[-1], factor=factor)

# %% [markdown]
# sigmoid 的梯度在三种尺度下都逐层缩小，每层因子在 0.04 到 0.32 之间。tanh 和 ReLU 的每层因子与 1 相差不超过 1.2%，只有用 He 初始化的 tanh 例外（1.06：梯度越靠近输入越大，第一层是最后一层的 17.5 倍）；小尺度让每一层的梯度在 tanh 下都停在 $2 \times 10^{-36}$ 附近，在 ReLU 下都落在 $2 \times 10^{-44}$ 到 $5 \times 10^{-44}$ 之间。ReLU 在三种尺度下比值完全相同，原因见文章的[“在 50 层网络里实测”](../blog/posts/when-gradients-vanish.md#measured-depth)一节：从 He 换成 Xavier，每一层的梯度都乘上同一个 $2^{-49/2}$。

# %%
say("depth_power", value=2 ** (-49 / 2))
ratio = r["relu_xavier_grad"] / r["relu_he_grad"]
say("depth_xavier_he", low=ratio.min(), high=ratio.max())

# %% [markdown]
# 方差论证给出的预测是：sigmoid 斜率的均方 $\mathbb{E}[f'^2]$ 在零点附近约为 $1/16$，因此 sigmoid 网络每层的反向因子约为 $\sqrt{n\sigma_w^2}/4$（$\sigma_w^2$ 为权重的方差）。下表把预测值和实测值放在一起对照。Xavier 和 He 两行的实测因子略低于预测值。最后三行加上了文章[“初始化：让乘积保持在 1 附近”一节](../blog/posts/when-gradients-vanish.md#initialisation)给出的两处修正：$\mathbb{E}[f'^2]$ 改在前向递推 $q_{l+1} = n\sigma_w^2\,\mathbb{E}[f(z_l)^2]$ 的不动点 $q^*$ 处取值，而不是在零点（$q^*$ 是经过一层后保持不变的预激活值方差，代码把一层递推 `next_variance` 连续做 100 次求得）；再乘上因第 1 层输入较大而来的因子 $2^{1/49}$。修正后的每个预测值与实测因子都相差不到 0.5%。

# %%
scale, n_var, predicted, measured = words("depth_sigmoid_columns").split("|")
say("depth_sigmoid_header", scale=scale, n_var=n_var, predicted=predicted, measured=measured)
for init in INIT_STD:
    n_var_w = width * INIT_STD[init](width) ** 2
    g = r[f"sigmoid_{init}_grad"]
    say("depth_sigmoid_row", scale=f"{words('act_sigmoid')} {words('init_' + init)}", n_var=n_var_w, predicted=np.sqrt(n_var_w) / 4,
        measured=(g[0] / g[-1]) ** (1 / (depth - 1)))
for init in INIT_STD:
    n_var_w, q = width * INIT_STD[init](width) ** 2, 1.0
    for _ in range(100):
        q = next_variance("sigmoid", n_var_w, q)
    slope = gaussian_expectation(lambda z: sigmoid_prime(z) ** 2, q)
    g = r[f"sigmoid_{init}_grad"]
    say("depth_sigmoid_corrected", scale=f"{words('act_sigmoid')} {words('init_' + init)}", q=q, slope=slope,
        corrected=np.sqrt(n_var_w * slope) * 2 ** (1 / (depth - 1)), measured=(g[0] / g[-1]) ** (1 / (depth - 1)))

# %% [markdown]
# 前向传播里也是同样的乘积，体现在每一层输出 $h_l$ 的标准差上（对所有单元和所有输入合并计算，即下面的“输出标准差”）。用 Xavier 初始化时，ReLU 的激活值每层大约缩小为原来的 $1/\sqrt{2}$；小尺度下的 tanh 网络几乎就是一个线性网络，激活值每层缩小为原来的 $\sqrt{0.0256} = 0.16$ 倍。用 He 初始化时，tanh 的输出稳定在前向递推的不动点上（预激活值方差约 0.62，对应输出标准差 $\sqrt{\mathbb{E}[\tanh^2 z]} \approx 0.56$；递推式的推导见[《初始化要看激活函数》](../blog/posts/initialisation.md#forward-recursion)）。在这次抽样（种子 0）里，ReLU 的输出平均每层只漂移不到 2%，累积 50 层就缩小了约一半。对 ReLU 来说，连漂移的方向都取决于随机抽样：这里输出逐层变小，而[动手试试](#try-this)中的种子 1 让它们逐层变大。

# %%
for act, init in (("relu", "xavier"), ("tanh", "small"), ("relu", "he"), ("tanh", "he")):
    std = r[f"{act}_{init}_std"]
    say("depth_std", key=f"{words('act_' + act)} {words('init_' + init)}", first=std[0], last=std[-1], factor=(std[-1] / std[0]) ** (1 / (depth - 1)))

# %% [markdown]
# 最后来看文章中[“停滞的层对训练意味着什么”](../blog/posts/when-gradients-vanish.md#stalled-layers)一节里的深层 sigmoid 分类器：10 个输入、8 个隐藏层（每层 64 个单元）、10 个输出，用 Xavier 初始化。下面看的是它还停在随机初始权重时的样子。对每个隐藏层，先算每个单元的输出在 4000 个训练样本上的标准差，再对单元取平均：这个数衡量的是，不同输入在这一层的输出彼此相差多少。从第 2 个隐藏层起，行末 × 后面的数是它相对前一层变化的倍数：每层都缩小到约四分之一。

# %%
X, y = voronoi(seed=400)
net = MLP.create(stalled_layers.SIZES, "sigmoid", "xavier", seed=stalled_layers.SEED)
_, hs = net.forward(X)
spread = np.array([h.std(axis=0).mean() for h in hs[1:]])
for layer, (h, s) in enumerate(zip(hs[1:], spread), start=1):
    change = "" if layer == 1 else sentence("depth_change", factor=s / spread[layer - 2])
    say("depth_layer", layer=layer, mean=h.mean(), spread=s, change=change)

_, grads_W, _ = net.loss_and_grads(X, y)
say("depth_grad_norms")
for layer, g in enumerate(grads_W, start=1):
    label = sentence("depth_grad_output" if layer == len(grads_W) else "depth_grad_layer", layer=layer)
    say("depth_grad_row", label=label, norm=np.linalg.norm(g))
share = np.bincount(y).max() / len(y)
say("depth_common_class", share=share, error=1 - share)

# %% [markdown]
# 第一层的梯度约为 $3 \times 10^{-6}$，只有输出层的约 37 万分之一。最后一行的误差 0.834，正是[文章里训练后的网络停住的地方](../blog/posts/when-gradients-vanish.md#stalled-layers)：不比一律回答最常见的类别更好。
#
# 上面三组结果里起作用的是同一个乘积：它在反向传播时让梯度逐层缩小，在尺度太小时让前向的信号逐层缩小；在 sigmoid 分类器里，它让不同输入之间的差别逐层缩小，到最后一个隐藏层，无论输入是什么，看到的几乎都是同一个向量。
#
# ## 动手试试 { #try-this }
#
# 1.79 这个比值只属于一次随机抽样（种子 0）；下面的代码改用种子 1，再用 Xavier 初始化把种子 1 的这次抽样重跑一遍，并打印前向传播的输出标准差。改动 `seed`，就会重新抽取权重、输入和顶层梯度；也可以换一种激活函数和权重尺度（`"sigmoid"`、`"tanh"`、`"relu"`；`"small"`、`"xavier"`、`"he"`），看看哪些数会变，哪些不会。

# %%
activation, init, seed = "relu", "he", 1
run = layer_gradient_norms(activation, init, seed=seed)
g, std = run["grad_norm"], run["output_std"]
say("depth_try", label=f"{words('act_' + activation)} {words('init_' + init)}", seed=seed,
    first=g[0], last=g[-1], ratio=g[0] / g[-1])
other = layer_gradient_norms(activation, "xavier", seed=seed)["grad_norm"]
say("depth_try", label=f"{words('act_' + activation)} {words('init_xavier')}", seed=seed,
    first=other[0], last=other[-1], ratio=other[0] / other[-1])
say("depth_std", key=f"{words('act_' + activation)} {words('init_' + init)}", first=std[0], last=std[-1],
    factor=(std[-1] / std[0]) ** (1 / (depth - 1)))

# %% [markdown]
# ## 亲手重跑 { #rerun-this }
#
# 怎样在自己的电脑上改动并重跑这个笔记本，见[《本站是怎样构建的》](../how-this-site-is-built.md#run-it)。
