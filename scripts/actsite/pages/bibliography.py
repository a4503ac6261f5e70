"""The works the reference page cites for each activation function, in one citation style.

Style, in both languages: ``Authors (year). Title. Venue. link``, the link a DOI, arXiv or
official address (in Chinese ``Authors（year）。Title. Venue。link``); titles in title case, as the
catalogue pages cite them, and no full stop after a title that ends in "?" or "!".  An activation function names its works by key (``first_appeared`` and
``popularised_by`` in :mod:`actsite.maths.functions`), and so do gated units and output functions
(``cited``); this module holds the works, renders the citations, and lists the works a page cites.
Every string is escaped by construction: the works are data, the Markdown is built here.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass

MARKER = "<!-- reference-works -->"
CITATION = re.compile(r'href="#ref-(\w+)"')     # a short citation's link to anchor(key)


@dataclass(frozen=True)
class Work:
    authors: str        # as printed: "K. Fukushima", "V. Nair and G. E. Hinton"
    year: int
    title: str
    venue: str
    link: str           # https://doi.org/..., https://arxiv.org/abs/... or an official address
    short: str          # the in-text form: "Fukushima", "Nair and Hinton", "He et al."


def anchor(key: str) -> str:
    """The id of a work's entry in the list; short citations link to it."""
    return f"ref-{key}"


WORKS: dict[str, Work] = {
    "rumelhart1986": Work(
        "D. E. Rumelhart, G. E. Hinton and R. J. Williams", 1986,
        "Learning Representations by Back-Propagating Errors", "Nature 323, 533–536",
        "https://doi.org/10.1038/323533a0", "Rumelhart et al."),
    "lecun1998": Work(
        "Y. LeCun, L. Bottou, G. B. Orr and K.-R. Müller", 1998, "Efficient BackProp",
        "In Neural Networks: Tricks of the Trade, LNCS 1524, Springer, 9–50",
        "https://doi.org/10.1007/3-540-49430-8_2", "LeCun et al."),
    "fukushima1969": Work(
        "K. Fukushima", 1969,
        "Visual Feature Extraction by a Multilayered Network of Analog Threshold Elements",
        "IEEE Transactions on Systems Science and Cybernetics 5(4), 322–333",
        "https://doi.org/10.1109/TSSC.1969.300225", "Fukushima"),
    "fukushima1980": Work(
        "K. Fukushima", 1980,
        "Neocognitron: A Self-Organizing Neural Network Model for a Mechanism of Pattern "
        "Recognition Unaffected by Shift in Position", "Biological Cybernetics 36, 193–202",
        "https://doi.org/10.1007/BF00344251", "Fukushima"),
    "hahnloser2000": Work(
        "R. H. R. Hahnloser, R. Sarpeshkar, M. A. Mahowald, R. J. Douglas and H. S. Seung", 2000,
        "Digital Selection and Analogue Amplification Coexist in a Cortex-Inspired Silicon Circuit",
        "Nature 405, 947–951", "https://doi.org/10.1038/35016072", "Hahnloser et al."),
    "jarrett2009": Work(
        "K. Jarrett, K. Kavukcuoglu, M. Ranzato and Y. LeCun", 2009,
        "What Is the Best Multi-Stage Architecture for Object Recognition?", "ICCV 2009, 2146–2153",
        "https://doi.org/10.1109/ICCV.2009.5459469", "Jarrett et al."),
    "nair2010": Work(
        "V. Nair and G. E. Hinton", 2010, "Rectified Linear Units Improve Restricted Boltzmann Machines",
        "ICML 2010, 807–814", "https://icml.cc/Conferences/2010/papers/432.pdf", "Nair and Hinton"),
    "glorot2011": Work(
        "X. Glorot, A. Bordes and Y. Bengio", 2011, "Deep Sparse Rectifier Neural Networks",
        "AISTATS 2011, PMLR 15, 315–323", "https://proceedings.mlr.press/v15/glorot11a.html",
        "Glorot et al."),
    "maas2013": Work(
        "A. L. Maas, A. Y. Hannun and A. Y. Ng", 2013,
        "Rectifier Nonlinearities Improve Neural Network Acoustic Models", "ICML 2013 workshop",
        "https://ai.stanford.edu/~amaas/papers/relu_hybrid_icml2013_final.pdf", "Maas et al."),
    "goodfellow2013": Work(
        "I. J. Goodfellow, D. Warde-Farley, M. Mirza, A. Courville and Y. Bengio", 2013,
        "Maxout Networks", "ICML 2013", "https://arxiv.org/abs/1302.4389", "Goodfellow et al."),
    "he2015": Work(
        "K. He, X. Zhang, S. Ren and J. Sun", 2015,
        "Delving Deep into Rectifiers", "ICCV 2015",
        "https://arxiv.org/abs/1502.01852", "He et al."),
    "xu2015": Work(
        "B. Xu, N. Wang, T. Chen and M. Li", 2015,
        "Empirical Evaluation of Rectified Activations in Convolutional Network", "arXiv preprint",
        "https://arxiv.org/abs/1505.00853", "Xu et al."),
    "clevert2016": Work(
        "D.-A. Clevert, T. Unterthiner and S. Hochreiter", 2016,
        "Fast and Accurate Deep Network Learning by Exponential Linear Units (ELUs)", "ICLR 2016",
        "https://arxiv.org/abs/1511.07289", "Clevert et al."),
    "klambauer2017": Work(
        "G. Klambauer, T. Unterthiner, A. Mayr and S. Hochreiter", 2017,
        "Self-Normalizing Neural Networks", "NIPS 2017", "https://arxiv.org/abs/1706.02515",
        "Klambauer et al."),
    "dugas2001": Work(
        "C. Dugas, Y. Bengio, F. Bélisle, C. Nadeau and R. Garcia", 2001,
        "Incorporating Second-Order Functional Knowledge for Better Option Pricing",
        "Advances in Neural Information Processing Systems 13, 472–478",
        "https://papers.nips.cc/paper/1920-incorporating-second-order-functional-knowledge-for-better-option-pricing",
        "Dugas et al."),
    "hendrycks2016": Work(
        "D. Hendrycks and K. Gimpel", 2016, "Gaussian Error Linear Units (GELUs)", "arXiv preprint",
        "https://arxiv.org/abs/1606.08415", "Hendrycks and Gimpel"),
    "radford2018": Work(
        "A. Radford, K. Narasimhan, T. Salimans and I. Sutskever", 2018,
        "Improving Language Understanding by Generative Pre-Training", "OpenAI technical report",
        "https://cdn.openai.com/research-covers/language-unsupervised/language_understanding_paper.pdf",
        "Radford et al."),
    "devlin2019": Work(
        "J. Devlin, M.-W. Chang, K. Lee and K. Toutanova", 2019,
        "BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding",
        "NAACL 2019, 4171–4186", "https://doi.org/10.18653/v1/N19-1423", "Devlin et al."),
    "openai2018": Work(
        "OpenAI", 2018, "finetune-transformer-lm",
        "GitHub repository, code released with GPT, file `train.py`, function `gelu`",
        "https://github.com/openai/finetune-transformer-lm/blob/master/train.py", "OpenAI"),
    "openai2019": Work(
        "OpenAI", 2019, "gpt-2", "GitHub repository, code released with GPT-2, file `src/model.py`, function `gelu`",
        "https://github.com/openai/gpt-2/blob/master/src/model.py", "OpenAI"),
    "elfwing2018": Work(
        "S. Elfwing, E. Uchibe and K. Doya", 2018,
        "Sigmoid-Weighted Linear Units for Neural Network Function Approximation in Reinforcement Learning",
        "Neural Networks 107, 3–11", "https://doi.org/10.1016/j.neunet.2017.12.012", "Elfwing et al."),
    "ramachandran2017": Work(
        "P. Ramachandran, B. Zoph and Q. V. Le", 2017, "Searching for Activation Functions",
        "arXiv preprint", "https://arxiv.org/abs/1710.05941", "Ramachandran et al."),
    "misra2020": Work(
        "D. Misra", 2020, "Mish: A Self Regularized Non-Monotonic Activation Function", "BMVC 2020",
        "https://arxiv.org/abs/1908.08681", "Misra"),
    "bochkovskiy2020": Work(
        "A. Bochkovskiy, C.-Y. Wang and H.-Y. M. Liao", 2020,
        "YOLOv4: Optimal Speed and Accuracy of Object Detection", "arXiv preprint",
        "https://arxiv.org/abs/2004.10934", "Bochkovskiy et al."),
    "theano2013": Work(
        "Theano developers", 2013,
        "Add, Document and Test hard_sigmoid", "Theano source code, commit cb6e3a078 (2013-05-27), GitHub",
        "https://github.com/Theano/Theano/commit/cb6e3a078", "Theano developers"),
    "courbariaux2015": Work(
        "M. Courbariaux, Y. Bengio and J.-P. David", 2015,
        "BinaryConnect: Training Deep Neural Networks with Binary Weights during Propagations",
        "NIPS 2015", "https://arxiv.org/abs/1511.00363", "Courbariaux et al."),
    "howard2019": Work(
        "A. Howard, M. Sandler, G. Chu, L.-C. Chen, B. Chen, M. Tan, W. Wang, Y. Zhu, R. Pang, "
        "V. Vasudevan, Q. V. Le and H. Adam", 2019, "Searching for MobileNetV3", "ICCV 2019",
        "https://arxiv.org/abs/1905.02244", "Howard et al."),
    "sandler2018": Work(
        "M. Sandler, A. Howard, M. Zhu, A. Zhmoginov and L.-C. Chen", 2018,
        "MobileNetV2: Inverted Residuals and Linear Bottlenecks", "CVPR 2018",
        "https://arxiv.org/abs/1801.04381", "Sandler et al."),
    "krizhevsky2010": Work(
        "A. Krizhevsky", 2010, "Convolutional Deep Belief Networks on CIFAR-10",
        "Unpublished technical report, University of Toronto",
        "https://www.cs.toronto.edu/~kriz/conv-cifar10-aug2010.pdf", "Krizhevsky"),
    "collobert2004": Work(
        "R. Collobert", 2004, "Large Scale Machine Learning", "PhD thesis, Université Paris VI",
        "https://ronan.collobert.com/pub/matos/2004_phdthesis_lip6.pdf", "Collobert"),
    "elliott1993": Work(
        "D. L. Elliott", 1993, "A Better Activation Function for Artificial Neural Networks",
        "ISR Technical Report TR 93-8, University of Maryland",
        "https://citeseerx.ist.psu.edu/viewdoc/summary?doi=10.1.1.46.7204", "Elliott"),
    "glorot2010": Work(
        "X. Glorot and Y. Bengio", 2010,
        "Understanding the Difficulty of Training Deep Feedforward Neural Networks",
        "AISTATS 2010, PMLR 9, 249–256", "https://proceedings.mlr.press/v9/glorot10a.html",
        "Glorot and Bengio"),
    "dauphin2017": Work(
        "Y. N. Dauphin, A. Fan, M. Auli and D. Grangier", 2017,
        "Language Modeling with Gated Convolutional Networks", "ICML 2017, PMLR 70, 933–941",
        "https://arxiv.org/abs/1612.08083", "Dauphin et al."),
    "mnih2007": Work(
        "A. Mnih and G. E. Hinton", 2007, "Three New Graphical Models for Statistical Language Modelling",
        "ICML 2007, 641–648", "https://doi.org/10.1145/1273496.1273577", "Mnih and Hinton"),
    "shazeer2020": Work(
        "N. Shazeer", 2020, "GLU Variants Improve Transformer", "arXiv preprint",
        "https://arxiv.org/abs/2002.05202", "Shazeer"),
    "bridle1990": Work(
        "J. S. Bridle", 1990,
        "Probabilistic Interpretation of Feedforward Classification Network Outputs, with Relationships "
        "to Statistical Pattern Recognition", "Neurocomputing, NATO ASI Series F68, Springer, 227–236",
        "https://doi.org/10.1007/978-3-642-76153-9_28", "Bridle"),
    "hinton2015": Work(
        "G. E. Hinton, O. Vinyals and J. Dean", 2015, "Distilling the Knowledge in a Neural Network",
        "arXiv preprint", "https://arxiv.org/abs/1503.02531", "Hinton et al."),
}

YEAR = {"zh": "{short}（{year}）", "en": "{short} ({year})"}
VENUE_ZH = (("arXiv preprint", "arXiv 预印本"), ("OpenAI technical report", "OpenAI 技术报告"),
            ("PhD thesis", "博士论文"), ("Université Paris VI", "巴黎第六大学"), ("ICML 2013 workshop", "ICML 2013 研讨会"),
            ("ISR Technical Report", "ISR 技术报告"), ("University of Maryland", "马里兰大学"),
            ("GitHub repository, ", "GitHub 代码仓库，"), ("code released with GPT-2", "随 GPT-2 公开的代码"),
            ("code released with GPT", "随 GPT 公开的代码"), (", file `", "，文件 `"), ("`, function `", "` 中的函数 `"), ("Theano source code, commit", "Theano 源代码，提交"),
            (" (2013-05-27), GitHub", "（2013-05-27），GitHub"), ("Unpublished technical report", "未发表的技术报告"),
            (", University of Toronto", "，多伦多大学"), ("In Neural Networks", "收于 Neural Networks"), ("博士论文, ", "博士论文，"), ("TR 93-8, ", "TR 93-8，"))


def venue(text: str, lang: str) -> str:
    """A venue with its descriptive words in the page's language (names and titles stay as they are);
    in Chinese its parts are separated by "，", as in the hand-written lists ("Nature 323，533–536")."""
    if lang == "zh":
        for english, chinese in VENUE_ZH:
            text = text.replace(english, chinese)
        text = text.replace(", ", "，")
    return text


def names(text: str, lang: str) -> str:
    """Author names as a Chinese reader writes them: "A、B 和 C" lists, "等" for "et al."."""
    if lang != "zh":
        return text
    text = text.replace(" et al.", " 等").replace(" developers", " 开发者")
    people = [p for part in text.split(", ") for p in part.split(" and ")]
    return "、".join(people) if len(people) > 2 or "." in people[0] else " 和 ".join(people)
SEPARATOR = {"zh": "；", "en": "; "}


def first_year(keys: tuple[str, ...]) -> int | None:
    """The year of the earliest of these works (an activation's first_appeared); None if there are none."""
    return min((WORKS[key].year for key in keys), default=None)


def short_citation(key: str, lang: str) -> str:
    """``Fukushima (1969)``, linked to the work's entry in the list at the foot of the page."""
    work = WORKS[key]
    short = names(work.short, lang)
    if lang == "zh" and short.endswith(" 等"):
        short += "人"             # in running text "He 等人（2015）"; the list of works keeps "等"
    text = html.escape(YEAR[lang].format(short=short, year=work.year))
    return f'<a href="#{anchor(key)}">{text}</a>'


def short_citations(keys: tuple[str, ...], lang: str) -> str:
    return SEPARATOR[lang].join(short_citation(key, lang) for key in keys)


def title_sentence(title: str) -> str:
    """A title closed by a full stop, unless it already ends in "?" or "!"."""
    return title if title.endswith(("?", "!")) else title + "."


CODE = re.compile(r"`([^`<>]+)`")      # a file or function name in a venue, set as code as on the hand-written lists
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def full_stop(text: str, lang: str) -> str:
    """``text`` closed as a Chinese reader expects: "。" (no space after it) after a Chinese character
    or a full-width bracket, ". " after Latin text, which keeps its own punctuation."""
    return f"{text}。" if lang == "zh" and CJK.match(text[-1]) else f"{text}. "


def entry(key: str, lang: str) -> str:
    """One list entry: ``Authors (year). Title. Venue. link``, as escaped HTML.  In Chinese the year is
    in full-width brackets and the year and the venue are each closed by "。", whether the venue ends
    in Chinese words ("arXiv 预印本。") or in Latin ones ("ICLR 2015。"); the title, quoted as
    published, keeps its own punctuation."""
    work = WORKS[key]
    year = f"（{work.year}）" if lang == "zh" else f" ({work.year})"
    link = html.escape(work.link, quote=True)
    head = full_stop(names(work.authors, lang) + year, lang)
    place = CODE.sub(r"<code>\1</code>", html.escape(venue(work.venue, lang) + ("。" if lang == "zh" else ". ")))
    return (f'<li id="{anchor(key)}">{html.escape(head)}{html.escape(title_sentence(work.title))} '
            f'{place}<a href="{link}">{html.escape(work.link)}</a></li>')


def works_list(keys: list[str], lang: str) -> str:
    """The numbered list of ``keys`` (each once, in the order given), as an HTML block."""
    unique = list(dict.fromkeys(keys))
    unknown = [key for key in unique if key not in WORKS]
    if unknown:
        raise KeyError(f"no work declared in actsite/pages/bibliography.py for {', '.join(unknown)}")
    return '<ol class="references">\n' + "\n".join(entry(key, lang) for key in unique) + "\n</ol>"


def expand(markdown: str, lang: str) -> str:
    """Replace the marker with the list of every work the page's generated text cites, in order."""
    if MARKER not in markdown:
        return markdown
    return markdown.replace(MARKER, works_list(CITATION.findall(markdown), lang))
