"""Inject faults of every kind at random places in real plans and measure how often `check` finds them.

    .venv/bin/python bench/fault_injection.py [--n 40] [--seed 1] [--corpus all|seeds|unseen] [--show-misses]

The corpus is the five seeds (`../shared/seeds`, which the rules were developed on) and the documents in
`tests/fixtures/unseen/` (written as published by offices the seeds lack, and never tuned on). For each
fault kind, `--n` times: pick an eligible document (round robin, in random order), make one edit a writer
could make, check the edited file with every rule, and count the fault *found* when the expected rule
reports the edited line (DUP001 and TGT002 name two places: either counts; an item-level rule — AGY —
may report the item's first line when the edit is on a continuation line of a hard-wrapped item).

Every other finding the edited file gets beyond what the clean file already had is *collateral*: a finding
of the expected rule at another line (an echo: renumbering `(三)` also puts `(四)` out of order) or a
finding of another rule (a false alarm the edit provoked). Both are counted per injection.

Fault kinds (→ rule):
  renumber an item → NUM001          wrong marker form (1、) → NUM002     one level two widths → NUM003
  heading promises a wrong count → NUM004                                  copy an item, one word changed → DUP001
  paragraph printed twice → DUP002   drop an agency clause → AGY001        misspell an agency → AGY002
  old agency name (市工商局) → AGY003  target below the summary's figure → TGT001
  one metric, two targets → TGT002   roll a year back → YR001              expired term (十三五, 十九大) → YR002
  delete a closing 》/”/) → TXT001    leave XX → TXT002                     space inside words → TXT003
"""
from __future__ import annotations

import argparse
import glob
import os
import random
import re
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Callable, Optional

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, ROOT)

from drafter.api import load  # noqa: E402
from drafter.check.data import load_data, norm_metric  # noqa: E402
from drafter.check.engine import run_checks  # noqa: E402
from drafter.check.textutil import int2cn, make_label, parse_marker  # noqa: E402
from drafter.parse.agencies import _paren_groups, _parse_body  # noqa: E402

SEEDS_DIR = os.environ.get("DRAFTER_SEEDS", os.path.join(ROOT, "..", "shared", "seeds"))
UNSEEN_DIR = os.path.join(ROOT, "tests", "fixtures", "unseen")
CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass
class Doc:
    name: str
    path: str
    unseen: bool
    summary_path: Optional[str] = None
    text: str = ""
    result: object = None
    summary: object = None          # ParseResult of the separate summary, if any
    clean: set = field(default_factory=set)   # (rule, line) of the clean file's findings

    @property
    def plan(self):
        r = self.result
        return r.first("plan") or r.first("division") or r.documents[0]

    def summary_doc(self):
        if self.summary is not None:
            return self.summary.first("summary") or self.summary.documents[0]
        return self.result.first("summary")


def corpus(which: str = "all") -> list[Doc]:
    docs = []
    if which in ("all", "seeds"):
        for f in sorted(glob.glob(os.path.join(SEEDS_DIR, "[0-9][0-9][0-9]_*.txt"))):
            docs.append(Doc(os.path.basename(f)[:3], f, False))
    if which in ("all", "unseen"):
        files = sorted(glob.glob(os.path.join(UNSEEN_DIR, "*.txt")))
        summaries = [f for f in files if "summary" in os.path.basename(f)]
        for f in files:
            if f in summaries:
                continue
            stem = os.path.basename(f)
            # a county's 2024 plan goes with its 2023 summary: health_county_2024_plan ↔ health_county_2023_summary
            pre = stem.split("_20")[0]
            summ = next((s for s in summaries if os.path.basename(s).startswith(pre + "_")), None)
            docs.append(Doc(stem[:-4], f, True, summ))
    for d in docs:
        d.text = open(d.path, encoding="utf-8").read()
        d.result = load(d.path)
        d.summary = load(d.summary_path) if d.summary_path else None
        d.clean = {(f.rule, f.line) for f in run_checks(d.result, summary=d.summary)}
    return docs


def _nodes(doc, fams=("cn", "paren_cn", "arabic", "paren_arabic")):
    out = []
    for n in doc.walk():
        m = parse_marker(n.label) if n.label else None
        if m and m["family"] in fams and n.line:
            out.append((n, m))
    return out


def _span(doc, node, lines) -> int:
    """Last line of `node`'s own paragraph: the continuation lines of a hard-wrapped item."""
    starts = sorted(n.line for n in doc.walk() if n.line)
    nxt = next((s for s in starts if s > node.line), (doc.end_line or len(lines)) + 1)
    end = node.line
    while end + 1 < nxt and end < len(lines) and lines[end].strip():
        end += 1
    return end


def _items(doc):
    return [n for n in doc.items() if n.line]


def _insert_sentence(line: str, phrase: str) -> str:
    """Put `phrase` (starting with '，') before the first '。' of the line, or at its end."""
    k = line.find("。")
    return line[:k] + phrase + line[k:] if k > 0 else line.rstrip() + phrase


# Each injector: (lines, d: Doc, rng) -> dict(rule=, line=, also=[lines that count too], shift=(at, delta)) or None.
# It edits `lines` in place.

def renumber(lines, d, rng):
    n, m = rng.choice(_nodes(d.plan))
    new = m["value"] + rng.choice([1, -1, 2]) if m["value"] > 1 else m["value"] + rng.choice([1, 2])
    old_label = lines[n.line - 1].lstrip()[:m["end"]]
    new_label = make_label(m["family"], new, m)
    if m["family"] == "cn":
        new_label = f"{int2cn(new)}{m['punct'] or '、'}"
    lines[n.line - 1] = lines[n.line - 1].replace(old_label, new_label, 1)
    return {"rule": "NUM001", "line": n.line}


def bad_form(lines, d, rng):
    n, m = rng.choice(_nodes(d.plan))
    raw = lines[n.line - 1]
    lab = raw.lstrip()[:m["end"]]
    if m["family"] == "arabic":
        new = lab[:-1] + "、"
    elif m["family"] == "cn":
        new = lab[:-1] + rng.choice([".", "，"])
    else:
        new = lab + "、"
    lines[n.line - 1] = raw.replace(lab, new, 1)
    return {"rule": "NUM002", "line": n.line}


def mixed_width(lines, d, rng):
    """One `(一)` written `（一）` (or the other way) among its siblings' width."""
    by = defaultdict(list)
    for n, m in _nodes(d.plan, ("paren_cn", "paren_arabic", "arabic")):
        by[(m["family"], m["open"] if m["family"] != "arabic" else lines[n.line - 1].lstrip()[m["end"] - 1])].append((n, m))
    cands = [v for v in by.values() if len(v) >= 3]
    if not cands:
        return None
    n, m = rng.choice(rng.choice(cands))
    raw = lines[n.line - 1]
    lab = raw.lstrip()[:m["end"]]
    swap = str.maketrans({"(": "（", ")": "）", "（": "(", "）": ")", ".": "．", "．": "."})
    lines[n.line - 1] = raw.replace(lab, lab.translate(swap), 1)
    return {"rule": "NUM003", "line": n.line}


def wrong_count(lines, d, rng):
    """A heading announces a count its children do not have (`五大…` over four items)."""
    heads = [n for n in d.plan.walk() if n.line and 2 <= len(n.children) <= 9 and n.children[0].line]
    if not heads:
        return None
    n = rng.choice(heads)
    k = len(n.children)
    wrong = k + rng.choice([1, -1]) if k > 2 else k + 1
    raw = lines[n.line - 1]
    phrase = rng.choice([f"，实施{int2cn(wrong)}大行动", f"，抓好{int2cn(wrong)}项重点工作", f"，推进{int2cn(wrong)}个方面任务"])
    # put it into the heading's lead sentence
    head = n.title or n.body
    k2 = raw.find(head[:8]) if head else -1
    if k2 < 0:
        return None
    end = raw.find("。", k2)
    end = end if end >= 0 else len(raw.rstrip())
    lines[n.line - 1] = raw[:end] + phrase + raw[end:]
    return {"rule": "NUM004", "line": n.line}


def copy_item(lines, d, rng):
    items = [n for n in _items(d.plan) if len(n.body) >= 30]
    a, b = rng.sample(items, 2)
    body = a.body
    spots = [i for i in range(len(body) - 1) if CJK.match(body[i]) and CJK.match(body[i + 1])]
    i = rng.choice(spots)
    body = body[:i] + rng.choice(["推进", "加强", "深化", "完善", "健全"]) + body[i + 2:]
    return _replace_item(lines, d, b, body, a)


def _replace_item(lines, d, b, body: str, a) -> dict:
    """Item `b` (all its lines) replaced by `body` under its own label: a DUP001 of item `a`."""
    raw = lines[b.line - 1]
    indent = raw[:len(raw) - len(raw.lstrip())]
    end = _span(d.plan, b, lines)
    lines[b.line - 1:end] = [indent + (b.label or "") + body]
    out = {"rule": "DUP001", "line": b.line, "also": [a.line]}
    if end > b.line:
        out["shift"] = (b.line + 1, -(end - b.line))
    return out


def repeat_para(lines, d, rng):
    items = [n for n in _items(d.plan) if len(n.body) >= 20 and n.body.endswith("。")]
    if not items:
        return None
    n = rng.choice(items)
    end = _span(d.plan, n, lines)
    block = lines[n.line - 1:end]
    lines[end:end] = block
    return {"rule": "DUP002", "line": end + 1, "also": [n.line], "shift": (end + 1, len(block))}


def _clause_spans(text: str) -> list[tuple[int, int]]:
    return [(s, e) for s, e in _paren_groups(text) if 3 <= e - s - 2 <= 300 and _parse_body(text[s + 1:e - 1])]


def _assigns(doc) -> bool:
    items = _items(doc)
    return doc.kind == "division" or (items and sum(1 for n in items if n.agencies) >= 0.6 * len(items))


def drop_clause(lines, d, rng):
    doc = d.plan
    if not _assigns(doc):
        return None
    cands = [n for n in _items(doc) if n.agencies]
    n = rng.choice(cands)
    end = _span(doc, n, lines)
    block = "\n".join(lines[n.line - 1:end])
    spans = _clause_spans(block)
    if not spans:
        return None
    for s, e in reversed(spans):
        block = block[:s].rstrip(" \u3000") + block[e:]
    new = block.split("\n")
    new += [""] * (end - n.line + 1 - len(new))
    lines[n.line - 1:end] = new
    return {"rule": "AGY001", "line": n.line}


# pinyin-input slips on the last character, as a writer makes them
_HOMOPHONE = {"局": "居", "委": "为", "厅": "听", "办": "半", "府": "付", "院": "园", "会": "汇", "心": "新",
              "队": "对", "部": "步", "署": "暑"}


def misspell_agency(lines, d, rng):
    doc = d.plan
    names = {}
    for n in _items(doc):
        for a in n.agencies:
            if len(a.name) >= 4 and not a.name.startswith("各") and "、" not in a.name:
                names.setdefault(a.name, []).append(n)
    if not names:
        return None
    name = rng.choice(sorted(names))
    n = rng.choice(names[name])
    if rng.random() < 0.6 and name[-1] in _HOMOPHONE:
        typo = name[:-1] + _HOMOPHONE[name[-1]]
    elif len(name) >= 5:
        k = rng.randrange(2, len(name) - 1)
        typo = name[:k] + name[k + 1:]
    else:
        return None
    if typo in d.text:
        return None
    end = _span(doc, n, lines)
    for i in range(n.line - 1, end):
        for s, e in _clause_spans(lines[i]) or [(0, len(lines[i]))]:
            k = lines[i].find(name, s, e)
            if k >= 0:
                lines[i] = lines[i][:k] + typo + lines[i][k + len(name):]
                return {"rule": "AGY002", "line": i + 1, "also": [n.line]}
    return None


# old names every office could have copied forward (no regional renames); the year the new name took effect
_OLD = [("工商局", 2018), ("质监局", 2018), ("食品药品监管局", 2018), ("法制办", 2018), ("环保局", 2018),
        ("环境保护局", 2018), ("国土资源局", 2018), ("卫生计生委", 2018), ("安监局", 2018), ("农业局", 2018),
        ("文广新局", 2018), ("旅游局", 2018), ("银监局", 2018), ("扶贫办", 2021), ("银保监局", 2023)]
_COOP = ["，会同{}开展", "，联合{}推进", "，配合{}做好相关工作"]


def old_name(lines, d, rng):
    doc = d.plan
    if not doc.year:
        return None
    olds = [o for o, y in _OLD if doc.year > y]
    if not olds:
        return None
    old = rng.choice(olds)
    prefix = rng.choice(["市", "省", "区", "县"]) if doc.kind != "division" else "市"
    with_clause = [n for n in _items(doc) if n.agencies]
    if with_clause and rng.random() < 0.7:
        n = rng.choice(with_clause)
        end = _span(doc, n, lines)
        for i in range(n.line - 1, end):
            for s, e in _clause_spans(lines[i]):
                names = [a.name for a in n.agencies if a.name in lines[i][s:e] and not a.name.startswith("各")]
                if names:
                    nm = rng.choice(names)
                    k = lines[i].find(nm, s, e)
                    lines[i] = lines[i][:k] + (nm[0] if nm[0] in "市省区县" else prefix) + old + lines[i][k + len(nm):]
                    return {"rule": "AGY003", "line": i + 1, "also": [n.line]}
    n = rng.choice(_items(doc))
    lines[n.line - 1] = _insert_sentence(lines[n.line - 1], rng.choice(_COOP).format(prefix + old))
    return {"rule": "AGY003", "line": n.line}


_NUM = re.compile(r"\d+(?:\.\d+)?")


def _display(v: float) -> str:
    return str(int(v)) if v == int(v) else f"{v:.1f}".rstrip("0").rstrip(".")


def _lower(v: float, unit: str, rng) -> float:
    if unit in ("%", "‰") or v != int(v):
        x = round(v * rng.uniform(0.85, 0.99), 1)
        return x if x < v else round(v - 0.5, 1)
    # a count stays a whole number
    return float(min(int(v) - 1, int(v * rng.uniform(0.7, 0.97))))


def _mult(text_num: str, value: float) -> Optional[float]:
    x = float(text_num)
    for m in (1, 1e4, 1e8, 1e3):
        if x and abs(x * m - value) < 1e-6 * max(1, value):
            return m
    return None


def below_summary(lines, d, rng):
    """A plan target set below a figure the summary reports for the same metric."""
    s = d.summary_doc()
    doc = d.plan
    if s is None or doc.kind != "plan":
        return None
    # figures whose metric is written before the number (组织全局8支服务队 names its metric after it)
    figs = [f for f in s.all_targets() if f.op not in ("<=", "<") and f.kind in ("absolute", "share")
            and len(norm_metric(f.metric)) >= 4 and f.value > 1 and f.metric in (f.text or "")]
    if not figs:
        return None
    f = rng.choice(figs)
    fm = norm_metric(f.metric)
    data = load_data({})

    def same(m):   # the plan's own target for this metric: same name or same synonym group, not a sub-population
        nm = norm_metric(m)
        g = data.canonical_metric(m)
        return nm == fm or (g is not None and g == data.canonical_metric(f.metric)) or \
            ((fm in nm or nm in fm) and abs(len(nm) - len(fm)) <= 2)
    mine = [t for t in doc.all_targets() if t.line and t.kind == f.kind and t.unit == f.unit and t.op not in ("<=", "<")
            and same(t.metric) and len(norm_metric(t.metric)) >= 4]
    low = _lower(f.value, f.unit, rng)
    if mine:
        # lower the plan's own target for that metric (a second, new target for it would be TGT002's fault)
        t = rng.choice(mine)
        raw = lines[t.line - 1]
        k = raw.find(t.text) if t.text else -1
        if k >= 0:
            for m in _NUM.finditer(t.text):
                mult = _mult(m.group(0), t.value)
                if mult:
                    a = k + m.start()
                    lines[t.line - 1] = raw[:a] + _display(low / mult) + raw[k + m.end():]
                    return {"rule": "TGT001", "line": t.line}
    # or write the summary's metric into an item, as a new target below last year's figure
    n = rng.choice(_items(doc))
    verb = rng.choice(["达到", "不少于", "达到"]) if f.kind == "absolute" else rng.choice(["达到", "保持在"])
    tail = "以上" if verb != "不少于" else ""
    unit = f.unit if f.unit != "%" else "%"
    lines[n.line - 1] = _insert_sentence(lines[n.line - 1], f"，{f.metric}{verb}{_display(low)}{unit}{tail}")
    return {"rule": "TGT001", "line": n.line}


def two_targets(lines, d, rng):
    """One metric given a second, different target in another item."""
    doc = d.plan
    if doc.kind != "plan":
        return None
    ts = [t for t in doc.all_targets() if t.line and len(norm_metric(t.metric)) >= 4 and t.op in (">=", ">", "=", "~")
          and t.kind in ("absolute", "share") and t.value > 1]
    if not ts:
        return None
    t = rng.choice(ts)
    other = t.value * rng.choice([0.8, 0.9, 1.2, 1.5])
    other = round(other, 1) if t.unit == "%" else float(round(other))
    if other == t.value:
        return None
    items = [n for n in _items(doc) if n.line != t.line]
    n = rng.choice(items)
    lines[n.line - 1] = _insert_sentence(lines[n.line - 1], f"，{t.metric}达到{_display(other)}{t.unit}")
    return {"rule": "TGT002", "line": n.line, "also": [t.line]}


def roll_year(lines, d, rng):
    doc = d.plan
    y = doc.year
    if not y:
        return None
    start = (doc.line or 1) + 1
    end = doc.end_line or len(lines)
    spots = [(i, m) for i in range(start, end + 1)
             for m in re.finditer(rf"(?<![\d\-—~～至]){y}\s*年(?![\-—~～至]|\d{{1,2}}月)", lines[i - 1])
             if "《" not in lines[i - 1][max(0, m.start() - 15):m.start()]
             and not re.search(r"(发布|来源|日期|时间)", lines[i - 1][:m.start()])]
    if not spots:
        return None
    i, m = rng.choice(spots)
    lines[i - 1] = lines[i - 1][:m.start()] + str(y - 1) + lines[i - 1][m.start() + 4:]
    return {"rule": "YR001", "line": i}


def stale_term(lines, d, rng):
    doc = d.plan
    y = doc.year or 2024
    periods = [("十一五", 2010), ("十二五", 2015), ("十三五", 2020), ("十四五", 2025)]
    stale = [p for p, until in periods if until < y - 1] or [p for p, until in periods if until < y]
    phrases = [f"，推进“{stale[-1]}”规划实施", f"，落实{stale[-1]}规划部署", f"，对标“{stale[-1]}”目标"]
    if y >= 2023:
        phrases.append("，深入学习贯彻党的十九大精神")
    n = rng.choice(_items(doc))
    lines[n.line - 1] = _insert_sentence(lines[n.line - 1], rng.choice(phrases))
    return {"rule": "YR002", "line": n.line}


def delete_closer(lines, d, rng):
    doc = d.plan
    start, end = doc.line or 1, doc.end_line or len(lines)
    spots = [(i, m.start(), m.group(0)) for i in range(start + 1, end + 1) for m in re.finditer("[》”)）]", lines[i - 1])]
    if not spots:
        return None
    book = [s for s in spots if s[2] == "》"]
    i, pos, _ = rng.choice(book if book and rng.random() < 0.5 else spots)
    lines[i - 1] = lines[i - 1][:pos] + lines[i - 1][pos + 1:]
    return {"rule": "TXT001", "line": i}


def leave_xx(lines, d, rng):
    items = [n for n in d.plan.walk() if n.line]
    spots = [(n.line, m) for n in items
             for m in re.finditer(r"\d+(?:\.\d+)?(?=[万亿]?[件家个项场次%名人所条])", lines[n.line - 1])]
    ph = rng.choice(["XX", "××", "XXX", "xx"])
    if not spots or rng.random() < 0.25:
        n = rng.choice(items)
        lines[n.line - 1] = _insert_sentence(lines[n.line - 1], rng.choice([f"，全年完成{ph}项", f"，覆盖{ph}个区县"]))
        return {"rule": "TXT002", "line": n.line}
    ln, m = rng.choice(spots)
    lines[ln - 1] = lines[ln - 1][:m.start()] + ph + lines[ln - 1][m.end():]
    return {"rule": "TXT002", "line": ln}


def stray_space(lines, d, rng):
    n = rng.choice(_items(d.plan))
    line = lines[n.line - 1]
    spots = [i for i in range(len(line) - 1) if CJK.match(line[i]) and CJK.match(line[i + 1])]
    if not spots:
        return None
    i = rng.choice(spots)
    lines[n.line - 1] = line[:i + 1] + " " + line[i + 1:]
    return {"rule": "TXT003", "line": n.line}


# ---- issue 12: the slips the checker missed on plans it was never tuned on -----------------------------------

# a character typed for another inside a name: the ending kept (住房城乡建没局, 公按局, 人设局)
_INNER_SLIP = {"设": "没", "安": "按", "社": "设", "育": "有", "源": "原", "健": "建", "康": "糠", "管": "官",
               "理": "里", "展": "辗", "改": "该", "革": "格", "财": "材", "政": "正", "商": "尚", "务": "雾",
               "科": "课", "技": "枝", "交": "郊", "通": "同", "运": "云", "输": "书", "农": "浓", "业": "叶",
               "民": "名", "司": "思", "法": "发", "审": "申", "统": "通", "环": "还", "境": "竟", "态": "太",
               "自": "字", "然": "燃", "资": "咨", "规": "归", "划": "化", "卫": "为", "生": "声", "文": "闻",
               "旅": "铝", "游": "油", "宣": "喧", "传": "转", "组": "阻", "织": "值", "监": "坚", "市": "示"}
# known names a writer mentions in running text, and the way of mentioning them
_RUNNING = ["市公安局", "市教育局", "市财政局", "市卫生健康委", "市市场监管局", "市生态环境局", "市交通运输局",
            "市住房城乡建设局", "市农业农村局", "市司法局", "市民政局", "市商务局", "市审计局", "市发展改革委"]
_RUNNING_WAYS = ["，联合{}开展专项检查", "，由{}统筹推进", "，会同{}建立工作机制", "，配合{}做好相关工作"]
_ENDING_SLIP = {"局": "据", "委": "为", "办": "半"}


def _inner_typo(name: str, rng) -> Optional[str]:
    """One character inside `name` (not the place prefix, not the ending) typed as another."""
    spots = [i for i in range(1, len(name) - 1) if name[i] in _INNER_SLIP and name[i] != name[0]]
    if not spots:
        return None
    i = rng.choice(spots)
    return name[:i] + _INNER_SLIP[name[i]] + name[i + 1:]


def misspell_inside(lines, d, rng):
    """A misspelt agency that still ends in 局/委 (市住房城乡建没局) in an agency clause."""
    doc = d.plan
    names = {}
    for n in _items(doc):
        for a in n.agencies:
            if len(a.name) >= 4 and not a.name.startswith("各") and "、" not in a.name and a.name[0] in "市省区县":
                names.setdefault(a.name, []).append(n)
    if not names:
        return None
    name = rng.choice(sorted(names))
    typo = _inner_typo(name, rng)
    if typo is None or typo in d.text:
        return None
    n = rng.choice(names[name])
    end = _span(doc, n, lines)
    for i in range(n.line - 1, end):
        for s, e in _clause_spans(lines[i]):
            k = lines[i].find(name, s, e)
            if k >= 0:
                lines[i] = lines[i][:k] + typo + lines[i][k + len(name):]
                return {"rule": "AGY002", "line": i + 1, "also": [n.line], "says": [name]}
    return None


def misspell_running(lines, d, rng):
    """A misspelt agency name in running text (联合市公按局开展…, 由市教育据统筹…)."""
    n = rng.choice(_items(d.plan))
    name = rng.choice(_RUNNING)
    typo = _inner_typo(name, rng) if rng.random() < 0.5 else name[:-1] + _ENDING_SLIP.get(name[-1], name[-1])
    if not typo or typo == name or typo in d.text:
        return None
    lines[n.line - 1] = _insert_sentence(lines[n.line - 1], rng.choice(_RUNNING_WAYS).format(typo))
    return {"rule": "AGY002", "line": n.line, "says": [name]}


def _summary_paragraph(slines: list[str], s) -> Optional[int]:
    """The line (0-based) of a body paragraph of the summary: an item or heading with text after its label."""
    cands = [n.line - 1 for n in s.walk() if n.line and len(n.body) >= 10 and n.line - 1 < len(slines)]
    return cands or None


# nouns that a summary counts with the number in front (建成8个…服务站) and the plan the other way round
_COUNTED = [("个", "社区嵌入式服务站"), ("个", "乡村振兴示范点"), ("家", "科普教育基地"), ("个", "标准化服务驿站"),
            ("家", "重点实验室"), ("个", "城市书房"), ("家", "示范企业"), ("个", "口袋公园")]


def _summary_edit(d, rng, sentence: str):
    """The summary's lines with `sentence` added to one of its body paragraphs, and that line (1-based)."""
    s = d.summary_doc()
    if s is None or d.summary is None:
        return None
    slines = list(d.summary.lines)
    cands = _summary_paragraph(slines, s)
    if not cands:
        return None
    k = rng.choice(cands)
    slines[k] = _insert_sentence(slines[k], sentence)
    return slines, k + 1


def number_before_noun(lines, d, rng):
    """The summary says 全年建成8个社区嵌入式服务站; the plan sets 社区嵌入式服务站不少于6个."""
    if d.plan.kind != "plan":
        return None
    unit, noun = rng.choice(_COUNTED)
    if noun in d.text:
        return None
    was = rng.randrange(8, 40)
    low = rng.randrange(max(2, was // 2), was)
    got = _summary_edit(d, rng, f"，全年建成{was}{unit}{noun}" if rng.random() < 0.5 else f"，共有{was}{unit}{noun}投入运行")
    if got is None:
        return None
    slines, _ = got
    n = rng.choice(_items(d.plan))
    lines[n.line - 1] = _insert_sentence(lines[n.line - 1], f"，建成{noun}不少于{low}{unit}")
    return {"rule": "TGT001", "line": n.line, "summary_lines": slines, "says": [f"{was}{unit}{noun}"]}


def flow_vs_stock(lines, d, rng):
    """Summary: 全年新增X 50家，X累计达到420家. Plan: 全年新增X 45家 (below the flow: TGT001 quoting the flow)
    and X总数突破500家 beside it (above the stock, and no TGT002 between the two)."""
    if d.plan.kind != "plan":
        return None
    noun = rng.choice(["专精特新中小企业", "高新技术企业", "科技型中小企业", "规上服务业企业", "绿色工厂"])
    if noun in d.text:
        return None
    flow = rng.randrange(40, 90)
    stock = rng.randrange(300, 600)
    got = _summary_edit(d, rng, f"，全年新增{noun}{flow}家，{noun}累计达到{stock}家")
    if got is None:
        return None
    slines, _ = got
    n = rng.choice(_items(d.plan))
    low = rng.randrange(flow // 2, flow)
    lines[n.line - 1] = _insert_sentence(lines[n.line - 1],
                                         f"，全年新增{noun}{low}家，{noun}总数突破{stock + rng.randrange(50, 150)}家")
    return {"rule": "TGT001", "line": n.line, "summary_lines": slines, "says": [f"{noun}{flow}家"],
            "forbid": ["TGT002"]}


def run_in_repeat(lines, d, rng):
    """`一是…；二是…；二是…` run together inside one item."""
    items = [n for n in _items(d.plan) if "一是" not in n.text and "二是" not in n.text]
    if not items:
        return None
    n = rng.choice(items)
    parts = rng.sample(["加强统筹协调", "强化督促检查", "抓好宣传引导", "完善工作机制", "加大资金保障", "注重总结推广"], 3)
    repeat = rng.choice([(1, 2, 2), (1, 2, 4), (1, 1, 2)])
    seq = "；".join(f"{int2cn(k)}是{p}" for k, p in zip(repeat, parts))
    lines[n.line - 1] = _insert_sentence(lines[n.line - 1], "。" + seq)
    return {"rule": "NUM001", "line": n.line}


def repeat_heading_block(lines, d, rng):
    """A heading printed twice with its first paragraph (not renumbered: to be deleted)."""
    heads = [n for n in d.plan.walk() if n.line and n.children and n.children[0].line
             and n.children[0].line > n.line]
    if not heads:
        return None
    n = rng.choice(heads)
    c = n.children[0]
    end = _span(d.plan, c, lines)
    block = lines[n.line - 1:end]
    if sum(len(x.strip()) for x in block) < 20:
        return None
    lines[end:end] = block
    return {"rule": "DUP002", "line": end + 1, "also": [end + 1 + (c.line - n.line)], "shift": (end + 1, len(block)),
            "forbid": ["NUM001"]}


_REWORD = {"推进": "加快推动", "加强": "进一步强化", "完善": "健全", "开展": "组织实施", "提升": "着力提高",
           "深化": "持续深入推进", "建设": "打造", "实施": "落实", "推动": "促进", "强化": "切实加强"}


def reworded_target_copy(lines, d, rng):
    """The same task with the same quantified target written again, reworded, in place of another item."""
    items = [n for n in _items(d.plan) if any(t.value >= 3 and t.unit != "%" and t.text for t in n.targets)
             and len(n.body) >= 20 and n.line]
    others = [n for n in _items(d.plan) if n.line]
    if not items or len(others) < 3:
        return None
    a = rng.choice(items)
    t = next(t for t in a.targets if t.value >= 3 and t.unit != "%" and t.text)
    b = rng.choice([n for n in others if n is not a and abs(n.line - a.line) > 2] or [None])
    if b is None or a.body.find(t.text) < 0:
        return None
    body = a.body
    for k, v in _REWORD.items():
        body = body.replace(k, v, 1)
    if body == a.body or t.text not in body:
        return None
    return _replace_item(lines, d, b, body, a)


FAULTS: dict[str, Callable] = {
    "renumber an item": renumber, "wrong marker form (1、)": bad_form, "one level, two widths": mixed_width,
    "heading promises a wrong count": wrong_count, "copy an item, one word changed": copy_item,
    "paragraph printed twice": repeat_para, "drop an agency clause": drop_clause,
    "misspell an agency (市知识产权居)": misspell_agency, "old agency name (市工商局)": old_name,
    "target below the summary's figure": below_summary, "one metric, two targets": two_targets,
    "roll a year back": roll_year, "expired term (十三五, 十九大)": stale_term,
    "delete a closing 》/”/)": delete_closer, "leave XX": leave_xx, "space inside words": stray_space,
    # issue 12
    "misspelt agency still ending in 局": misspell_inside, "misspelt agency in running text": misspell_running,
    "summary figure number-before-noun": number_before_noun, "flow target below last year's flow": flow_vs_stock,
    "run-in 一是…二是…二是": run_in_repeat, "heading printed twice with its text": repeat_heading_block,
    "reworded copy sharing a target": reworded_target_copy,
}


def run(n: int, seed: int, docs: list[Doc], faults: Optional[list[str]] = None) -> dict:
    """`n` injections per fault kind, spread over the documents where the fault can be placed."""
    rng = random.Random(seed)
    tmp = tempfile.mkdtemp(prefix="drafter-faults-")
    rows = []
    for fname in (faults or list(FAULTS)):
        inject = FAULTS[fname]
        order = docs[:]
        rng.shuffle(order)
        dead: set[str] = set()
        fails: dict[str, int] = defaultdict(int)
        k = tries = 0
        while k < n and tries < n * 30 and len(dead) < len(order):
            d = order[tries % len(order)]
            tries += 1
            if d.name in dead:
                continue
            lines = d.text.split("\n")
            try:
                got = inject(lines, d, rng)
            except (IndexError, ValueError):
                got = None
            if not got:
                # a document where this fault cannot be placed (no agency clauses, no summary) is dropped
                fails[d.name] += 1
                if fails[d.name] >= 12:
                    dead.add(d.name)
                continue
            fails[d.name] = -10 ** 6   # it can be placed here: never drop this document
            k += 1
            p = os.path.join(tmp, f"{d.name}-{k}.txt")
            with open(p, "w", encoding="utf-8") as f:
                f.write("\n".join(lines))
            summary = d.summary
            if got.get("summary_lines") is not None:
                sp = os.path.join(tmp, f"{d.name}-{k}-summary.txt")
                with open(sp, "w", encoding="utf-8") as f:
                    f.write("\n".join(got["summary_lines"]))
                summary = load(sp)
            fs = run_checks(load(p), summary=summary)
            rule, line = got["rule"], got["line"]
            places = {line, *got.get("also", [])} if rule in ("DUP001", "TGT002", "DUP002") else {line}
            if rule.startswith("AGY"):
                places |= set(got.get("also", []))
            at, delta = got.get("shift", (10 ** 9, 0))

            def back(ln):
                return ln if ln is None or ln < at else ln - delta
            hits = [f for f in fs if f.rule == rule and (f.line in places or any(x.get("line") in places for x in f.related))
                    and all(w in _said(f) for w in got.get("says", ()))]
            others = [f for f in fs if f not in hits and (f.rule, back(f.line)) not in d.clean]
            rows.append({"fault": fname, "rule": rule, "doc": d.name, "unseen": d.unseen, "found": bool(hits), "path": p,
                         "line": line, "text": lines[line - 1][:60] if line <= len(lines) else "",
                         "echo": sum(1 for f in others if f.rule == rule),
                         "other": [(f.rule, f.severity, f.line) for f in others if f.rule != rule]})
    return {"rows": rows}


def _said(f) -> str:
    """What a finding says: message, suggestion and the excerpts of the places it names (its evidence)."""
    return " ".join([f.message_zh, f.suggestion or "", f.excerpt or ""] + [str(r.get("excerpt", "")) for r in f.related])


def per_rule(rows: list[dict]) -> str:
    """Recall per rule over every fault kind that expects it, and the collateral findings those injections drew."""
    by = defaultdict(list)
    for r in rows:
        by[r["rule"]].append(r)
    out = [f"{'rule':<8}{'found':>10}{'rate':>7}   other-rule findings (errors)"]
    for rule in sorted(by):
        rs = by[rule]
        f = sum(r["found"] for r in rs)
        oth = sum(len(r["other"]) for r in rs)
        err = sum(1 for r in rs for o in r["other"] if o[1] == "error")
        out.append(f"{rule:<8}{f:>5}/{len(rs):<4}{f / len(rs):>7.0%}   {oth} ({err})")
    return "\n".join(out)


def table(rows: list[dict]) -> str:
    out = []
    hdr = f"{'fault':<36}{'rule':<8}{'seeds':>9}{'unseen':>9}{'all':>9}{'rate':>7}   collateral/inj: echo  other (err)"
    out.append(hdr)
    out.append("-" * len(hdr))
    by = defaultdict(list)
    for r in rows:
        by[(r["fault"], r["rule"])].append(r)

    def frac(rs):
        return f"{sum(r['found'] for r in rs)}/{len(rs)}"
    for (fname, rule), rs in by.items():
        seen = [r for r in rs if not r["unseen"]]
        un = [r for r in rs if r["unseen"]]
        f = sum(r["found"] for r in rs)
        echo = sum(r["echo"] for r in rs) / len(rs)
        oth = sum(len(r["other"]) for r in rs) / len(rs)
        err = sum(1 for r in rs for o in r["other"] if o[1] == "error")
        out.append(f"{fname:<36}{rule:<8}{frac(seen):>9}{frac(un):>9}{frac(rs):>9}{f / len(rs):>7.0%}"
                   f"   {echo:>19.2f}{oth:>7.2f} ({err})")
    tot = len(rows)
    found = sum(r["found"] for r in rows)
    un = [r for r in rows if r["unseen"]]
    out.append("-" * len(hdr))
    out.append(f"overall: {found}/{tot} = {found / tot:.1%}   (seeds {frac([r for r in rows if not r['unseen']])}, "
               f"unseen {frac(un)} = {sum(r['found'] for r in un) / max(1, len(un)):.1%})")
    anyc = sum(1 for r in rows if r["other"])
    out.append(f"injections with any other-rule finding: {anyc}/{tot}; other-rule findings in all: "
               f"{sum(len(r['other']) for r in rows)} "
               f"(errors {sum(1 for r in rows for o in r['other'] if o[1] == 'error')})")
    return "\n".join(out)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=40, help="injections per fault kind")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--corpus", choices=["all", "seeds", "unseen"], default="all")
    ap.add_argument("--show-misses", action="store_true")
    ap.add_argument("--show-collateral", action="store_true")
    a = ap.parse_args()
    t0 = time.time()
    docs = corpus(a.corpus)
    r = run(a.n, a.seed, docs)
    print(f"corpus: {', '.join(d.name for d in docs)}; seed {a.seed}; {a.n} injections per fault kind\n")
    print(table(r["rows"]))
    print()
    print(per_rule(r["rows"]))
    if a.show_misses:
        for row in r["rows"]:
            if not row["found"]:
                print("MISS", row["rule"], row["doc"], row["line"], row["text"])
    if a.show_collateral:
        c = defaultdict(int)
        for row in r["rows"]:
            for o in row["other"]:
                c[(row["rule"], o[0], row["doc"])] += 1
        for k, v in sorted(c.items(), key=lambda x: -x[1]):
            print("COLLATERAL", *k, v)
    print(f"\n({time.time() - t0:.0f} s)")


if __name__ == "__main__":
    main()
