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
# 学习率的网格只到 0.1。换一个更大的学习率，或者换一个种子，看看 ReLU 的领先是否继续缩小。

# %%
lr, seed = 0.3, 0
for key in ("relu", "tanh"):
    curve = training_speed.error_curve(key, lr, seed, stop_at_target=True)
    say("speed_try", lr=lr, seed=seed, key=words("act_" + key), reach=training_speed.iterations_to_target(curve))

# %% [markdown]
# ## 亲手重跑 { #rerun-this }
#
# 本页是运行笔记本 `docs/zh/content/notebooks/training-speed.py` 的结果，它是一个 jupytext 百分号格式的普通 Python 文件。想自己运行，先克隆代码仓库：`git clone https://github.com/activation-functions/activation-functions`，再在仓库目录里运行 `make serve`，它会装好一切，并在 <http://127.0.0.1:8000/> 上提供本站。然后改动这个笔记本并保存，页面就会重新运行它并自动刷新。想脱离本站单独运行，就在它所在的目录里把它当作脚本执行：`cd docs/zh/content/notebooks && ../../../../.venv/bin/python training-speed.py`。
