# %% [markdown]
# # 笔记本：ReLU 与 tanh，达到 25% 误差所需的迭代次数 { #notebook-training-speed }
#
# 这个笔记本打印文章[《ReLU、稀疏编码与大脑：三种说法各站得住几分？》](../blog/posts/relu-sparsity-biology.md)中“训练更快”一节用到的数字。一个 10-128-128-128-10 的网络在人工构造的十分类任务上用带动量 0.9 的 SGD 训练，每个学习率跑三个种子；每 25 次迭代检查一次训练误差，记下误差首次不超过 25% 的那次检查。

# %%
import numpy as np

from actsite.experiments import training_speed
from actsite.experiments.cache import cached
from actsite.pages.notebook_text import say, words

r = cached("training_speed")
say("speed_setup", sizes=training_speed.SIZES, every=int(r["every"]))
for i, lr in enumerate(r["learning_rates"]):
    for j, seed in enumerate(r["seeds"]):
        relu_t, tanh_t = r["reach_relu"][i, j], r["reach_tanh"][i, j]
        say("speed_row", lr=lr, seed=seed, relu=relu_t, tanh=tanh_t, ratio=tanh_t / relu_t)

# %% [markdown]
# 文章用三个种子的中位数之比来概括每个学习率，并仿照 Krizhevsky 等人的图 1，取试过的三个学习率中各自最好的那个再比较一次。

# %%
relu_median = np.median(r["reach_relu"], axis=1)
tanh_median = np.median(r["reach_tanh"], axis=1)
for lr, a, b in zip(r["learning_rates"], relu_median, tanh_median):
    say("speed_median", lr=lr, relu=a, tanh=b, rho=b / a)
best_relu, best_tanh = relu_median.min(), tanh_median.min()
say("speed_best", tanh=best_tanh, relu=best_relu, ratio=best_tanh / best_relu)

# %% [markdown]
# 学习率 0.03 下的完整误差曲线也记录了下来。两种激活的中位数曲线各在何时首次降到 25%？

# %%
for key in ("relu", "tanh"):
    curve = np.median(r[f"curve_{key}"], axis=0)
    say("speed_curve", key=words("act_" + key), reach=training_speed.iterations_to_target(curve), error=curve[-1])

# %% [markdown]
# ## 动手试试 { #try-this }
#
# 学习率的网格只到 0.1。再大一档，取 0.3：这回谁更快？也可以换一个种子试试。

# %%
lr, seed = 0.3, 0
for key in ("relu", "tanh"):
    curve = training_speed.error_curve(key, lr, seed, stop_at_target=True)
    say("speed_try", lr=lr, seed=seed, key=words("act_" + key), reach=training_speed.iterations_to_target(curve))

# %% [markdown]
# 在 0.3 下，tanh 反而快了一倍多；另外两个种子里也是 tanh 先到，速度约为 ReLU 的两倍。ReLU 的领先只在较小的学习率下成立，连方向都取决于学习率。

# %% [markdown]
# ## 亲手重跑 { #rerun-this }
#
# 怎样在自己的电脑上改动并重跑这个笔记本，见[《本站是怎样构建的》](../how-this-site-is-built.md#run-it)。
