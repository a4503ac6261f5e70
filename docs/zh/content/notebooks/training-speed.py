# %% [markdown]
# # 笔记本：ReLU 与 tanh，达到 25% 误差所需的步数 { #notebook-training-speed }
#
# ReLU 降到 25% 的训练误差所需的步数比 tanh 少吗？在每个学习率下都是这样吗？任务是人工构造的：从 10 维标准正态分布中抽取 4000 个点；100 个随机中心各自随机分到 10 个类别中的一个，每个点的类别就是离它最近的那个中心的类别。
#
# 一个 10-128-128-128-10 的网络（ReLU 用 [He 初始化](../blog/posts/initialisation.md#he)，tanh 用 [LeCun 初始化](../blog/posts/initialisation.md#lecun)）在这个任务上用随机梯度下降（SGD）训练，[小批量](../glossary.md#mini-batch)大小 128，带[动量](../glossary.md#momentum) 0.9（每次更新都保留上一次更新的大部分）。学习率 η 取 0.01、0.03、0.1 三档，每档用三个随机种子各训练一次，每个种子各自抽取数据集、初始权重和小批量的顺序。
#
# 每 25 步（一步即在一个小批量上做一次 SGD 更新）检查一次训练误差，记下它第一次降到 25% 或以下时的步数。[Krizhevsky、Sutskever 和 Hinton（2012）](https://papers.nips.cc/paper/2012/hash/c399862d3b9d6b76c8436e924a68c45b-Abstract.html)比较 ReLU 与 tanh 的快慢时，计时的也是训练误差降到 25% 所需的时间。他们在 CIFAR-10 上用一个四层卷积网络测得，ReLU 版本的速度是 tanh 版本的六倍。这个笔记本打印文章《ReLU、稀疏编码与大脑：三种说法各站得住几分？》中[“训练更快”一节](../blog/posts/relu-sparsity-biology.md#training-speed)用到的数字。最后一部分追问 η = 0.3 时 ReLU 为什么落后：它统计死亡单元，并检验动量的作用。

# %%
from actsite.experiments import training_speed
from actsite.experiments.cache import cached
from actsite.pages.notebook_text import say, words

import numpy as np

r = cached("training_speed")
say("speed_setup", sizes="-".join(map(str, training_speed.SIZES)), every=int(r["every"]))
for i, lr in enumerate(r["learning_rates"]):
    for j, seed in enumerate(r["seeds"]):
        relu_t, tanh_t = r["reach_relu"][i, j], r["reach_tanh"][i, j]
        say("speed_row", lr=lr, seed=seed, relu=relu_t, tanh=tanh_t, ratio=tanh_t / relu_t)

# %% [markdown]
# 在上面三个学习率的每个种子下，都是 ReLU 先降到 25%，只有 η = 0.1 时有一个种子两者打平。
#
# [文章](../blog/posts/relu-sparsity-biology.md#training-speed)用 $\rho$ 来概括每个学习率：tanh 在三个种子上所需步数的中位数，除以 ReLU 的中位数（所以 $\rho > 1$ 表示 ReLU 先到）。文章还仿照 Krizhevsky 等人的图 1，让两种激活函数各取自己最好的学习率，再比较一次。学习率越大，ReLU 的领先越小：$\rho$ 从 η = 0.01 时的 2.15 降到 η = 0.1 时的 1.20。两种激活函数都在 η = 0.1 时最快；在[下面再跑的 η = 0.3](#beyond-the-grid) 下，两者都更慢，所以四个学习率里最好的仍是 η = 0.1。

# %%
relu_median = np.median(r["reach_relu"], axis=1)
tanh_median = np.median(r["reach_tanh"], axis=1)
for lr, a, b in zip(r["learning_rates"], relu_median, tanh_median):
    say("speed_median", lr=lr, relu=a, tanh=b, rho=b / a)
best_relu, best_tanh = relu_median.min(), tanh_median.min()
say("speed_best", tanh=best_tanh, relu=best_relu, ratio=best_tanh / best_relu)

# %% [markdown]
# 所以，各取最好的学习率相比，这里 ReLU 的速度约为 tanh 的 1.2 倍，而 Krizhevsky 等人的卷积网络是六倍；到了 η = 0.3，反倒是 tanh 更快。如何看待这个差距，见[文章](../blog/posts/relu-sparsity-biology.md#training-speed)中的讨论。
#
# 完整的误差曲线（共 1000 步）记录在 η = 0.03 下，也就是文章里误差曲线图所用的学习率。两种激活函数的中位数曲线各在何时首次降到 25%？

# %%
for key in ("relu", "tanh"):
    curve = np.median(r[f"curve_{key}"], axis=0)
    say("speed_curve", key=words("act_" + key), reach=training_speed.steps_to_target(curve), error=curve[-1])

# %% [markdown]
# ## 再大一档：η = 0.3 { #beyond-the-grid }
#
# 上面这些实验和文章里的图一样，只到 η = 0.1；文章的表格还列出了 η = 0.3 这一档，下面的代码就跑这一档。这时快慢颠倒了：每个种子都是 tanh 先降到 25%，速度约为 ReLU 的两倍；ReLU 所需的步数则是 η = 0.1 时的四到五倍。

# %%
reach = {(key, seed): training_speed.steps_to_target(
             training_speed.error_curve(key, 0.3, seed, stop_at_target=True))
         for key in ("relu", "tanh") for seed in training_speed.SEEDS}
for seed in training_speed.SEEDS:
    relu_t, tanh_t = reach["relu", seed], reach["tanh", seed]
    say("speed_row", lr=0.3, seed=seed, relu=relu_t, tanh=tanh_t, ratio=tanh_t / relu_t)

# %% [markdown]
# η = 0.3 时，还有不少 ReLU 单元死亡；这是不是变慢的原因，这几次训练无法判断。如果一个 ReLU 单元在每个训练样本上的预激活值都不大于 0，它就成了**死亡单元**：输出恒为 0，输入权重得不到任何梯度（见[《ReLU 单元为何会死，如何让它们活下来》](../blog/posts/dead-relu-units.md#dead-relu)）。数一数前十步之后第 2 个隐藏层（那篇文章统计的也是这一层）里的死亡单元：

# %%
shares = {(lr, seed): training_speed.dead_share(lr, seed, 10) for lr in (0.1, 0.3) for seed in training_speed.SEEDS}
for (lr, seed), share in shares.items():
    say("speed_dead", lr=lr, seed=seed, steps=10, share=share)

# %% [markdown]
# η = 0.1 时，这一层没有一个单元死亡；η = 0.3 时，前十步就让其中 30% 到 45% 的单元死亡，种子 0 在第 100 步有 46% 处于死亡状态（见[动手试试](#try-this)）。tanh 单元不会这样死亡：tanh 的斜率从不恰好为零（不过 $|x| > 10$ 时已不到 $10^{-8}$，饱和的单元照样几乎学不动）；ReLU 的斜率则在整条负半轴上都恰好为零。
#
# 上面链接的那篇讲死亡单元的文章发现，η = 0.3 时几乎没有单元死亡。它的网络与这里的有几处不同：宽度（256）、深度（两个隐藏层）、小批量大小（64）、统计的时间（600 步之后），而且用的是不带动量的普通 SGD。这里检验的是动量这一处不同。
#
# ### 动量 { #momentum }
#
# 梯度保持不变时，动量 0.9 让第十步的更新量达到普通梯度步（η × 梯度）的约 6.5 倍（$1 + 0.9 + 0.9^2 + \dots + 0.9^9$，因为每次更新都加上上一次更新量的十分之九）。同样是 η = 0.3，这里每次更新的实际幅度比那篇讲死亡单元的文章里不带动量的训练大得多。去掉动量，以 η = 0.3 把同样的前十步再跑一遍：

# %%
for seed in training_speed.SEEDS:
    say("speed_dead_plain", lr=0.3, seed=seed, steps=10,
        share=training_speed.dead_share(0.3, seed, 10, momentum=0.0))

# %% [markdown]
# 不带动量时，这个网络以 η = 0.3 训练的前十步里，这一层同样没有单元死亡，可见在这十步里去掉动量就足以避免死亡；十步以后普通 SGD 能否让所有单元都活着，这里看不出来。
#
# ## 动手试试 { #try-this }
#
# 改一改学习率或种子，或者让网络多训练一会儿，看看会有多少单元死亡。

# %%
lr, seed, steps = 0.3, 0, 100
say("speed_dead", lr=lr, seed=seed, steps=steps, share=training_speed.dead_share(lr, seed, steps))

# %% [markdown]
# ## 亲手重跑 { #rerun-this }
#
# 怎样在自己的电脑上改动并重跑这个笔记本，见[《本站是怎样构建的》](../how-this-site-is-built.md#run-it)。
