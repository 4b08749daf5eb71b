"""DUP001–DUP002: items that say nearly the same thing; text printed twice.

Similarity is the Dice coefficient of character bigrams (Chinese has no spaces to split words on). The
pairs that can reach the threshold are found by a similarity join (drafter/simjoin.py), then scored with
rapidfuzz: each text becomes the sorted ids of its distinct bigrams written as characters, and for two such
strings Indel-normalised `fuzz.ratio` equals 2|A∩B|/(|A|+|B|) — the Dice coefficient (reference/deps.md §3).
"""
from __future__ import annotations

import re
from typing import Iterable, Optional

from ...model import Node
from ..base import Context, Finding, Rule, register
from ..textutil import copied_blocks, doc_lines, excerpt_at, owner, parse_marker

# an agency clause: (市知识产权局牵头) / （责任单位：市科技局、各区人民政府）
# (one level of brackets inside: 各区（县、市）人民政府)
_IN = r"(?:[^()（）]|[(（][^()（）]{0,20}[)）])"
_AGENCY = re.compile(r"[(（]" + _IN + r"{0,120}?(?:牵头|负责|配合|参与|责任单位|牵头单位|协办|主办)" + _IN + r"{0,60}[)）]")
_PUNCT = re.compile(r"[\s\u3000-\u303f\uff00-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65!-/:-@\[-`{-~“”‘’《》〈〉—…·、]+")
DEFAULT_THRESHOLD = 0.72   # Dice of character bigrams; see tests/test_rules_duplicates.py for where it sits
MIN_CHARS = 14
BODY_MIN_CHARS = 20


def normalise(node: Node) -> str:
    t = node.body if node.label else node.text
    t = _AGENCY.sub("", t)
    return _PUNCT.sub("", t)


def body_of(node: Node) -> str:
    """What an item says after its lead sentence (`（四）标题。正文…` → 正文), normalised; "" when it has no
    lead sentence of its own. A task copied under a new heading keeps its body and gets a new title."""
    t = node.body if node.label else node.text
    title = node.title or ""
    if not title.endswith("。") or not t.startswith(title):
        return ""
    return _PUNCT.sub("", _AGENCY.sub("", t[len(title):]))


def bigram_codes(texts: list[str]) -> list[str]:
    """Each text as its sorted distinct bigram ids, one character per id (the Dice trick)."""
    vocab: dict[str, int] = {}
    out = []
    for s in texts:
        ids = sorted({vocab.setdefault(s[i:i + 2], len(vocab)) for i in range(len(s) - 1)})
        out.append("".join(chr(0x10000 + i) for i in ids))
    return out


def _codes(ids, sizes, which) -> dict[int, str]:
    """`bigram_codes` of the texts `which` from their bigram ids (0…) laid end to end, sizes per text."""
    import numpy as np
    start = np.concatenate(([0], np.cumsum(sizes)))
    text = (ids.astype(np.uint32) + 0x10000).astype("<u4").tobytes().decode("utf-32-le")
    return {int(k): text[start[k]:start[k + 1]] for k in which}


# Up to this many items every pair is scored (no numpy import, a few ms for a real plan); above it a
# similarity join finds the candidates. Python's round() takes 72.5 to 72 and rapidfuzz's uint8 output to
# 73, as the small and the large path always did, so no finding's percentage changes.
_SMALL = 300


def similar_pairs(texts: list[str], threshold: float) -> list[tuple[int, int, float]]:
    """All pairs i<j whose bigram Dice is at least `threshold` (0–1), best first.

    Above `_SMALL` texts the pairs that can reach the threshold come from a similarity join with prefix
    filtering (drafter/simjoin.py), so thousands of near-identical items are not scored n² times; each
    candidate is scored as all pairs used to be — rapidfuzz's `fuzz.ratio` on the Dice-trick codes, the same
    cutoff and rounding — so the pairs and scores are those of the all-pairs version
    (tests/test_dup_pairs_pinned.py keeps it as the oracle).
    """
    from rapidfuzz import fuzz

    cutoff = int(threshold * 100)
    if len(texts) < 2 or cutoff > 100:
        return []
    if len(texts) <= _SMALL:
        codes = bigram_codes(texts)
        pairs = []
        for i in range(len(codes)):
            for j in range(i + 1, len(codes)):
                score = round(fuzz.ratio(codes[i], codes[j], score_cutoff=cutoff))
                if score >= max(cutoff, 1):
                    pairs.append((i, j, score / 100))
        pairs.sort(key=lambda p: -p[2])
        return pairs
    import numpy as np
    from rapidfuzz import process

    from ... import simjoin

    keys, sizes = simjoin.bigram_sets(texts)
    ids, vocab = simjoin.dense_ids(keys)
    del keys
    sets = simjoin.TokenSets.from_flat(ids, sizes, vocab)
    del ids
    # a pair is kept when its score reaches the cutoff and, rounded, is at least 1
    xs, ys = simjoin.candidate_pairs(sets, max(cutoff, 0.5) / 100)
    # the Dice-trick codes (any one order of the bigrams serves: here rarest first), only of the texts that
    # have a candidate
    codes = _codes(sets.rank(), sizes, np.union1d(xs, ys))
    del sets
    scores = process.cpdist([codes[i] for i in xs.tolist()], [codes[j] for j in ys.tolist()], scorer=fuzz.ratio,
                            score_cutoff=max(cutoff, 0), workers=-1, dtype=np.uint8)
    ok = np.flatnonzero(scores >= max(cutoff, 1))
    pairs = [(int(xs[k]), int(ys[k]), float(scores[k]) / 100) for k in ok]
    pairs.sort(key=lambda p: -p[2])
    return pairs


@register
class NearDuplicate(Rule):
    """## What it does
    Finds two items that say nearly the same thing: the same task copied into another section with a
    word or a number changed. Similarity is measured on characters (Chinese has no spaces), with labels,
    punctuation and the responsible-agency clause left out; both places are named.

    ## Why is this bad?
    A task listed twice is counted twice, assigned twice and reported on twice; usually one copy is a
    leftover from last year's text.

    ## Example
    ```
    1.加强知识产权行政保护，组织开展打击侵犯知识产权专项行动。
    7.加强知识产权行政保护，组织开展打击侵犯知识产权专项整治。
    ```

    ## Use instead
    Keep one of them, or make each say what is different about it.
    """
    code = "DUP001"
    name = "near-duplicate"
    severity = "warning"
    kinds = ("plan", "division", "unknown")
    doc_zh = """## 检查什么
两个条目内容几乎相同：同一项任务被复制到另一处，只改了个别字词或数字。按字符比较相似度（中文没有空格
分词），比较前去掉序号、标点和责任单位括注；报告时同时指出两处位置。

## 为什么
一项任务列两次，就会被分解两次、督办两次、总结两次；其中一处往往是去年稿子的遗留。

## 示例（会报告）
1.加强知识产权行政保护，组织开展打击侵犯知识产权专项行动。
7.加强知识产权行政保护，组织开展打击侵犯知识产权专项整治。

## 应改为
保留其中一项，或写清各自不同的内容。"""
    example_hit = ("2024年工作要点\n一、加强保护\n1.加强知识产权行政保护，组织开展打击侵犯知识产权和制售假冒伪劣商品专项行动。\n"
                   "2.推进知识产权保护中心建设。\n二、优化服务\n3.加强知识产权行政保护，组织开展打击侵犯知识产权和制售假冒伪劣商品专项整治。\n")
    example_miss = ("2024年工作要点\n一、加强保护\n1.加强知识产权行政保护，组织开展打击侵犯知识产权和制售假冒伪劣商品专项行动。\n"
                    "2.推进知识产权保护中心建设。\n二、优化服务\n3.提升知识产权公共服务能力，建设一站式综合服务平台。\n")

    def check(self, ctx: Context) -> Iterable[Finding]:
        threshold = float((ctx.config.get("duplicates") or {}).get("threshold", DEFAULT_THRESHOLD))
        items = [n for n in ctx.doc.items() if n.line]
        texts = [normalise(n) for n in items]
        keep = [i for i, t in enumerate(texts) if len(t) >= MIN_CHARS]
        sub = [texts[i] for i in keep]
        reported: set[int] = set()
        pairs = [(keep[a], keep[b], score, False) for a, b, score in similar_pairs(sub, threshold)]
        # the same body under a reworded title: compare what follows the lead sentences too
        bodies = [body_of(n) for n in items]
        bkeep = [i for i, t in enumerate(bodies) if len(t) >= BODY_MIN_CHARS]
        seen_pairs = {(i, j) for i, j, _, _ in pairs}
        for a, b, score in similar_pairs([bodies[i] for i in bkeep], threshold):
            i, j = bkeep[a], bkeep[b]
            short, long_ = sorted((len(bodies[i]), len(bodies[j])))
            if (i, j) not in seen_pairs and short >= 0.6 * long_:
                pairs.append((i, j, score, True))
        # the same quantified target in two items, the words around it reworded: strong evidence of one task
        # written twice (added on top of the similarity join, which it does not change)
        seen_pairs = {(i, j) for i, j, _, _ in pairs}
        for i, j, score, shared in _shared_target_pairs(ctx, items, texts):
            if (i, j) not in seen_pairs:
                pairs.append((i, j, score, shared))
        for i, j, score, by_body in pairs:
            a, b = items[i], items[j]
            first, second = (a, b) if a.line <= b.line else (b, a)
            if id(second) in reported:
                continue  # (tested first: thousands of pairs of a 任务分工 land on an item already reported)
            if texts[i] == texts[j] and _AGENCY.sub("", a.body) == _AGENCY.sub("", b.body) and a.body == b.body:
                continue  # an exact copy is DUP002's (one that differs only in its agency clause is not)
            ti, tj = len(texts[i]), len(texts[j])
            if min(ti, tj) < 0.6 * max(ti, tj) and not isinstance(by_body, str):
                continue  # one item quoting a phrase of a much longer one (a shared target says more)
            reported.add(id(second))
            pct = round(score * 100)
            place = ctx.path_of(first) or first.label   # 一、/（一）: a bare （一） is ambiguous across sections
            where = f"{place}（第 {first.line} 行）" if first.label else f"第 {first.line} 行"
            where_en = f"{place} (line {first.line})" if first.label else f"line {first.line}"
            if isinstance(by_body, str):
                zh = f"与{where}是同一项任务：目标“{by_body}”相同，文字改写过（相似度 {pct}%）：“{first.text[:30]}…”"
                en = f"the same task as {where_en}: the same target '{by_body}', reworded ({pct}% similar)"
            elif by_body:
                zh = f"标题不同，但正文与{where}几乎相同（正文相似度 {pct}%）：“{first.text[:30]}…”"
                en = f"a different title over nearly the same text as {where_en} ({pct}% similar)"
            else:
                zh = f"与{where}几乎相同（相似度 {pct}%）：“{first.text[:30]}…”"
                en = f"nearly the same as {where_en} ({pct}% similar)"
            yield self.finding(
                ctx, zh, en, node=second,
                suggestion="合并两项，或删去其中一项", suggestion_en="merge the two, or delete one",
                related=[{"source": ctx.source, "line": first.line, "label": first.label,
                          "path": ctx.path_of(first), "excerpt": first.text[:60]}])


# Dice of the items, or of the sentences holding the shared target, that corroborates a shared target: the more
# specific the target, the less the words around it need to agree. A specific one (12个口袋公园, 98%) is strong
# evidence on its own — every pair of items sharing one in the corpora is one task written twice — so a little
# common wording is enough; a small count (新增4A级景区2家) is common to unrelated tasks and needs the items to be
# alike as well.
SHARED_TARGET_THRESHOLD = 0.35   # where it sits: tests/test_rules_duplicates.py (a reworded copy 0.39, a task that only uses the figure 0.31)
SMALL_TARGET_THRESHOLD = 0.60


def _dice(a: str, b: str) -> float:
    x = {a[i:i + 2] for i in range(len(a) - 1)}
    y = {b[i:i + 2] for i in range(len(b) - 1)}
    return 2 * len(x & y) / (len(x) + len(y)) if x and y else 0.0


def _sentence_of(node: Node, t) -> str:
    text = node.text
    k = text.find(t.text) if t.text else -1
    if k < 0:
        return ""
    a = max(text.rfind(c, 0, k) for c in "。；;") + 1
    ends = [e for e in (text.find(c, k) for c in "。；;") if e >= 0]
    return _PUNCT.sub("", _AGENCY.sub("", text[a:min(ends) if ends else len(text)]))


def _specific(t) -> bool:
    """A target specific enough to identify a task: not 100 %, not one or two of something."""
    if t.op in ("<=", "<") and t.unit == "%":
        return False
    if t.unit == "%":
        return 0 < t.value < 100
    return t.value >= 3


def _countable(t) -> bool:
    """A target worth comparing at all: a count of one or two, or a share; not 0, not a ceiling."""
    return t.value > 0 and not (t.op in ("<=", "<") and t.unit == "%")


def _same_thing(d, a: str, b: str) -> bool:
    """The same metric, or one name the other with a qualifier in front (国家4A级旅游景区 / 4A级旅游景区, 建设口袋公园 /
    口袋公园): in Chinese the head noun stands last, so a shared end of three characters or more names the same thing."""
    if d.same_metric(a, b):
        return True
    x, y = sorted((d.metric_core(a), d.metric_core(b)), key=len)
    return len(x) >= 3 and y.endswith(x)


def _target_groups(ctx: Context, items: list[Node]) -> list[list[tuple[int, object]]]:
    """The countable targets of the items grouped by (value, base unit, kind), groups and members in reading order."""
    from collections import defaultdict

    from ..data import data_of
    d = data_of(ctx)
    by_value: dict[tuple, list[tuple[int, object]]] = defaultdict(list)
    for i, n in enumerate(items):
        for t in n.targets:
            if _countable(t):
                by_value[(t.value, d.base_unit(t.unit), t.kind)].append((i, t))
    return list(by_value.values())


# Up to this many pairs of targets in one group, every pair is scored; above it (a 任务分工 of thousands of
# items repeats 70% or 3 件 in hundreds of items) a similarity join finds the pairs that can reach the threshold.
_SHARED_SMALL = 3000


def _shared_target_pairs(ctx: Context, items: list[Node], texts: list[str]) -> list[tuple[int, int, float, str]]:
    """(i, j, similarity, the target as written) for items sharing one countable target of the same thing, whose
    texts — or the sentences holding the target — are alike enough (SHARED_TARGET_THRESHOLD for two specific
    targets, SMALL_TARGET_THRESHOLD else).

    The pairs are those of scoring every pair of a group, in that order (groups in reading order, then each
    pair of members in reading order); tests/test_dup_shared_targets_pinned.py keeps the all-pairs loop as
    the oracle."""
    from ..data import data_of
    d = data_of(ctx)
    groups = _target_groups(ctx, items)
    if sum(len(g) * (len(g) - 1) // 2 for g in groups) <= _SHARED_SMALL:
        out = []
        for g in groups:
            for a in range(len(g)):
                for b in range(a + 1, len(g)):
                    (i, ti), (j, tj) = g[a], g[b]
                    if i == j or not _same_thing(d, ti.metric, tj.metric):
                        continue
                    if not d.same_measure(d.measure(ti.text, ti.kind), d.measure(tj.text, tj.kind)):
                        continue   # 新建12个 and 累计达到12个 are two figures of one thing, not one target twice
                    score = max(_dice(texts[i], texts[j]),
                                _dice(_sentence_of(items[i], ti), _sentence_of(items[j], tj)))
                    need = SHARED_TARGET_THRESHOLD if _specific(ti) and _specific(tj) else SMALL_TARGET_THRESHOLD
                    if score >= need:
                        out.append((min(i, j), max(i, j), score, tj.text or ti.text))
        return out
    import numpy as np
    entries = [e for g in groups for e in g]            # each group's members one after another
    group_of = [k for k, g in enumerate(groups) for _ in g]
    sentences = [_sentence_of(items[i], t) for i, t in entries]
    specific = [_specific(t) for _, t in entries]
    a, b, score = _shared_target_scored(group_of, [i for i, _ in entries], specific, texts, sentences)
    # the same thing and the same measure: asked once per distinct pair of metrics, of measures
    metric, metric_of = _ids(t.metric for _, t in entries)
    measure, measure_of = _ids(d.measure(t.text, t.kind) for _, t in entries)
    pair, inv = np.unique(metric_of[a] * len(metric) + metric_of[b], return_inverse=True)
    same = np.array([_same_thing(d, metric[k // len(metric)], metric[k % len(metric)]) for k in pair.tolist()],
                    dtype=bool)
    alike = np.array([[d.same_measure(x, y) for y in measure] for x in measure], dtype=bool)
    ok = np.flatnonzero(same[inv.reshape(-1)] & alike[measure_of[a], measure_of[b]])
    a, b = a[ok], b[ok]
    item = np.array([i for i, _ in entries], dtype=np.int64)
    written = [t.text for _, t in entries]
    return list(zip(np.minimum(item[a], item[b]).tolist(), np.maximum(item[a], item[b]).tolist(),
                    score[ok].tolist(), [written[y] or written[x] for x, y in zip(a.tolist(), b.tolist())]))


def _ids(values):
    """The distinct values in order of first appearance, and each value's index among them (an int array)."""
    import numpy as np
    index: dict = {}
    of = np.fromiter((index.setdefault(v, len(index)) for v in values), dtype=np.int64)
    return list(index), of


# Groups of up to this many entries have every pair counted exactly (group-local bitsets: a few words a pair);
# a larger group (one figure in thousands of items) goes through the similarity joins instead.
_GROUP_ALL = 600
_BATCH_CHARS = 1 << 18      # characters of the entries' texts whose bitsets are built at a time


def _shared_target_scored(group_of: list[int], item_of: list[int], specific: list[bool], texts: list[str],
                          sentences: list[str]):
    """(a, b, score) arrays for the pairs of entries a < b of one group (`group_of`, entries group by group) and two
    items (`item_of`) whose items' texts or target sentences are alike enough (SHARED_TARGET_THRESHOLD when
    both targets are `specific`, SMALL_TARGET_THRESHOLD else), in (a, b) order; the score is `_dice`'s, to
    the last bit (the same integer counts, the same float division).

    Every pair of a group of up to `_GROUP_ALL` entries is counted (simjoin.GroupBits); the entries of larger
    groups are joined (`_shared_target_joined`)."""
    import numpy as np

    from ... import simjoin

    group = np.asarray(group_of, dtype=np.int64)
    item = np.asarray(item_of, dtype=np.int64)
    spec = np.asarray(specific, dtype=bool)
    n = len(group)
    starts = np.flatnonzero(np.append(True, group[1:] != group[:-1])) if n else np.zeros(0, np.int64)
    counts = np.diff(np.append(starts, n))
    big = counts > _GROUP_ALL
    text_of = [texts[i] for i in item_of]
    chars = np.concatenate(([0], np.cumsum([len(t) for t in text_of])))
    found_a, found_b, found_s = [], [], []
    small = [(f, k) for f, k in zip(starts[~big].tolist(), counts[~big].tolist()) if k > 1]
    for run in _runs(small, chars, _BATCH_CHARS):
        e0, e1 = run[0][0], run[-1][0] + run[-1][1]
        local = group[e0:e1] - group[e0]
        text_bits = simjoin.GroupBits(*simjoin.bigram_sets(text_of[e0:e1]), local)
        sent_bits = simjoin.GroupBits(*simjoin.bigram_sets(sentences[e0:e1]), local)
        for first, k in run:
            a, b = np.triu_indices(k, 1)
            g, f = int(local[first - e0]), first - e0
            score = np.maximum(_dice_of(text_bits, g, f, k, a, b), _dice_of(sent_bits, g, f, k, a, b))
            a, b = a + first, b + first
            need = np.where(spec[a] & spec[b], SHARED_TARGET_THRESHOLD, SMALL_TARGET_THRESHOLD)
            ok = (score >= need) & (item[a] != item[b])
            found_a.append(a[ok])
            found_b.append(b[ok])
            found_s.append(score[ok])
    if big.any():
        which = np.flatnonzero(np.repeat(big, counts))
        got = _shared_target_joined(group[which], item[which], spec[which], [texts[i] for i in item[which].tolist()],
                                    [sentences[k] for k in which.tolist()])
        found_a.append(which[got[0]])
        found_b.append(which[got[1]])
        found_s.append(got[2])
    if not found_a:
        return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0)
    a, b, score = np.concatenate(found_a), np.concatenate(found_b), np.concatenate(found_s)
    o = np.argsort(a * n + b, kind="stable")
    return a[o], b[o], score[o]


def _runs(groups: list[tuple[int, int]], chars, limit: int):
    """The groups (first entry, size) in runs of consecutive entries of about `limit` characters of text,
    so that the bitsets of one run at a time are held."""
    run: list[tuple[int, int]] = []
    for first, k in groups:
        if run and (first != run[-1][0] + run[-1][1] or chars[first] - chars[run[0][0]] >= limit):
            yield run
            run = []
        run.append((first, k))
    if run:
        yield run


def _dice_of(bits, g: int, first: int, k: int, a, b):
    """`_dice` of the pairs (first + a, first + b) of group g, from their exact overlaps."""
    return _dice_counts(bits.size[first + a], bits.size[first + b], bits.pair_overlaps(g, first, k, a, b))


def _dice_counts(sx, sy, ov):
    """`_dice` from the sizes of two sets and their overlap (arrays): the same float division, 0 for an empty set."""
    import numpy as np
    return np.where((sx > 0) & (sy > 0), 2.0 * ov / np.maximum(sx + sy, 1), 0.0)


def _shared_target_joined(group, item, spec, texts: list[str], sentences: list[str]):
    """(a, b, score) arrays as `_shared_target_scored`'s, for entries whose groups are too large to count
    every pair: candidates come from similarity joins of the entries' texts and of their sentences — of
    all entries at SMALL_TARGET_THRESHOLD, of the specific ones at SHARED_TARGET_THRESHOLD — each bigram
    made a token of the entry's group (two entries of one group share what their texts share, two of
    different groups nothing), so every pair that reaches its threshold is among them and few others;
    each is then counted exactly (simjoin.overlaps)."""
    import numpy as np

    from ... import simjoin

    def dice(ts, xs, ys):
        return _dice_counts(ts.size[xs], ts.size[ys], simjoin.overlaps(ts, xs, ys))

    n = len(group)
    everyone, sub = np.arange(n), np.flatnonzero(spec)
    text_sets, sent_sets = _group_sets(texts, everyone, group), _group_sets(sentences, everyone, group)
    found = []
    for strings, ts in ((texts, text_sets), (sentences, sent_sets)):
        found.append(simjoin.candidate_pairs(ts, SMALL_TARGET_THRESHOLD))
        if len(sub) > 1:                                    # two specific targets: SHARED_TARGET_THRESHOLD
            x, y = simjoin.candidate_pairs(_group_sets(strings, sub, group), SHARED_TARGET_THRESHOLD)
            found.append((sub[x], sub[y]))
    a = np.concatenate([x for x, _ in found])
    b = np.concatenate([y for _, y in found])
    keep = (group[a] == group[b]) & (item[a] != item[b])
    pair = np.unique(a[keep] * n + b[keep])
    a, b = pair // n, pair % n
    score = np.maximum(dice(text_sets, a, b), dice(sent_sets, a, b))
    need = np.where(spec[a] & spec[b], SHARED_TARGET_THRESHOLD, SMALL_TARGET_THRESHOLD)
    ok = score >= need
    return a[ok], b[ok], score[ok]


def _group_sets(strings: list[str], which, group):
    """The bigram sets of `strings[k]` for k in `which` (an int array), each bigram a token of group[k]."""
    import numpy as np

    from ... import simjoin
    keys, sizes = simjoin.bigram_sets([strings[k] for k in which.tolist()])   # keys below 2 ** 42
    ids, vocab = simjoin.dense_ids((np.repeat(group[which], sizes) << 42) | keys)
    return simjoin.TokenSets.from_flat(ids, sizes, vocab)


_WS = re.compile(r"\s+")


def _names_only(text: str) -> bool:
    """A line that only lists agencies (a 责任单位 cell of a task table copied one cell per line): the same
    names under many tasks are no paragraph printed twice."""
    from ...parse.agencies import is_agency_shaped
    flat = re.sub(r"[（(][^（）()]*[）)]", "", text.strip())
    names = [n for n in re.split(r"[、，,；;\s]+", flat) if n]
    return bool(names) and all(is_agency_shaped(n) for n in names)


def _key(text: str) -> str:
    """A paragraph without its leading marker, spaces and punctuation (so `1.X` and `2.X` are the same text)."""
    t = text.strip()
    m = parse_marker(t)
    if m is not None:
        t = t[m["end"]:]
    return _PUNCT.sub("", t)


@register
class RepeatedText(Rule):
    """## What it does
    Finds a block of text that appears twice: the same paragraph printed twice, or the whole body
    printed a second time (once run together on one line, once with line breaks, as web pages often do).

    ## Why is this bad?
    A repeated paragraph is a copy-and-paste slip; a repeated body doubles every item a reader or a
    tool counts.

    ## Example
    ```
    1.推进知识产权保护中心建设，提升快速协同保护能力。
    2.推进知识产权保护中心建设，提升快速协同保护能力。
    ```

    ## Use instead
    Delete the second copy.
    """
    code = "DUP002"
    name = "repeated-text"
    severity = "warning"
    kinds = ("plan", "division", "summary", "unknown")
    doc_zh = """## 检查什么
同一段文字出现两次：某段重复粘贴，或整篇正文被打印了两遍（网页上常见：先连成一行，再分行重复一遍）。

## 为什么
段落重复是复制粘贴的失误；正文重复则会让每一项都被数两遍。

## 示例（会报告）
1.推进知识产权保护中心建设，提升快速协同保护能力。
2.推进知识产权保护中心建设，提升快速协同保护能力。

## 应改为
删去重复的一份。"""
    example_hit = ("2024年工作要点\n一、加强保护\n1.推进知识产权保护中心建设，提升快速协同保护能力。\n"
                   "2.推进知识产权保护中心建设，提升快速协同保护能力。\n")
    example_miss = ("2024年工作要点\n一、加强保护\n1.推进知识产权保护中心建设，提升快速协同保护能力。\n"
                    "2.加强地理标志保护，规范专用标志使用。\n")

    MIN_LEN = 20

    def check(self, ctx: Context) -> Iterable[Finding]:
        first_doc = _first_checked(ctx)
        reported_lines: set[int] = set()
        # what the parser saw (a body printed twice) — reported once per file, on its first document
        if ctx.doc is first_doc:
            for w in ctx.result.warnings or []:
                if str(w.get("code", "")).upper() != "DUP002":
                    continue
                line = w.get("line") or w.get("start_line")
                zh = w.get("message_zh") or w.get("message") or "正文重复出现"
                en = w.get("message_en") or w.get("message") or "the body appears twice"
                node = owner(ctx, line) if isinstance(line, int) else None
                text = ctx.result.lines[line - 1] if isinstance(line, int) and 0 < line <= len(ctx.result.lines) else ""
                rel = []
                for k in ("other_line", "first_line", "original_line", "copy_of"):
                    if isinstance(w.get(k), int):
                        rel.append({"source": ctx.source, "line": w[k], "excerpt": ctx.result.lines[w[k] - 1][:60]
                                    if 0 < w[k] <= len(ctx.result.lines) else ""})
                f = self.finding(ctx, zh, en, line=line if isinstance(line, int) else None,
                                 excerpt=text.strip()[:60], suggestion="删去重复的一份", suggestion_en="delete the second copy", related=rel)
                if node is not None and node.line == line:
                    f.label, f.path = node.label, ctx.path_of(node)
                reported_lines.add(line)
                yield f
        # a block printed twice in a row — a heading with its paragraph — is one fault: the copy is to be deleted
        # (not renumbered), so it is reported here once and no other rule reads it
        for first, last, orig in copied_blocks(ctx):
            text = ctx.result.lines[first - 1].strip()
            n_par = sum(1 for i in range(first, last + 1) if ctx.result.lines[i - 1].strip())
            node = owner(ctx, first)
            if n_par > 1:
                zh = f"第 {first}–{last} 行把第 {orig} 行起的 {n_par} 段（标题连同其下文字）又印了一遍"
                en = f"lines {first}–{last} print the {n_par} paragraphs from line {orig} (a heading with its text) again"
            else:
                zh, en = f"这段文字与第 {orig} 行完全相同，重复出现", f"this paragraph repeats line {orig} word for word"
            f = self.finding(ctx, zh, en, line=first, excerpt=text[:60], suggestion="删去重复的一份",
                             suggestion_en="delete the second copy",
                             related=[{"source": ctx.source, "line": orig,
                                       "excerpt": ctx.result.lines[orig - 1].strip()[:60]}])
            if node is not None and node.line == first:
                f.label, f.path = node.label, ctx.path_of(node)
            reported_lines.update(range(first, last + 1))
            yield f
        lines = [(ln, t) for ln, t in doc_lines(ctx) if t.strip()]
        keys = [(ln, _key(t), t) for ln, t in lines]
        seen: dict[str, int] = {}
        for ln, k, t in keys:
            if len(k) < self.MIN_LEN or _names_only(t):
                continue
            if k in seen and ln not in reported_lines:
                node = owner(ctx, ln)
                first = seen[k]
                yield self.finding(
                    ctx, f"这段文字与第 {first} 行完全相同，重复出现", f"this paragraph repeats line {first} word for word",
                    node=node if node is not None and node.line == ln else None, line=ln,
                    excerpt=t.strip()[:60], suggestion="删去重复的一份", suggestion_en="delete the second copy",
                    related=[{"source": ctx.source, "line": first, "excerpt": ctx.result.lines[first - 1].strip()[:60]}])
                reported_lines.add(ln)
            else:
                seen.setdefault(k, ln)
        # a body run together on one line before (or after) the same text with line breaks
        if not any(str(w.get("code", "")).upper() == "DUP002" for w in ctx.result.warnings or []):
            shorts = [(ln, k) for ln, k, _ in keys if 20 <= len(k) <= 400]
            for ln, k, t in keys:
                if len(k) < 400 or ln in reported_lines:
                    continue
                inside = [s for s, sk in shorts if s != ln and sk in k]
                if len(inside) >= 3 and len(inside) >= 0.3 * len(shorts):
                    yield self.finding(
                        ctx, f"正文重复：此行把第 {inside[0]}–{inside[-1]} 行的内容连成一行又印了一遍",
                        f"the body appears twice: this line repeats lines {inside[0]}–{inside[-1]} run together",
                        line=ln, excerpt=excerpt_at(t.strip(), 0, 30), suggestion="删去重复的一份", suggestion_en="delete the second copy",
                        related=[{"source": ctx.source, "line": inside[0],
                                  "excerpt": ctx.result.lines[inside[0] - 1].strip()[:60]}])
                    reported_lines.add(ln)


def _first_checked(ctx: Context) -> Optional[object]:
    for d in ctx.result.documents:
        if d.kind in RepeatedText.kinds:
            return d
    return ctx.doc
