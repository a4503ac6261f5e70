"""Every page stands on its own: no rebuttal of unseen texts, no build vocabulary, native Chinese layout.

These checks read every page in docs/ (Markdown pages and the notebooks' Markdown cells), so they
also guard pages written later. The phrase lists are meant to grow: when a review finds a new
way of arguing with a text the reader cannot see, add it here.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from actsite.pages.page_pairs import CODE, CONTENT, FRONT_MATTER, notebook_cells, pages

BUILD_PAGE = "how-this-site-is-built.md"

# Phrases that presume a text the reader has not seen. Lower-case; matched case-insensitively.
REBUTTAL = {
    "en": ("common telling", "usual telling", "many tellings", "the telling", "circulates widely",
           "relative to the common", "often stated wrongly", "in its usual form",
           "the version that circulates", "as usually stated", "## corrections"),
    "zh": ("常见讲法", "流行的讲法", "流行讲法", "流传的版本", "流传很广", "流传甚广", "不少讲法",
           "这类内容的", "常见的讲法", "通行的讲法", "## 勘误"),
}

# Words about how the site is made, which belong on the build page only.
BUILD_VOCABULARY = {
    "en": (re.compile(r"cached\("), re.compile(r"actsite"), re.compile(r"\bthe registry\b", re.I),
           re.compile(r"\bthe cache\b", re.I), re.compile(r"\bcached (experiment|result)", re.I),
           re.compile(r"the project's (experiment|code|MLP)", re.I)),
    "zh": (re.compile(r"cached\("), re.compile(r"actsite"), re.compile("注册表"), re.compile("缓存"),
           re.compile("项目代码"), re.compile("项目中的实验")),
}

# Terms with two spellings on Chinese pages: the left one is forbidden, the right one is used.
ZH_ONE_TERM = (("Z 字形", "之字形"), ("Z字形", "之字形"), ("巴拿赫", "Banach"),
               ("「", "“"), ("」", "”"))

HAN = re.compile(r"[\u4e00-\u9fff]")
INLINE_MATH_THEN_PUNCTUATION = re.compile(r"(?<![$\\])\$(?!\$)[^$\n]+\$[，。；：、]")
THOUSANDS = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d,])")
INLINE_CODE = re.compile(r"`[^`\n]*`")
INLINE_MATH = re.compile(r"(?<!\\)\$[^$\n]+\$")
INDENTED_CODE = re.compile(r"^( +)```[^\n]*\n.*?^\1```$", re.M | re.S)   # fenced code inside ??? / !!! blocks
DISPLAY_MATH_BLOCK = re.compile(r"^\$\$\n.*?\n\$\$$", re.M | re.S)
# Lines that start a Markdown block of their own, so a line break before them is not inside a paragraph.
BLOCK_START = re.compile(r"^(#|[-*+] |\d+\. |\||>|\$\$|!!!|\?\?\?|<|!\[|\[\^|```|~~~|---$)")


def reader_pages(lang: str) -> list[str]:
    return sorted(pages(lang))


def prose(lang: str, page: str) -> str:
    """What a reader of the page reads as text: front matter and fenced code removed."""
    text = (CONTENT[lang] / page).read_text(encoding="utf-8")
    if page.endswith(".py"):
        text = "\n\n".join(notebook_cells(text)[0])
    text = FRONT_MATTER.sub("", text)
    return INDENTED_CODE.sub("", CODE.sub("", text))


def numbered(lang: str, page: str, pattern: re.Pattern) -> list[str]:
    """`page:line: text` for each source line of the page's prose that matches pattern."""
    return [f"{lang}/{page}:{number}: {line.strip()[:120]}"
            for number, line in enumerate(prose(lang, page).splitlines(), 1) if pattern.search(line)]


# Defects found on pages owned elsewhere, left for their owners. strict: once a page is fixed its
# entry must go, so this list can only shrink.
KNOWN: dict[tuple[str, str, str], str] = {}


def cases(check: str, pairs) -> list:
    return [pytest.param(lang, page, marks=pytest.mark.xfail(strict=True, reason=KNOWN[check, lang, page]))
            if (check, lang, page) in KNOWN else pytest.param(lang, page) for lang, page in pairs]


ALL = [(lang, page) for lang in CONTENT for page in reader_pages(lang)]
ZH = [page for page in reader_pages("zh")]


def test_there_are_pages_to_check():
    assert len(ZH) >= 10 and any(page.startswith("blog/posts/") for page in ZH)


@pytest.mark.parametrize("lang,page", ALL)
def test_no_rebuttal_of_an_unseen_text(lang, page):
    pattern = re.compile("|".join(re.escape(p) for p in REBUTTAL[lang]), re.I)
    assert numbered(lang, page, pattern) == []


@pytest.mark.parametrize("lang,page", cases("build vocabulary", [(lang, page) for lang, page in ALL if page != BUILD_PAGE]))
def test_no_build_vocabulary_on_reader_pages(lang, page):
    found = [line for pattern in BUILD_VOCABULARY[lang] for line in numbered(lang, page, pattern)]
    assert found == []


def paragraph_breaks(text: str) -> list[int]:
    """Line numbers where a paragraph holding Chinese continues on the next source line."""
    text = DISPLAY_MATH_BLOCK.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    lines = text.splitlines()
    breaks = []
    for number, (line, following) in enumerate(zip(lines, lines[1:]), 1):
        if not line.strip() or not following.strip() or not HAN.search(line):
            continue
        if line.startswith(("#", "|", "$$", "<", "![", "!!!", "???")) or BLOCK_START.match(following.lstrip()):
            continue
        breaks.append(number)
    return breaks


@pytest.mark.parametrize("lang,page", cases("paragraph", [("zh", page) for page in ZH]))
def test_each_chinese_paragraph_is_one_source_line(lang, page):
    """A line break inside a Chinese paragraph renders as a stray space between two characters."""
    lines = prose("zh", page).splitlines()
    assert [f"zh/{page}:{n}: {lines[n - 1][:60]}" for n in paragraph_breaks(prose("zh", page))] == []


@pytest.mark.parametrize("lang,page", cases("terms", [("zh", page) for page in ZH]))
def test_chinese_pages_keep_one_term_per_concept(lang, page):
    text = INLINE_CODE.sub("", prose("zh", page))
    found = [f"{wrong} (use {right})" for wrong, right in ZH_ONE_TERM if wrong in text]
    glorot = len(re.findall("Glorot 初始化", text))
    if glorot > 1:
        found.append(f"Glorot 初始化 {glorot} times (use Xavier 初始化; name the other once)")
    assert found == []


@pytest.mark.parametrize("page", ZH)
def test_chinese_numbers_have_no_thousands_separator(page):
    text = INLINE_MATH.sub("", INLINE_CODE.sub("", prose("zh", page)))
    text = re.sub(r"\]\([^)]*\)", "]", text)
    assert THOUSANDS.findall(text) == []


def test_the_checks_can_fail():
    """Each pattern catches what it is meant to catch."""
    assert paragraph_breaks("第一行\n第二行\n") == [1]
    assert paragraph_breaks("第一行\n\n- 列表\n- 列表\n") == []
    assert paragraph_breaks("$$\na\nb\n$$\n中文段落\n") == []
    assert paragraph_breaks("- 列表项\n  续行\n") == [1]
    assert INLINE_MATH_THEN_PUNCTUATION.search("其中 $x$，这")
    assert not INLINE_MATH_THEN_PUNCTUATION.search("其中 $x，$ 这")
    assert THOUSANDS.findall("共 4,000 个点，4000 步，0.125") == ["4,000"]
    assert re.compile("|".join(REBUTTAL["zh"])).search("相对于常见讲法")


def test_inline_maths_keeps_its_punctuation():
    from actsite.pages.cjk_layout import bind_punctuation
    html = '取 <span class="arithmatex">\\(x\\)</span>，再取 <span class="arithmatex">\\(y\\)</span> 即可。'
    assert bind_punctuation(html) == ('取 <span class="math-punct"><span class="arithmatex">\\(x\\)</span>，</span>'
                                      '再取 <span class="arithmatex">\\(y\\)</span> 即可。')
    english = 'slope <span class="arithmatex">\\(a\\)</span>), then <span class="arithmatex">\\(b\\)</span> and'
    assert bind_punctuation(english) == ('slope <span class="math-punct"><span class="arithmatex">\\(a\\)</span>),</span>'
                                         ' then <span class="arithmatex">\\(b\\)</span> and')


def test_no_page_shares_a_run_of_words_with_a_seed_post():
    """The pages are written afresh: the shared seed-overlap tool (../shared/tools/seed_overlap.py, beside the
    project in CI) finds no run of words shared with a seed post, a cited title included."""
    import subprocess
    import sys
    tool = Path(__file__).resolve().parents[2] / "shared" / "tools" / "seed_overlap.py"
    if not tool.is_file():
        pytest.skip(f"{tool} is not beside the project")
    root = Path(__file__).resolve().parents[1]
    out = subprocess.run([sys.executable, str(tool), "docs"], cwd=root, capture_output=True, text=True, check=True)
    report = out.stdout + out.stderr
    assert re.search(r"\b0 shared runs\b", report), report
