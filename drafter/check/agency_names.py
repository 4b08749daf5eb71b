"""Is an agency name a slip of a known one? The typo model AGY002 uses, and agency names in running text.

A name is a slip of a known name when the two differ by one character and the difference looks like a typing
slip rather than another real office (rules/agencies.yaml says which, as data):

- the last character replaced by one typed for it (`slips`: 局 → 据/居, 委 → 为): 市教育据, 市卫生健康为;
- a character replaced, dropped or doubled inside the name so that a pair of characters appears that no known
  name, no word of `words` and no other place of the document has: 市住房城乡建没局 (建没), 市公按局 (公按),
  市人设局 (人设), 市生环境局 (生环). A replacement that leaves only familiar pairs is most likely a real office
  the list lacks (区卫生健康局, 区政务服务和大数据管理局) and is not reported.

In running text a name is looked for where a level prefix (市, 区, 县, 省) starts one and an agency ending (or a
character typed for one) closes it: 联合市公按局开展…, 由市教育据统筹…
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Optional

from .data import RulesData, norm_name

LEVELS = "市区县省"
_OPTIONAL = "和与及"   # dropped from a name in its standard short form (住房城乡建设局, 人力资源社会保障局)
# characters an agency name ends with (a window in running text must end on one, or on a slip of one)
_ENDINGS = "局委办厅院会心队部署府处站所"
MAX_CORE = 14
# where a name in running text may start: a level prefix before a Chinese character
_LEVEL_START = re.compile(rf"[{LEVELS}](?=[\u4e00-\u9fff])")
_NOT_CJK = re.compile(r"[^\u4e00-\u9fff]")


def _index(d: RulesData) -> tuple:
    """The known cores (names without their level prefix) indexed by each one-character deletion — built once
    for each RulesData."""
    got = d.__dict__.get("_name_index")
    if got is None:
        cores = {c for c in d.known_cores if len(c) >= 2} | {k[1:] for k in d.known if k[:1] in "市省" and len(k) > 2}
        # 市农委 is 市 + 农委: the level prefix is not part of what is compared (省市党委 is no slip of 省市农委)
        words = tuple(str(w) for w in (d.raw.get("agencies.yaml") or {}).get("not_prefix") or ())
        cores = sorted(c for c in cores if not (c[:1] in LEVELS and c[1:] in cores and not c.startswith(words)))
        by_del: dict[str, list[tuple[str, int]]] = {}
        for c in cores:
            for j in range(len(c)):
                by_del.setdefault(c[:j] + c[j + 1:], []).append((c, j))
        slip_chars = frozenset().union(*d.slips.values()) if d.slips else frozenset()
        # names the list gives as an office's own name (not an alias): preferred between equally near ones
        canon = frozenset(c[1:] if c[:1] in "市省" else c for c in d.known.values())
        got = (cores, set(cores), by_del, slip_chars, max((len(c) for c in cores), default=0), canon)
        d.__dict__["_name_index"] = got
    return got


@dataclass(frozen=True)
class Slip:
    written: str     # the name as written (prefix included)
    known: str       # the known name it is a slip of (same prefix)
    start: int = -1  # where it stands in the text it was found in (running text only)
    ties: tuple = ()  # other known names just as close (then the suggestion is advice, not a fix)


class NameModel:
    """The known names of `d` indexed for one-character differences, with the document's own character pairs."""

    def __init__(self, d: RulesData, doc_text: str = "", year: Optional[int] = None, region: str = ""):
        self.d = d
        self.cores, self.core_set, self.by_del, self.slip_chars, self.max_len, self.canon = _index(d)
        self.doc_text = doc_text
        self.year = year
        self.region = region
        self._doc_pairs: dict[str, bool] = {}   # pair → stands twice in the document
        self._near: dict[str, list[str]] = {}   # core → near()'s answer
        # what a name in running text may end on: an agency ending, or a character typed for one
        self._last_chars = re.compile("[" + re.escape("".join(sorted(set(_ENDINGS) | {
            c for c in self.slip_chars if len(c) == 1}))) + "]")
        raw = (d.raw.get("agencies.yaml") or {}).get("confusables") or ()
        self.confusable = frozenset(frozenset(str(p)) for p in raw if len(str(p)) == 2)

    def _abolished(self, name: str) -> Optional[str]:
        """The current name of `name` when a reform replaced it by the document's year (市卫计委 → 市卫生健康委)."""
        hit = self.d.rename_for(name, self.year, self.region) if self.year else None
        return hit.new if hit else None

    def _typed_for(self, r: str, k: str) -> bool:
        """Is the one character that differs between `r` (as written) and `k` a homophone or look-alike typed for it
        (建/健, 化/划: rules/agencies.yaml `confusables`)?"""
        if len(r) != len(k):
            return False
        diff = [(a, b) for a, b in zip(r, k) if a != b]
        return len(diff) == 1 and frozenset(diff[0]) in self.confusable

    def rank(self, prefix: str, core: str, got: list[str], context: str = "") -> tuple[str, tuple]:
        """The name to suggest among the known cores `got` that `core` is a slip of, and the others as near.
        A name a reform has replaced by the document's year is never suggested (市卫计委 in 2024): its current name
        is, when no current name is as near. Then: one the document uses, one its issuer or title names, one whose
        differing character is typed for the other (卫建委 → 卫健委, not 住建委), an office's own name, the shorter."""
        names: list[str] = []
        for c in got:
            cur = self._abolished(prefix + c)
            if cur is not None:
                if any(self._abolished(prefix + x) is None for x in got):
                    continue
                cur_core = cur[len(prefix):] if cur.startswith(prefix) else cur
                names.append(cur_core)
            else:
                names.append(c)
        names = list(dict.fromkeys(names))
        best = max(names, key=lambda c: (prefix + c in self.doc_text,
                                         bool(context) and (prefix + c in context or c in context),
                                         self._typed_for(core, c), c in self.canon, -len(c)))
        return prefix + best, tuple(prefix + c for c in names if c != best)

    def _twice_in_doc(self, pair: str) -> bool:
        """Does the two-character `pair` stand at two places (or more) of the document? Searched for, not
        counted: a plan of thousands of items asks about a few dozen pairs."""
        got = self._doc_pairs.get(pair)
        if got is None:
            t = self.doc_text
            i = t.find(pair) if len(pair) == 2 else -1
            got = self._doc_pairs[pair] = i >= 0 and t.find(pair, i + 1) >= 0
        return got

    # -- the model --------------------------------------------------------------------------------

    def _seen(self, pair: str) -> bool:
        """A pair real names are made of: in a known name, in `words`, or elsewhere in the document."""
        return pair in self.d.name_bigrams or self._twice_in_doc(pair)

    def _slip_at_end(self, typed: str, meant: str) -> bool:
        return typed in self.d.slips.get(meant, ())

    def _judge(self, r: str, k: str) -> bool:
        """Is `r` (a core as written) a typing slip of the known core `k`?"""
        if len(r) == len(k):
            diff = [j for j in range(len(r)) if r[j] != k[j]]
            if len(diff) != 1:
                return False
            j = diff[0]
            if j == len(r) - 1:
                return self._slip_at_end(r[j], k[j])
            if len(k) <= 2:
                return False   # 侨办/台办/外办: too many real short names one character apart
            new = [r[j - 1:j + 1]] if j > 0 else []
            new.append(r[j:j + 2])
            return any(not self._seen(p) for p in new)
        if len(r) == len(k) - 1:          # a character dropped inside the name (not its first or last)
            j = next((i for i in range(len(r)) if r[i] != k[i]), len(r))
            if j == 0 or j >= len(k) - 1 or k[j] in _OPTIONAL:
                return False               # 住房城乡建设局 for 住房和城乡建设局 is the standard short form
            # from a long name a dropped character is a slip even where the pair it leaves is a familiar one
            return len(k) >= 5 or not self._seen(r[j - 1:j + 1])
        if len(r) == len(k) + 1:          # a character added inside the name
            j = next((i for i in range(len(k)) if r[i] != k[i]), len(k))
            if j == 0 or j >= len(r) - 1:
                return False
            if r[j] == r[j - 1] or r[j] == r[j + 1]:
                return True                # a doubled character: 市公安安局
            return not self._seen(r[j - 1:j + 1]) and not self._seen(r[j:j + 2])
        return False

    def near(self, r: str) -> list[str]:
        """Known cores `r` is a slip of (one character apart, judged by the model)."""
        if r in self.core_set or len(r) < 2:
            return []
        got = self._near.get(r)
        if got is None:   # the same windows of running text recur in a long plan: judged once each
            got = self._near[r] = self._near_cores(r)
        return list(got)

    def _near_cores(self, r: str) -> list[str]:
        cands: set[str] = set()
        for j in range(len(r)):                       # replaced (same length) or added (one longer)
            for c, jj in self.by_del.get(r[:j] + r[j + 1:], ()):
                if len(c) == len(r) and jj == j:
                    cands.add(c)
            if r[:j] + r[j + 1:] in self.core_set:
                cands.add(r[:j] + r[j + 1:])
        for c, _ in self.by_del.get(r, ()):           # dropped (one shorter)
            cands.add(c)
        return sorted(c for c in cands if self._judge(r, c))

    def slip_of(self, name: str, context: str = "", ties: Optional[list] = None) -> Optional[str]:
        """The known name `name` is a slip of, its place prefix kept (None when it is no slip, or known);
        other names just as close are added to `ties`. A section of a misspelt office keeps its own name:
        市住房城乡建没局机关党委 → 市住房城乡建设局机关党委."""
        n = norm_name(name)
        d = self.d
        if len(n) < 3 or d.is_known(n) or d.is_generic(n):
            return None
        # the ending typed wrong on a name known by its pattern or as a branch (…宁波监管居, …涧西分据)
        for e, typed in d.slips.items():
            if n[-1] in typed and d.is_known(n[:-1] + e):
                return n[:-1] + e
        for cut in range(len(n) - 2, 2, -1):
            if n[cut:] in d.internal_names:
                head = self.slip_of(n[:cut], context, ties)
                if head:
                    return head + n[cut:]
                break
        for i in range(0, min(len(n) - 1, 10)):
            prefix, core = n[:i], n[i:]
            if not d.valid_prefix(prefix):
                continue
            got = self.near(core)
            if got:
                best, others = self.rank(prefix, core, got, context)
                if ties is not None:
                    ties.extend(others)
                return best
        return None

    # -- running text -----------------------------------------------------------------------------

    def mentions(self, text: str, context: str = "") -> Iterable[Slip]:
        """Slips of known names in running text: a level prefix, up to MAX_CORE characters, an agency ending
        (or a slip of one) — the first window that is a slip wins; a known name there ends the search."""
        d = self.d
        done = 0
        for m in _LEVEL_START.finditer(text):
            i = m.start()
            if i < done:
                continue
            ch = text[i]
            lim = min(len(text), i + 2 + min(MAX_CORE, self.max_len + 1))
            stop = _NOT_CJK.search(text, i + 2, lim)   # the window ends at the first character that is not Chinese
            for e in self._last_chars.finditer(text, i + 2, stop.start() if stop else lim):
                end = e.end()
                last = e.group()
                ending = last in _ENDINGS
                typed = not ending and last in self.slip_chars
                if not (ending or typed):
                    continue
                core = text[i + 1:end]
                if core in self.core_set:
                    break          # a real name stands here (市公安局…): nothing to find inside it
                if typed and text.startswith(d.slip_words, end - 1):
                    continue       # 据统计, 为民: a word, not a misspelt ending
                got = self.near(core)
                if got and d.is_known(ch + core):
                    break
                if got:
                    best, others = self.rank(ch, core, got, context)
                    yield Slip(written=ch + core, known=best, start=i, ties=others)
                    done = end
                    break
