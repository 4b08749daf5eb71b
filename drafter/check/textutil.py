"""Shared helpers for the text-level rules: a document's lines, which node owns a line, logical
paragraphs (hard line breaks from PDF extraction joined back), heading markers and Chinese numerals.

Rules read the raw lines (`ParseResult.lines`) for what the parser does not keep (brackets, spaces,
years) and the node tree for structure; `owner(ctx, line)` ties the two together so every finding
carries a label and a heading path.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from typing import Optional

from ..memo import BoundedMemo
from ..model import Document, Node
from ..parse.markers import cn_to_int, int_to_cn, label_marker
from .base import Context

CN_NUMS = "零〇一二三四五六七八九"
# Chinese numerals: one implementation for the whole tool, beside the marker reader
cn2int = cn_to_int
int2cn = int_to_cn


FAMILY_ZH = {"cn": "一、", "paren_cn": "（一）", "arabic": "1.", "paren_arabic": "（1）",
             "ordinal_shi": "一是", "circled": "①", "dash": "——", "part": "第一部分"}
_NUMERAL = re.compile(r"[0-9０-９]+|[一二三四五六七八九十百零〇两]+|[①-⑳]")


_MARKER_MEMO = BoundedMemo()


def parse_marker(label: str) -> Optional[dict]:
    """The family, value and written form of a heading marker (`label` as written, or a line start).

    The marker is read by the parser's own reader (parse/markers.py), so a rule sees every label the
    parser saw; this adds how it is written: its brackets, the mark after it, full-width digits.
    """
    # three rules ask for the same labels (（一）, 1. …) thousands of times: read each once, hand out copies
    m = _MARKER_MEMO.answer(label, _parse_marker, label)
    return dict(m) if m is not None else None


def _parse_marker(label: str) -> Optional[dict]:
    m = label_marker(label)
    if m is None or m.family.startswith("h"):
        return None
    lab = m.label.rstrip(" \t\u00a0\u3000")
    fam = "ordinal_shi" if m.family == "shi" else m.family
    num = _NUMERAL.search(lab)
    raw = num.group(0) if num and fam != "dash" else lab
    close = next((ch for ch in lab if ch in ")）"), "")
    tail = lab[lab.index(close) + 1:] if close else lab[num.end():] if num and fam in ("cn", "arabic") else ""
    return {"family": fam, "value": m.number, "raw": raw, "open": lab[0] if lab[:1] in "(（" else "",
            "close": close, "punct": tail.strip()[:1], "end": len(m.label),
            "fw_digits": bool(re.search("[０-９]", raw))}


_FW_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def make_label(fam: str, value: int, like: Optional[dict] = None) -> str:
    """A label of family `fam` with `value`, written in the same form as `like` where given."""
    o = (like or {}).get("open") or "（"
    c = (like or {}).get("close") or ("）" if o == "（" else ")")
    if fam == "paren_cn":
        return f"{o}{int2cn(value)}{c}"
    if fam == "paren_arabic":
        return f"{o}{value}{c}"
    if fam == "cn":
        return f"{int2cn(value)}、"
    if fam == "arabic":
        p = (like or {}).get("punct") or "."
        return f"{value}{p if p in '.．' else '.'}"
    if fam == "ordinal_shi":
        return f"{int2cn(value)}是"
    if fam == "circled":
        return chr(ord("①") + value - 1) if 1 <= value <= 20 else str(value)
    return ""


# ---- lines, ranges and owners -------------------------------------------------------------------------

def _cache(ctx: Context) -> dict:
    c = ctx.__dict__.get("_tu_cache")
    if c is None:
        c = {}
        ctx.__dict__["_tu_cache"] = c
    return c


def doc_range(ctx: Context, doc: Optional[Document] = None) -> tuple[int, int]:
    """First and last line (1-based, inclusive) that belong to `doc` (default: the checked document)."""
    doc = doc or ctx.doc
    lines = ctx.result.lines
    n = len(lines)
    start = doc.line or 1
    if doc.end_line:
        end = doc.end_line
    else:
        later = [d.line for d in ctx.result.documents if d is not doc and d.line and d.line > start]
        end = (min(later) - 1) if later else n
        # a document without a known end: stop after its last node's paragraph (footers follow)
        last = max((x.line or 0) for x in doc.walk()) if doc.sections else 0
        if last and not later:
            end = last
            while end < n and lines[end].strip() and not _ends_paragraph(lines[end - 1]):
                end += 1
            # paragraphs the parser joined to the last node (a summary's narrative under its last heading)
            tail = next((x for x in doc.walk() if x.line == last), None)
            body = re.sub(r"\s+", "", tail.text) if tail is not None else ""
            k = end
            while body and k < n:
                t = re.sub(r"\s+", "", lines[k])
                if t and t not in body:
                    break
                k += 1
                if t:
                    end = k
    return max(1, start), min(n, max(end, start))


def node_lines(doc: Document) -> list[tuple[int, Node]]:
    return sorted(((n.line, n) for n in doc.walk() if n.line), key=lambda t: t[0])


def owner(ctx: Context, line: int) -> Optional[Node]:
    """The node whose paragraph holds `line` (the last node starting at or before it), or None (preamble)."""
    c = _cache(ctx)
    if "owners" not in c:
        nl = node_lines(ctx.doc)
        c["owners"] = ([ln for ln, _ in nl], [n for _, n in nl])
    starts, nodes = c["owners"]
    i = bisect_right(starts, line) - 1
    return nodes[i] if i >= 0 else None


def skip_lines(ctx: Context) -> set[int]:
    """Lines text rules do not read: a second copy of the body the parser reported (DUP002), and page
    furniture (page marks, running headers) the parser found between the lines of the text."""
    c = _cache(ctx)
    if "skip" not in c:
        s: set[int] = set(getattr(ctx.result, "furniture", None) or ())
        for w in ctx.result.warnings or []:
            if str(w.get("code", "")).upper() == "DUP002":
                a = w.get("start_line", w.get("line"))
                b = w.get("end_line")
                if isinstance(a, int):
                    s.update(range(a, (b if isinstance(b, int) and b >= a else a) + 1))
                for k in ("copy_line", "duplicate_line", "lines"):
                    v = w.get(k)
                    if isinstance(v, int):
                        s.add(v)
                    elif isinstance(v, list):
                        s.update(x for x in v if isinstance(x, int))
        c["skip"] = s
        # a block printed twice in a row (a heading with its paragraph): the copy is DUP002's, and no other
        # rule reads it again (one fault, one finding)
        for first, last, _ in copied_blocks(ctx, s):
            s.update(range(first, last + 1))
    return c["skip"]


_KEY_DROP = re.compile(r"[\s\u3000\u00a0]+")
BLOCK_MIN_CHARS = 20
BLOCK_MAX_LINES = 12


def copied_blocks(ctx: Context, skip: Optional[set] = None) -> list[tuple[int, int, int]]:
    """Blocks of paragraphs printed twice in a row, markers and all: (first line, last line of the copy, first
    line of the original). A heading repeated with the paragraph under it is one block; so is one paragraph
    printed twice. At least BLOCK_MIN_CHARS characters, at most BLOCK_MAX_LINES paragraphs."""
    c = _cache(ctx)
    if "copies" in c:
        return c["copies"]
    if skip is None:
        skip_lines(ctx)
        return c["copies"]
    a, b = doc_range(ctx)
    rows = [(i, _KEY_DROP.sub("", ctx.result.lines[i - 1])) for i in range(a, b + 1) if i not in skip]
    rows = [(i, k) for i, k in rows if k]
    keys = [k for _, k in rows]
    last_at: dict[str, list[int]] = {}
    for j, k in enumerate(keys):
        last_at.setdefault(k, []).append(j)
    out: list[tuple[int, int, int]] = []
    j = 1
    while j < len(rows):
        got = 0
        # a copy of the k paragraphs before j starts with the paragraph k places back: look only there
        for p in reversed(last_at[keys[j]]):
            k = j - p
            if k <= 0:
                continue
            if k > min(BLOCK_MAX_LINES, len(rows) - j):
                break
            if keys[p:j] == keys[j:j + k] and sum(len(x) for x in keys[j:j + k]) >= BLOCK_MIN_CHARS:
                got = k
                break
        if got:
            out.append((rows[j][0], rows[j + got - 1][0], rows[j - got][0]))
            j += got
        else:
            j += 1
    c["copies"] = out
    return out


def copied_lines(ctx: Context) -> set[int]:
    """Every line of a copy found by copied_blocks."""
    return {ln for first, last, _ in copied_blocks(ctx) for ln in range(first, last + 1)}


_END_PUNCT = "。！？!?；;"


def _ends_paragraph(text: str) -> bool:
    t = text.rstrip()
    return not t or t[-1] in _END_PUNCT


def _open_bracket(cur: list[tuple[int, str]]) -> bool:
    """A （ or ( still open in the lines so far (a clause `（牵头单位：…；` wrapped right after its ；)."""
    t = "".join(x for _, x in cur)
    return t.count("（") + t.count("(") > t.count("）") + t.count(")")


def doc_lines(ctx: Context) -> list[tuple[int, str]]:
    """(line number, text) of the checked document, without lines a parser marked as a duplicate copy."""
    c = _cache(ctx)
    if "lines" not in c:
        a, b = doc_range(ctx)
        skip = skip_lines(ctx)
        c["lines"] = [(i, ctx.result.lines[i - 1]) for i in range(a, b + 1) if i not in skip]
    return c["lines"]


def paragraphs(ctx: Context) -> list[list[tuple[int, str]]]:
    """Logical paragraphs: consecutive lines joined unless a line ends a sentence, is blank, or a node starts.

    PDF extraction breaks lines mid-sentence (even inside an agency parenthesis); a bracket opened on one
    line and closed on the next is then balanced.
    """
    c = _cache(ctx)
    if "paras" in c:
        return c["paras"]
    starts = {ln for ln, _ in node_lines(ctx.doc)}
    skip = skip_lines(ctx)
    out: list[list[tuple[int, str]]] = []
    cur: list[tuple[int, str]] = []
    lines = ctx.result.lines
    for ln, text in doc_lines(ctx):
        if not text.strip():
            continue  # a blank line breaks a paragraph unless page furniture stands in the gap (below)
        if cur:
            gap = range(cur[-1][0] + 1, ln)
            only_blank_or_furniture = all(k in skip or not lines[k - 1].strip() for k in gap)
            page_break = any(k in skip for k in gap)
            ends = _ends_paragraph(cur[-1][1]) and not (cur[-1][1].rstrip()[-1:] in "；;" and _open_bracket(cur))
            if (ln in starts or ends or not only_blank_or_furniture
                    or (len(gap) and not page_break)):
                out.append(cur)
                cur = []
        cur.append((ln, text))
    if cur:
        out.append(cur)
    c["paras"] = out
    return out


def excerpt_at(text: str, pos: int, width: int = 18) -> str:
    a = max(0, pos - width)
    b = min(len(text), pos + width)
    return ("…" if a > 0 else "") + text[a:b].strip() + ("…" if b < len(text) else "")


def quote_spans(text: str, pairs: str = "《》“”") -> list[tuple[int, int]]:
    """Spans (start, end) inside 《…》 or “…” (outermost), for rules that must not look inside titles/quotes."""
    spans = []
    for o, c in (pairs[i:i + 2] for i in range(0, len(pairs), 2)):
        depth, start = 0, 0
        for i, ch in enumerate(text):
            if ch == o:
                if depth == 0:
                    start = i
                depth += 1
            elif ch == c and depth:
                depth -= 1
                if depth == 0:
                    spans.append((start, i + 1))
    return spans


def leading_literal(rx: re.Pattern) -> str:
    """The characters every match of `rx` starts with (after its lookarounds and anchors), read from the
    pattern's parse: a line without them cannot match, and `in` finds that much faster than a regex that
    opens with a lookbehind (which the regex engine tries at every position). "" when there are none,
    for a case-insensitive pattern, or when the parse cannot be read."""
    try:
        try:
            from re import _constants as sre_c, _parser as sre_p
        except ImportError:   # Python 3.10
            import sre_constants as sre_c
            import sre_parse as sre_p
        if not isinstance(rx.pattern, str) or rx.flags & re.IGNORECASE:
            return ""
        out: list[str] = []
        for op, av in sre_p.parse(rx.pattern, rx.flags):
            if op is sre_c.LITERAL:
                out.append(chr(av))
            elif op in (sre_c.ASSERT, sre_c.ASSERT_NOT, sre_c.AT) and not out:
                continue
            else:
                break
        return "".join(out)
    except Exception:  # noqa: BLE001  (only a shortcut: without it the regex runs on every line)
        return ""


def in_spans(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


CJK = "\u4e00-\u9fff\u3400-\u4dbf"


def clause_free(ctx: Context, node: Node) -> str:
    """`node.text` without its responsibility clauses (read once per node for every rule that needs it)."""
    c = _cache(ctx).setdefault("clause_free", {})
    got = c.get(id(node))
    if got is None:
        got = split_clauses(node.text)[0] if node.text else ""
        c[id(node)] = got
    return got


_SPLITS: dict[str, tuple] = {}


def split_clauses(text: str) -> tuple:
    """`split_agencies(text)`, remembered per text: clause_free and AGY001-AGY003 ask it of every item (the
    parser's own call reads the body, not the text). Shared: do not modify what it returns."""
    got = _SPLITS.get(text)
    if got is None:
        from ..parse.agencies import split_agencies
        if len(_SPLITS) > 50000:   # a long-running `drafter serve`: keep it bounded
            _SPLITS.clear()
        got = _SPLITS[text] = split_agencies(text)
    return got
