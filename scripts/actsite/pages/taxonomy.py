"""Blog categories and tags, declared once with their names in both languages.

A post names its categories and tags in its own language; both languages map a name to the
same slug, so a category page has the same path in both (``blog/category/<slug>/``), a tag the
same anchor on the tags page (``tags/#tag:<slug>``), and the language switch keeps the reader on it.  An undeclared name stops the build and says where to
declare it.
"""
from __future__ import annotations

CATEGORIES: dict[str, dict[str, str]] = {
    "foundations": {"zh": "基础", "en": "Foundations"},
    "training": {"zh": "训练", "en": "Training"},
}
TAGS: dict[str, dict[str, str]] = {
    "sigmoid": {"zh": "sigmoid", "en": "sigmoid"},
    "tanh": {"zh": "tanh", "en": "tanh"},
    "relu": {"zh": "ReLU", "en": "ReLU"},
    "leaky-relu": {"zh": "Leaky ReLU", "en": "Leaky ReLU"},
    "selu": {"zh": "SELU", "en": "SELU"},
    "dead-units": {"zh": "死亡单元", "en": "dead units"},
    "expressiveness": {"zh": "表达能力", "en": "expressiveness"},
    "saturation": {"zh": "饱和", "en": "saturation"},
    "backpropagation": {"zh": "反向传播", "en": "backpropagation"},
    "optimisation": {"zh": "优化", "en": "optimisation"},
    "vanishing-gradients": {"zh": "梯度消失", "en": "vanishing gradients"},
    "initialisation": {"zh": "初始化", "en": "initialisation"},
    "batch-normalisation": {"zh": "批归一化", "en": "batch normalisation"},
    "sparsity": {"zh": "稀疏性", "en": "sparsity"},
    "neuroscience": {"zh": "神经科学", "en": "neuroscience"},
}


def _slug_of(table: dict[str, dict[str, str]], kind: str, name: str) -> str:
    for slug, names in table.items():
        if name in names.values():
            return slug
    raise ValueError(f"unknown {kind} {name!r}: declare it, with its name in both languages, "
                     "in scripts/actsite/pages/taxonomy.py")


def category_slug(name: str, separator: str = "-") -> str:
    """Material's ``categories_slugify``: the declared slug of a category named in either language."""
    return _slug_of(CATEGORIES, "category", name)


def tag_slug(name: str, separator: str = "-") -> str:
    """Material's ``tags_slugify``: the declared slug of a tag named in either language."""
    return _slug_of(TAGS, "tag", name)
