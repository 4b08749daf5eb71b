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

from ..model import Agency

ROLE_RANK = {"lead": 3, "responsible": 2, "cooperate": 1}

# what an agency name may end with (longest first is not needed: `endswith` on a tuple)
AGENCY_SUFFIXES = (
    "局", "委", "办", "厅", "部", "院", "会", "署", "处", "室", "站", "所", "组", "中心", "总队", "支队", "大队",
    "海关", "政府", "工会", "妇联", "团委", "团市委", "团省委", "科协", "文联", "侨联", "残联", "社联", "作协",
    "分行", "支行", "银行", "公司", "集团", "大学", "学院", "学校", "法院", "检察院", "监狱", "园区", "新区",
    "管委会", "办公室", "领导小组", "联席会议", "协会", "学会", "商会", "联合会", "基金会", "研究会",
)
GENERIC_NAMES = frozenset({
    "有关部门", "相关部门", "有关单位", "相关单位", "各有关部门", "各相关部门", "各有关单位", "各相关单位",
    "有关方面", "各部门", "各单位", "各成员单位", "成员单位", "有关成员单位", "相关职能部门", "有关职能部门",
    "市有关部门", "省有关部门", "市相关部门", "省相关部门", "区有关部门", "县有关部门", "有关区", "各有关区",
})

_OPEN = "(（"
_CLOSE = ")）"
_WS = re.compile(r"[\s\u3000\u00a0]+")

# role words at the end of a segment, longest first
_VERB = re.compile(
    r"(?P<verb>按职责分工负责|按照职责分工负责|按职责分别负责|按职能分工负责|按职责负责|分别牵头|分别负责|共同负责|"
    r"牵头负责|牵头落实|负责落实|具体负责|负总责|"
    r"牵头|负责|配合|参与|协助|协同|协办|参加|支持)$")
_VERB_ROLE = {
    "牵头": "lead", "分别牵头": "lead", "牵头负责": "lead", "牵头落实": "lead", "负总责": "lead",
    "配合": "cooperate", "参与": "cooperate", "协助": "cooperate", "协同": "cooperate", "协办": "cooperate",
    "参加": "cooperate", "支持": "cooperate",
}
# labels: 牵头单位: / 责任单位: / 配合单位: …
_LABEL = re.compile(
    r"^(?P<label>牵头单位|牵头部门|牵头领导|主责单位|主责部门|主办单位|责任单位|责任部门|责任主体|负责单位|"
    r"实施单位|承办单位|配合单位|配合部门|协办单位|协同单位|参与单位|参与部门|协助单位)[:：]")
_LABEL_ROLE = {"牵头单位": "lead", "牵头部门": "lead", "牵头领导": "lead", "主责单位": "lead", "主责部门": "lead",
               "主办单位": "lead", "配合单位": "cooperate", "配合部门": "cooperate", "协办单位": "cooperate",
               "协同单位": "cooperate", "参与单位": "cooperate", "参与部门": "cooperate",
               "协助单位": "cooperate"}
# a plain labelled clause after a sentence: "…。牵头单位：市发展改革委；责任单位：各区人民政府"
_PLAIN = re.compile(
    r"(?:(?<=[。；;!！?？])|^)\s*(?=(?:牵头单位|牵头部门|责任单位|责任部门|主责单位|配合单位|参与单位|协办单位)[:：])"
    r"(?P<body>[^。()（）]{2,300})(?:[。]|$)")
# a bracketed role inside a list: "市发展改革委(牵头)、市财政局"
_INNER_ROLE = re.compile(r"[(（](牵头|负责|配合|参与)[)）]")
_COHOST = re.compile(r"会同")  # "A会同B负责": A gets the verb's role, B cooperates
_AND = re.compile(r"[和与及]")
_ETC = re.compile(r"(等(?:有关|相关)?(?:部门|单位|机构)?)$")
_NAME_OK = re.compile(r"^[\u4e00-\u9fffA-Za-z0-9·()（）、]{2,30}$")
_NAME_BAD = re.compile(r"[年月日的是在对把将为了着过以及和或等之]|[0-9]{3,}")
_NESTED = re.compile(r"[(（][^()（）]*[)）]")
# a name that begins like one: 市…, 省…, 国家…, 天津市…, 河西区… (a misspelt ending is still a name)
_PLACE_START = re.compile(r"^(?!市场)(?:国家|各|市|省|[\u4e00-\u9fff]{1,5}?(?:省|市|区|县))[\u4e00-\u9fff]{3,}$")
_SEP_LIST = re.compile(r"[、,，/]")
# a list of place levels naming one set of governments: "各区、县（市）人民政府", "各县、市、区政府"
_PLACE_LEVELS = re.compile(
    r"各?[省市区县乡镇街](?:[(（][^()（）]*[)）])?(?:、[省市区县乡镇街](?:[(（][^()（）]*[)）])?)+"
    r"(?=(?:人民政府|政府|党委|党委政府|管委会|街道|有关部门|相关部门))")
_SEP_PHRASE = re.compile(r"[;；]")


def _strength(role: str) -> int:
    return ROLE_RANK.get(role, 0)


def is_agency_shaped(name: str) -> bool:
    """Does `name` look like an organisation (ends like one, short, no punctuation)?"""
    if not name or len(name) > 30 or not _NAME_OK.match(_NESTED.sub("", name)):
        return False
    if name in GENERIC_NAMES:
        return True
    return name.endswith(AGENCY_SUFFIXES)


def _plausible(name: str) -> bool:
    """Could be a (possibly misspelt) agency name: short, CJK, no function words of a sentence."""
    if not name or len(name) > 24 or not _NAME_OK.match(_NESTED.sub("", name)):
        return False
    if name in GENERIC_NAMES or name.endswith(AGENCY_SUFFIXES):
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
        n = _ETC.sub("", n.strip()).replace("\x00", "、").replace("\x01", ",").replace("\x02", "，")
        if not n:
            continue
        # "市教委和市科委": split on 和/与/及 only when every part is a name ("市经济和信息化委" stays whole)
        parts = _AND.split(n)
        if len(parts) > 1 and all(is_agency_shaped(p) and len(p) >= 3 for p in parts):
            out.extend(parts)
        else:
            out.append(n)
    return out


def _parse_body(body: str, labelled_only: bool = False) -> list[Agency] | None:
    """The agencies of one clause body, or None when it is not a clause."""
    body = _WS.sub("", body)
    body = _INNER_ROLE.sub(lambda m: m.group(1) + ",", body)
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
        default = None
        m = _LABEL.match(phrase)
        if m:
            default = _LABEL_ROLE.get(m.group("label"), "responsible")
            phrase = phrase[m.end():]
            saw_role = labelled = True
        elif labelled_only:
            return None
        pending: list[str] = []
        for seg in re.split(r"[,，]", phrase):
            if not seg:
                continue
            v = _VERB.search(seg)
            if v:
                saw_role = True
                role = _VERB_ROLE.get(v.group("verb"), "responsible")
                if default == "cooperate":
                    role = "cooperate"
                head = seg[: v.start()]
                co = _COHOST.search(head)
                if co and co.start() > 0:
                    first, rest = head[: co.start()], head[co.end():]
                    for n in pending + _names(first):
                        found.append((n, role))
                    for n in _names(rest):
                        found.append((n, "cooperate"))
                else:
                    for n in pending + _names(head):
                        found.append((n, role))
                pending = []
            else:
                pending.extend(_names(seg))
        if pending:
            if default is None:
                return None  # names without any role: "(市科委、市财政局)" is not a clause
            for n in pending:
                found.append((n, default))
    if not saw_role or not found:
        return None
    names = [n for n, _ in found]
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


def _paren_groups(text: str) -> list[tuple[int, int]]:
    """Top-level bracket spans (start, end-exclusive); ASCII and full-width brackets pair either way."""
    spans = []
    depth = 0
    start = -1
    for i, ch in enumerate(text):
        if ch in _OPEN:
            if depth == 0:
                start = i
            depth += 1
        elif ch in _CLOSE and depth:
            depth -= 1
            if depth == 0:
                spans.append((start, i + 1))
    return spans


def _merge(into: list[Agency], new: list[Agency]) -> None:
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
                _merge(agencies, got)
                cuts.append((s, e))
    if "单位" in text or "部门" in text:
        for m in _PLAIN.finditer(text):
            if any(s <= m.start("body") < e for s, e in cuts):
                continue
            got = _parse_body(m.group("body"), labelled_only=True)
            if got:
                _merge(agencies, got)
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
