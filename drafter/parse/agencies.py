"""Responsibility clauses: who leads, who is responsible, who cooperates.

`split_agencies(text)` finds every clause that names responsible agencies in an item and returns
`(text without the clauses, agencies)`. The parser keeps `Node.text` as written and uses the
first element only where clause-free text helps (matching, similarity); the clauses are removed
with the surrounding spaces, nothing else of the text changes.

Forms understood (full-width `（）：；，、` and ASCII `():;,` alike, stray spaces ignored):

    (市知识产权局牵头)                                  → 市知识产权局 lead
    (市科委、市财政局负责)                               → both responsible
    (滨海新区人民政府会同有关部门负责)                     → 滨海新区人民政府 responsible; 有关部门 named nobody
    (牵头单位:市发改委;责任单位:各区人民政府)              → lead; responsible
    (责任单位:市知识产权局、市科技局按职责分工负责)         → both responsible
    (XX牵头,YY、ZZ配合) / (XX牵头,YY参与)                → XX lead; YY, ZZ cooperate
    (责任单位:XX(牵头)、YY)                              → XX lead; YY responsible
    …。牵头单位:市发展改革委;责任单位:各区人民政府         → a labelled clause without parentheses

An item may carry several clauses (one per sentence): all are collected, in order, and a name seen
twice keeps its strongest role (lead > responsible > cooperate).

Ordinary parentheses are left alone: a clause needs a role word (牵头/负责/配合/参与/…) or a label
(牵头单位:/责任单位:…), and every name in it must look like an organisation — short, no
punctuation, and at least one ending like an agency (局/委/办/厅/人民政府/中心/海关/…).
`(以下简称《纲要》)`, `(2016—2020年)`, `(服务)`, `(WIPO)`, `中国(滨海新区)知识产权保护中心` are not clauses.

Generic names (有关部门, 相关单位, …) name nobody: they are dropped, except when a clause names
nobody else — then the generic name is kept so the item still shows that it assigns someone.
"""
from __future__ import annotations

import re
from typing import Optional

from ..memo import BoundedMemo
from ..model import Agency
from .data import alternation, rules, words_by_role

ROLE_RANK = {"lead": 3, "responsible": 2, "cooperate": 1}

_DATA = rules("clauses.yaml")
# what an agency name may end with (`endswith` on a tuple), and names that name nobody in particular (one list,
# rules/agencies.yaml's, shared with the check rules)
AGENCY_SUFFIXES = tuple(_DATA["endings"])
GENERIC_NAMES = frozenset(rules("agencies.yaml")["generic"])

_OPEN = "(（"
_CLOSE = ")）"
_BRACKET = re.compile("[()（）]")
_WS = re.compile(r"[\s\u3000\u00a0]+")

# role words at the end of a segment, longest first: (…负责) (…牵头) (…配合)
_VERB_ROLE = words_by_role(_DATA["verbs"])
_VERB = re.compile(rf"(?P<verb>{alternation(_VERB_ROLE)})$")
# labels: 牵头单位: / 责任单位: / 配合处室: / 牵头: …
_LABEL_ROLE = words_by_role(_DATA["labels"])
_LABEL = re.compile(rf"^(?P<label>{alternation(_LABEL_ROLE)})[:：]")
# a plain labelled clause after a sentence: "…。牵头单位：市发展改革委；责任单位：各区人民政府"
_PLAIN_LABELS = alternation(_DATA["plain_labels"])
_PLAIN = re.compile(
    rf"(?:(?<=[。；;!！?？])|^)\s*(?=(?:{_PLAIN_LABELS})[:：])"
    r"(?P<body>[^。()（）]{2,300})(?:[。]|$)")
# a bracketed role after one name inside a list: "市发展改革委(牵头)、市财政局"; the role is kept on that name
# as a mark character until the names are split
_MARKER_ROLE = dict(_DATA["markers"])
_INNER_ROLE = re.compile(rf"[(（]({alternation(_MARKER_ROLE)})[)）]")
# a role word in brackets at the end of a list is the list's role word: "市商务局、市邮政管理局（按职责分工负责）"
_BRACKET_VERB = re.compile(
    rf"[(（](?P<verb>{alternation(w for w in _VERB_ROLE if w not in _MARKER_ROLE)})[)）](?=$|[,，;；])")
_MARK = {"lead": "\x10", "responsible": "\x11", "cooperate": "\x12"}
_MARK_ROLE = {v: k for k, v in _MARK.items()}
_COHOST = re.compile(alternation(_DATA["cohost"]))  # "A会同B": A leads (or takes the verb's role), B cooperates
_AND = re.compile(r"[和与及]")
_LEAD_IN = re.compile(rf"^(?:{alternation(_DATA['lead_in'])})")
_ETC = re.compile(r"(等(?:有关|相关)?(?:部门|单位|机构)?)$")
_NAME_OK = re.compile(r"^[\u4e00-\u9fffA-Za-z0-9·()（）〈〉、“”]{2,30}$")   # 市“双减”工作专班
_NAME_BAD = re.compile(r"[年月日的是在对把将为了着过以及和或等之]|[0-9]{3,}")
# a bracket inside a name: 市科技局（市知识产权局）, 市委宣传部〈市新闻出版局〉, 各县（市、区）
_NESTED = re.compile(r"[(（〈][^()（）〈〉]*[)）〉]")
# a name that begins like one: 市…, 省…, 国家…, 天津市…, 河西区… (a misspelt ending is still a name)
_PLACE_START = re.compile(r"^(?!市场)(?:国家|各|市|省|[\u4e00-\u9fff]{1,5}?(?:省|市|区|县))[\u4e00-\u9fff]{3,}$")
_SEP_LIST = re.compile(r"[、,，/]")
# a list of place levels naming one set of governments: "各区、县（市）人民政府", "各县、市、区政府"
_PLACE_LEVELS = re.compile(
    r"各?[省市区县乡镇街](?:[(（][^()（）]*[)）])?(?:、[省市区县乡镇街](?:[(（][^()（）]*[)）])?)+"
    r"(?=(?:人民政府|政府|党委|党委政府|管委会|街道|有关部门|相关部门))")
_SEP_PHRASE = re.compile(r"[;；]")
# in a table cell, names may be separated by spaces: "市商务局 市财政局"
_CELL_SPACE = re.compile(r"(?<=[\u4e00-\u9fff）)〉])[\s\u3000]+(?=[\u4e00-\u9fff（(])")
_NOBODY = frozenset({"无", "—", "-", "－", "/", "——"})


def _strength(role: str) -> int:
    return ROLE_RANK.get(role, 0)


def is_agency_shaped(name: str) -> bool:
    """Does `name` look like an organisation (ends like one, short, no punctuation)?"""
    if not name or len(name) > 30 or not _NAME_OK.match(_NESTED.sub("", name)):
        return False
    if name in GENERIC_NAMES:
        return True
    return _ends_like_agency(name)


def _ends_like_agency(name: str) -> bool:
    """局/委/中心/… at the end, or before a second name in brackets: 市科技局（市知识产权局）, 市委宣传部〈市新闻出版局〉."""
    if name.endswith(AGENCY_SUFFIXES):
        return True
    return name[-1:] in ")）〉" and _NESTED.sub("", name).endswith(AGENCY_SUFFIXES)


def _plausible(name: str) -> bool:
    """Could be a (possibly misspelt) agency name: short, CJK, no function words of a sentence."""
    if not name or len(name) > 24 or not _NAME_OK.match(_NESTED.sub("", name)):
        return False
    if name in GENERIC_NAMES or _ends_like_agency(name):
        return True
    # "市知识产权居": a misspelt name is still a name; a clause of prose is not
    return bool(re.match(r"^[\u4e00-\u9fff]{3,16}$", name)) and not _NAME_BAD.search(name)


def _lenient(name: str) -> bool:
    """A short name that begins like one (市…, 省…, 国家…) though a slip made its ending odd."""
    return bool(_PLACE_START.match(_NESTED.sub("", name))) and len(name) <= 16 and \
        not re.search(r"[的是在把将了着过]|[0-9]{3,}", name)


def _names(chunk: str) -> list[str]:
    out = []
    for n in _SEP_LIST.split(chunk):
        mark = n[-1:] if n[-1:] in _MARK_ROLE else ""
        n = _ETC.sub("", n.strip().rstrip("".join(_MARK_ROLE))).replace("\x00", "、").replace("\x01", ",")
        n = n.replace("\x02", "，")
        lead_in = _LEAD_IN.match(n)
        if lead_in and len(n) - lead_in.end() >= 2:
            n = n[lead_in.end():]   # "由市商务局负责": 由 is not part of the name
        if not n:
            continue
        # "市教委和市科委": split on 和/与/及 only when every part is a name ("市经济和信息化委" stays whole)
        parts = _AND.split(n)
        if len(parts) > 1 and all(is_agency_shaped(p) and len(p) >= 3 for p in parts):
            out.extend(p + mark for p in parts)
        else:
            out.append(n + mark)
    return out


def _own_role(name: str) -> tuple[str, Optional[str]]:
    """`市商务局\x10` → (市商务局, lead): a name's own bracketed role, if it carried one."""
    if name[-1:] in _MARK_ROLE:
        return name[:-1], _MARK_ROLE[name[-1]]
    return name, None


def _read_phrase(phrase: str, default: Optional[str], found: list[tuple[str, str]]) -> tuple[bool, bool]:
    """The names of one `；`-phrase with their roles, appended to `found`.

    Returns (saw a role word, every name got a role). A segment (between `，`) ending in a role word gives that
    role to the names before it; `A会同B` makes A lead (or the role word's role) and B cooperate; a name marked
    `（牵头）` keeps its own role; names left over take `default`.
    """
    saw_role = False
    pending: list[str] = []

    def flush(names: list[str], role: Optional[str]) -> bool:
        ok = True
        for n in names:
            n, own = _own_role(n)
            r = own or role
            if r is None:
                ok = False
            found.append((n, r or "responsible"))
        return ok

    complete = True
    for seg in re.split(r"[,，]", phrase):
        if not seg:
            continue
        v = _VERB.search(seg)
        co = _COHOST.search(seg)
        if v or (co and co.start() > 0):
            saw_role = True
            role = _VERB_ROLE[v.group("verb")] if v else "lead"
            if default == "cooperate":
                role = "cooperate"
            head = seg[: v.start()] if v else seg
            if pending and role == "cooperate" and default not in (None, "cooperate"):
                # "责任部门：宣传部，各基层团委配合": the names before the 配合 segment keep the label's role
                complete &= flush(pending, default)
                pending = []
            co = _COHOST.search(head)
            if co and co.start() > 0:
                complete &= flush(pending + _names(head[: co.start()]), role)
                flush(_names(head[co.end():]), "cooperate")
            else:
                complete &= flush(pending + _names(head), role)
            pending = []
        else:
            pending.extend(_names(seg))
    if pending:
        if any(_own_role(n)[1] for n in pending):
            saw_role = True
        complete &= flush(pending, default)
    return saw_role, complete


_BODY_MEMO = BoundedMemo()    # (body, labelled_only, default) → ((name, role), …) or None


def _parse_body(body: str, labelled_only: bool = False, default: Optional[str] = None) -> list[Agency] | None:
    """`_read_body`, each clause read once per process: a plan repeats the same few clauses in thousands of items
    (and check reads every item's again). Callers get new Agency objects."""
    got = _BODY_MEMO.answer((body, labelled_only, default), _body_pairs, body, labelled_only, default)
    return None if got is None else [Agency(n, r) for n, r in got]


def _body_pairs(body: str, labelled_only: bool, default: Optional[str]) -> Optional[tuple[tuple[str, str], ...]]:
    found = _read_body(body, labelled_only, default)
    return None if found is None else tuple((a.name, a.role) for a in found)


def _read_body(body: str, labelled_only: bool = False, default: Optional[str] = None) -> list[Agency] | None:
    """The agencies of one clause body, or None when it is not a clause.

    `default` is the role of names that have none of their own (a table column's role); without it, names
    without any role mean the text is not a clause — `(市科委、市财政局)` — unless a name in it carries its own
    bracketed role (`(市商务局（牵头）、市财政局)`: the others are responsible).
    """
    cell = default is not None
    if cell:
        body = _CELL_SPACE.sub("、", body.strip())
    body = _BRACKET_VERB.sub(r"\g<verb>", _WS.sub("", body))
    inner = bool(_INNER_ROLE.search(body))
    body = _INNER_ROLE.sub(lambda m: _MARK[_MARKER_ROLE[m.group(1)]], body)
    # "各县(市、区)人民政府": separators inside a nested bracket belong to the name
    body = _NESTED.sub(lambda m: m.group(0).replace("、", "\x00").replace(",", "\x01").replace("，", "\x02"), body)
    body = _PLACE_LEVELS.sub(lambda m: m.group(0).replace("、", "\x00"), body)
    if not body:
        return None
    found: list[tuple[str, str]] = []
    saw_role = labelled = False
    for phrase in _SEP_PHRASE.split(body):
        if not phrase:
            continue
        m = _LABEL.match(phrase)
        phrase_default = default or ("responsible" if inner else None)
        if m:
            phrase_default = _LABEL_ROLE[m.group("label")]
            phrase = phrase[m.end():]
            saw_role = labelled = True
        elif labelled_only:
            return None
        role_seen, complete = _read_phrase(phrase, phrase_default, found)
        saw_role |= role_seen
        if not complete:
            return None  # names without any role: "(市科委、市财政局)" is not a clause
    found = [(n, r) for n, r in found if n not in _NOBODY]
    if not found or not (saw_role or cell):
        return None
    names = [n for n, _ in found]
    if not cell:
        if not all(_plausible(n) for n in names):
            # a misspelt name among real ones ("市消防救援支对", "市自然资源和规划居"): it begins like a name and
            # the clause is labelled (牵头单位：) or names a real-looking agency besides it
            sure = labelled or any(is_agency_shaped(n) and n not in GENERIC_NAMES for n in names)
            if not sure or not all(_plausible(n) or _lenient(n) for n in names):
                return None
        if not any((is_agency_shaped(n) or _PLACE_START.match(n)) and n not in GENERIC_NAMES for n in names) and \
                not all(n in GENERIC_NAMES for n in names):
            return None
    specific = [(n, r) for n, r in found if n not in GENERIC_NAMES]
    kept = specific or found[:1]
    return [Agency(n, r) for n, r in kept]


def agencies_in_cell(text: str, role: str) -> list[Agency]:
    """The agencies a task table's cell names, read like a clause: `市商务局（牵头）、市财政局`, `牵头：A；配合：B、C`,
    `A牵头，B、C配合`, `A会同有关部门`; names without a role of their own take the column's `role`. The paragraphs of
    a cell come one per line of `text`."""
    if not text or not text.strip():
        return []
    # a cell of several paragraphs: one name per paragraph, or 牵头单位：… over 配合单位：…
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    text = lines[0] if lines else ""
    for ln in lines[1:]:
        text += ("；" if _LABEL.match(_WS.sub("", ln)) or text[-1:] in "；;" else
                 "" if text[-1:] in "、，," else "、") + ln
    got = _parse_body(text, default=role)
    out: list[Agency] = []
    merge_agencies(out, got or [])
    return out


def _paren_groups(text: str) -> list[tuple[int, int]]:
    """Top-level bracket spans (start, end-exclusive); ASCII and full-width brackets pair either way."""
    spans = []
    depth = 0
    start = -1
    for m in _BRACKET.finditer(text):   # only the brackets: every other character changes nothing
        i, ch = m.start(), m.group()
        if ch in _OPEN:
            if depth == 0:
                start = i
            depth += 1
        elif ch in _CLOSE and depth:
            depth -= 1
            if depth == 0:
                spans.append((start, i + 1))
    return spans


def merge_agencies(into: list[Agency], new: list[Agency]) -> None:
    """Add `new` to `into`: a name seen again keeps its strongest role."""
    for a in new:
        for old in into:
            if old.name == a.name:
                if _strength(a.role) > _strength(old.role):
                    old.role = a.role
                break
        else:
            into.append(Agency(a.name, a.role))


def split_agencies(text: str) -> tuple[str, list[Agency]]:
    """Find the responsibility clauses in `text`.

    Returns the text with every clause cut out (whitespace around a cut squeezed) and the agencies
    in order of appearance, each name once with its strongest role.
    """
    if not text:
        return text or "", []
    agencies: list[Agency] = []
    cuts: list[tuple[int, int]] = []
    if any(c in text for c in _OPEN):
        for s, e in _paren_groups(text):
            inner = text[s + 1: e - 1]
            if len(inner) > 300 or len(inner) < 3:
                continue
            got = _parse_body(inner)
            if got:
                merge_agencies(agencies, got)
                cuts.append((s, e))
    if "单位" in text or "部门" in text:
        for m in _PLAIN.finditer(text):
            if any(s <= m.start("body") < e for s, e in cuts):
                continue
            got = _parse_body(m.group("body"), labelled_only=True)
            if got:
                merge_agencies(agencies, got)
                cuts.append((m.start("body"), m.end()))
    if not cuts:
        return text, agencies
    cuts.sort()
    parts = []
    pos = 0
    for s, e in cuts:
        if s < pos:
            continue
        parts.append(text[pos:s].rstrip(" \u3000"))
        pos = e
    parts.append(text[pos:])
    return "".join(parts).strip(), agencies
