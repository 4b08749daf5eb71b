"""Quantitative targets and figures: `有效发明专利达到3.7万件` → 有效发明专利 >= 37000 件.

`extract_targets(text, line)` finds every quantity that a plan sets or a summary reports and
returns `Target`s with normalised values:

- value: `万`/`亿`/`千`/`百` multiplied out (`3.7万件` → 37000 件, `100亿元` → 1e10 元, `9.95万元` →
  99500 元), Chinese numerals after a comparison word (`不少于千家` → 1000 家), `%`/`％` → `%`.
- op: `>=` 达到/达/突破/不少于/不低于/力争…以上/提高到; `>` 超/超过/多于/高于/…余/…多; `<=`
  不超过/不高于/控制在/以内/以下; `<` 低于/少于; `~` 约/左右; `=` otherwise.
- kind: `growth` for a change in percent, percentage points or times (`同比增长59.2%`, `增长20%以上`,
  `提高2个百分点`; a fall is negative), `share` for any other percentage (`结案率超90%`), else `absolute`.
- metric: the noun phrase in front of the number in its clause, with time and place words
  (`2022年`, `全年`, `全市`, `截至…`), totals (`共`, `累计`) and the comparison word trimmed, and
  cut after the last action verb (`局系统共组织各类线上线下培训63场次` → `线上线下培训`). When nothing
  is left in front (`评选出100项青少年小发明项目`, `支持10家以上高校`) the noun after the unit is used.
  A growth figure with no metric of its own takes the metric of the figure before it in the same
  sentence (`全年发明专利授权11745件,同比增长59.2%`).

Not quantities: dates and years (`2022年12月底`, `5月24日`, `2021-2035年`), ordinals (`第二十三届`,
`第39期`), document numbers (`〔2023〕12号`), phone numbers, numbers without a unit (`4.26`, `1+3+4`,
`得分96.2`), unknown units (`8.2GB`), the far end of a range (`10-20家`), and any number inside a quoted
name (`“12条重点产业链”`, `《…2022年…》`). An unquoted count of things (`围绕12条重点产业链`) is a
quantity the text commits to and is extracted — with the counted noun as its metric.
"""
from __future__ import annotations

import math
import re
from typing import Optional

from ..model import Target

# units, longest first so that 场次 wins over 场 and 个百分点 over 个
_UNITS = sorted({
    "个百分点", "百分点", "%", "％", "件次", "人次", "场次", "家次", "户次", "批次", "项次", "车次",
    "件", "项", "个", "家", "次", "场", "人", "名", "所", "篇", "份", "册", "笔", "宗", "户", "元", "条",
    "部", "台", "套", "株", "亩", "公顷", "吨", "平方米", "平方公里", "倍", "座", "支", "门", "期", "款", "类",
    "种", "本", "张", "辆", "起", "位", "所", "期", "班", "处", "组", "队", "园", "校", "字", "页", "卷",
    # time limits and physical quantities (a bare 日 or 年 would read dates as quantities)
    "个工作日", "工作日", "天", "小时", "分钟", "个月", "微克/立方米", "毫克/立方米", "毫克/升", "立方米",
    "千瓦时", "千瓦", "公里", "千米", "米", "千克", "公斤",
}, key=len, reverse=True)
_UNIT_RE = "|".join(re.escape(u) for u in _UNITS)
_MULT = {"万亿": 1e12, "千万": 1e7, "百万": 1e6, "亿": 1e8, "万": 1e4, "千": 1e3, "百": 1e2}

_NUMBER = re.compile(
    r"(?=\d)(?<![\d.．A-Za-z０-９])"  # (?=\d): a number starts with a digit; without it the scan is 2x slower
    r"(?P<num>\d{1,3}(?:,\d{3})+(?![\d.])|\d{1,15}(?:[.．]\d{1,6})?)"
    r"\s?(?P<mult>万亿|千万|百万|亿|万|千|百)?"
    r"(?P<approx>余|多)?"
    rf"\s?(?P<unit>{_UNIT_RE})"
    r"(?P<post>以上|以下|以内|左右)?"
    r"(?![A-Za-z])")
# Chinese numerals only after a comparison word: 不少于千家, 达到一千家, 突破两万件
_CN_NUMBER = re.compile(
    r"(?P<op>不少于|不低于|不超过|达到|突破|超过|超|达)"
    r"(?P<cn>[一二两三四五六七八九十百千万亿]{1,6})"
    r"(?P<mult>)(?P<approx>余|多)?"
    rf"(?P<unit>{_UNIT_RE})"
    r"(?P<post>以上|以下|以内|左右)?")

# where a clause (and so a metric) starts
_HARD = set(",，;；:：。!！?？()（）“”\"《》〈〉【】[]\n\r\t")
_SENTENCE_END = set("。;；!！?？\n")
# the text up to and including the last such mark (greedy, so the last)
_UP_TO_HARD = re.compile("(?s:.*)[" + re.escape("".join(sorted(_HARD))) + "]")
_UP_TO_SENTENCE_END = re.compile("(?s:.*)[" + re.escape("".join(sorted(_SENTENCE_END))) + "]")
_SPACES = re.compile(r"\s+")
_DIGIT_OR_MULT = re.compile(r"[\d千万百]")

_PRE_OP = [  # (words immediately before the number, op) — longest first
    ("压缩至", "<="), ("压缩到", "<="), ("缩短至", "<="), ("缩短到", "<="), ("压减至", "<="), ("降低至", "<="),
    ("降低到", "<="), ("减少至", "<="), ("减少到", "<="), ("下降至", "<="), ("下降到", "<="), ("降至", "<="),
    ("降到", "<="),
    ("不少于", ">="), ("不低于", ">="), ("不超过", "<="), ("不高于", "<="), ("控制在", "<="), ("保持在", ">="),
    ("维持在", ">="), ("稳定在", ">="), ("提高到", ">="), ("提高至", ">="), ("提升到", ">="), ("提升至", ">="),
    ("增加到", ">="), ("增加至", ">="), ("增长到", ">="), ("增长至", ">="), ("达到", ">="), ("突破", ">="), ("超过", ">"),
    ("多于", ">"), ("大于", ">"), ("高于", ">"), ("低于", "<"), ("少于", "<"), ("小于", "<"), ("大约", "~"),
    ("约", "~"), ("达", ">="), ("超", ">"), ("保持", ">="), ("维持", ">="),
]
_POST_OP = {"以上": ">=", "以下": "<=", "以内": "<=", "左右": "~"}
_GROWTH = re.compile(r"(?P<neg>下降|减少|降低|回落)?(?P<pos>增长|增加|提高|提升|上升|增幅为?|增速为?)?(?:了|约|为)?$")
_GROWTH_UNITS = {"%", "个百分点", "倍"}

# trimmed from the end of the words before the number (repeatedly)
_TAIL = sorted({
    "不少于", "不低于", "不超过", "不高于", "控制在", "保持在", "维持在", "保持", "维持", "稳定在", "提高到",
    "提高至", "提升到", "提升至",
    "增加到", "增加至", "增长到", "增长至", "达到", "达", "突破", "超过", "超", "多于", "大于", "高于", "低于",
    "少于", "小于", "大约", "约", "为", "是", "共", "共计", "累计", "合计", "总计", "共有", "增长", "同比增长", "同比",
    "比上年", "较上年", "比去年", "提高", "提升", "增加", "上升", "下降", "减少", "降低", "了", "到", "至", "在",
    "力争", "预计", "年均", "平均", "全年", "分别", "以上", "增幅", "增速", "的", "已", "新", "和", "与",
    "以及", "、", "压缩至", "压缩到", "压缩", "缩短至", "缩短到", "缩短", "压减至", "压减", "降低至", "降低到",
    "减少至", "减少到", "下降至", "下降到", "降至", "降到",
}, key=len, reverse=True)
# trimmed from the start (repeatedly)
_LEAD = re.compile(
    r"^(?:\d{4}\s*年度?|\d{1,2}\s*月份?(?:底|末|初|中旬|上旬|下旬)?|\d{1,2}\s*日|截[至止]目?前?|截[至止]|到|至|"
    r"今年以来|一年来|去年以来|全年|年内|年底前|年底|年末|力争|确保|预计|全市|全省|全区|全县|全国|本市|我市|我省|"
    r"本省|本区|我区|全局|局系统|全系统|其中|共有|共计|共|累计|合计|总计|另有|另|并且|并|且|以及|及|和|同时|"
    r"此外|为|对|使|将|向|已经|已|各类|各项|各种|还|先后|分别|一共|全部|目前|当前|现已|现有|实现|完成|新增加|"
    r"[、,，\s])")
_VERBS = re.compile(
    r"(?:协调解决|协调|组织|开展|举办|完成|办理|受理|提供|发放|培育|认定|评选出|评选|下载|实现|获得|获批|引进|布局|收取|减缴|"
    r"支持|指导|派出|深入|帮助|解决|建立|打造|推荐|推动|选派|撰写|整理|签订|发布|印发|制定|提出|涉及|移送|"
    r"办结|调解|抽调|选拔任用|晋升|召开|接受|参加|惠及|覆盖|带动|服务|对接|评出|表彰|申报|达成|匹配推送|推送|"
    r"遴选|认定了|命名|新增|增补|吸引|聘请|招录|培养|资助|奖励|扶持|发展|设立|挂牌|入选|建成|新建|创建|新培育|新获批|"
    r"新备案|新开工|新认定)")
# the number before the noun and a category after it: 共有6家中医医院入选省级中医重点专科建设单位, 15家企业获评…
_SELECTED = re.compile(r"(?:入选|获评|被评为|评为|被认定为|认定为|被列为|列为|列入|纳入|获批为|获批|成为)")
_CATEGORY = re.compile(r"[\u4e00-\u9fffA-Za-z“”\"]{3,24}")
_CATEGORY_TAIL = re.compile(r"(?:名单|行列|之列|序列|范围|试点|等)+$")
# verbs whose subject belongs in the metric: 知识产权服务惠及10000家企业 → 知识产权服务惠及企业
# a "verb" followed by one of these is part of a noun: 完成率, 服务量, 覆盖面
_VERB_PART = re.compile(r"(?:率|量|数|额|比|面|度|覆盖率|规模|总量|总额|占比|比例|比重)")
_RELATIONAL = {"惠及", "覆盖", "带动", "服务", "对接"}
# where the noun after a unit ends
_NOUN_AFTER = re.compile(r"[\u4e00-\u9fffA-Za-z]{1,16}")
_NOUN_STOP = re.compile(r"(?:的|对|为|在|向|从|由|等|予以|驰援|下沉|申报|开展|参加|进行|给予|被|获|入选|通过|作为|签订|和|与|及|以上|左右|实现|达到|列入|"
                        r"参与|完成|减缴|落户|认定|纳入|进入|共|合计|投入|运行|启用|挂牌|开放|建成|正式|全部|均)")
_ORDINAL_BEFORE = re.compile(r"第\s*$")
_RANGE_BEFORE = re.compile(r"\d\s*[-—–~～至到]\s*$")
_QUOTES = [("“", "”"), ("《", "》"), ("〈", "〉"), ("「", "」"), ("『", "』")]
_ASCII_QUOTE = re.compile('"')
_MAX_QUOTE = 40  # a longer "quote" is an unclosed mark, not a name
_CN_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
             "九": 9}
_CN_UNIT = {"十": 10, "百": 100, "千": 1000}


def _cn_value(s: str) -> Optional[float]:
    """Chinese numeral to a number: 千 → 1000, 一千二百 → 1200, 两万 → 20000, 十五 → 15."""
    total = 0.0
    section = 0.0
    digit = None
    for ch in s:
        if ch in _CN_DIGIT:
            digit = _CN_DIGIT[ch]
        elif ch in _CN_UNIT:
            section += (1 if digit is None else digit) * _CN_UNIT[ch]
            digit = None
        elif ch in ("万", "亿"):
            section += digit or 0
            total = (total + (section or 1)) * (1e4 if ch == "万" else 1e8)
            section = 0
            digit = None
        else:
            return None
    section += digit or 0
    value = total + section
    return value if value > 0 else None


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for o, c in _QUOTES:
        start = 0
        while True:
            i = text.find(o, start)
            if i < 0:
                break
            j = text.find(c, i + 1)
            if j < 0:
                break
            if j - i <= _MAX_QUOTE:
                spans.append((i, j))
            start = i + 1
    # ASCII double quotes pair up in order
    pos = [m.start() for m in _ASCII_QUOTE.finditer(text)] if '"' in text else []
    for a, b in zip(pos[0::2], pos[1::2]):
        if b - a <= _MAX_QUOTE:
            spans.append((a, b))
    return spans


def _clause_start(text: str, i: int, floor: int) -> int:
    """Just after the last mark of _HARD in text[floor:i], else floor; i itself when floor is not before it."""
    if i <= floor:
        return i
    m = _UP_TO_HARD.match(text, floor, i)
    return m.end() if m else floor


def _sentence_start(text: str, i: int) -> int:
    """Just after the last sentence end before i, else 0."""
    m = _UP_TO_SENTENCE_END.match(text, 0, i)
    return m.end() if m else 0


_TAIL_SET = frozenset(_TAIL)
_TAIL_LENS = sorted({len(w) for w in _TAIL}, reverse=True)


def _strip_tail(s: str) -> str:
    """`s` without the words of _TAIL at its end, the longest first, again and again."""
    changed = True
    while changed and s:
        changed = False
        for n in _TAIL_LENS:
            if len(s) >= n and s[-n:] in _TAIL_SET:
                s = s[:-n]
                changed = True
                break
    return s


def _strip_lead(s: str) -> str:
    while s:
        m = _LEAD.match(s)
        if not m or not m.group(0):
            break
        s = s[m.end():]
    return s


def _noun_after(text: str, i: int) -> str:
    m = _NOUN_AFTER.match(text, i)
    if not m:
        return ""
    noun = m.group(0)
    stop = _NOUN_STOP.search(noun)
    if stop:
        noun = noun[: stop.start()]
    return noun[:16]


def _metric(region: str, after: str) -> tuple[str, bool]:
    """The metric from the words before the number (and the noun after the unit when needed).

    Returns (metric, used_after): the second is true when the noun after the unit was used, so the
    next figure's words start after it (`14个先进集体、20名先进工作者`).
    """
    region = _SPACES.sub("", region)
    s = _strip_tail(region)
    if s.endswith("等"):
        return after, bool(after)
    verbs = list(_VERBS.finditer(s))
    # cut after the last verb — unless that "verb" is part of the metric's noun (申请完成率, 调解组织覆盖率)
    if verbs and _VERB_PART.match(s, verbs[-1].end()):
        verbs = []
    if verbs:
        v = verbs[-1]
        rest = _strip_lead(_strip_tail(s[v.end():]))
        before = _strip_lead(s[: v.start()])
        # 知识产权服务惠及企业达到15000家: the object of 惠及/覆盖 alone (企业) says nothing; keep the subject
        if before and v.group(0) in _RELATIONAL and 2 <= len(rest) <= 4 and len(before) >= 2:
            return before + v.group(0) + rest, False
        if len(rest) >= 2:
            return rest, False
        if before and v.group(0) in _RELATIONAL and after:
            return before + v.group(0) + after, True
        if after:
            return after, True
        return _strip_lead(s) or s, False
    s = _strip_lead(s)
    s = _strip_tail(s)
    if s.startswith("占"):
        return s, False
    if len(s) < 2:
        return after, bool(after)
    return s, False


_PRE_OP_RANK = {word: (k, op) for k, (word, op) in enumerate(_PRE_OP)}
_PRE_OP_LENS = sorted({len(word) for word, _ in _PRE_OP})


def _op_before(text: str, start: int, floor: int) -> Optional[str]:
    seg = text[max(floor, start - 6): start].rstrip()
    ends = [_PRE_OP_RANK[seg[-n:]] for n in _PRE_OP_LENS if len(seg) >= n and seg[-n:] in _PRE_OP_RANK]
    if ends:  # the first word of _PRE_OP that seg ends with
        return min(ends)[1]
    # 力争…以上 is handled by the post word; 力争 alone means "at least"
    seg2 = text[max(floor, start - 12): start]
    if "力争" in seg2 or "确保" in seg2:
        return ">="
    return None


def extract_targets(text: str, line: Optional[int] = None) -> list[Target]:
    """Every quantity in `text` (a paragraph, an item, a preamble), in order."""
    # nothing to read without a digit or 千万百 (a text with neither and no 十 matches neither pattern below)
    if not text or (not _DIGIT_OR_MULT.search(text) and ("十" not in text or not any(map(str.isdigit, text)))):
        return []
    matches = []
    for m in _NUMBER.finditer(text):
        matches.append((m, False))
    if any(c in text for c in "千万百十"):
        for m in _CN_NUMBER.finditer(text):
            matches.append((m, True))
        matches.sort(key=lambda t: t[0].start())
    if not matches:
        return []
    quoted = _quoted_spans(text) if any(q in text for q in "“《〈「『\"") else []
    out: list[Target] = []
    prev_end = 0
    prev_sentence = -1
    for m, chinese in matches:
        start = m.start("cn") if chinese else m.start()
        if any(a < start < b for a, b in quoted):
            continue
        if _ORDINAL_BEFORE.search(text, max(0, start - 3), start) or \
                (not chinese and _RANGE_BEFORE.search(text[max(0, start - 12): start])):
            continue
        if chinese:
            value = _cn_value(m.group("cn"))
            if value is None:
                continue
        else:
            raw = m.group("num").replace(",", "").replace("．", ".")
            try:
                value = float(raw)
            except ValueError:
                continue
            value *= _MULT.get(m.group("mult") or "", 1.0)
        if not math.isfinite(value) or value > 1e16:
            continue
        value = round(value, 6)
        unit = m.group("unit")
        if unit == "％":
            unit = "%"
        elif unit == "百分点":
            unit = "个百分点"
        # a year, date, or an ordinal with a unit-like character: 2022年 is never matched (年 is no unit),
        # but "12月" / "5日" neither; only guard long bare integers with a count unit (phone numbers, ids)
        if not chinese and len(m.group("num")) >= 9 and not m.group("mult") and unit not in ("元",):
            continue
        floor = max(prev_end, 0)
        cstart = _clause_start(text, start, floor)
        op_start = start
        op = None
        if chinese:
            op = dict(_PRE_OP).get(m.group("op"), ">=")
            op_start = m.start()
        else:
            op = _op_before(text, start, cstart)
        if m.group("approx"):
            op = ">"
        if m.group("post"):
            op = _POST_OP[m.group("post")]
        region = text[cstart:op_start]
        kind = "absolute"
        if unit in _GROWTH_UNITS:
            g = _GROWTH.search(_strip_tail_ops(region))
            if g and (g.group("neg") or g.group("pos")):
                kind = "growth"
                if g.group("neg"):
                    value = -value
            elif unit == "%":
                kind = "share"
            elif unit == "个百分点":
                kind = "growth"
        after_i = m.end()
        noun = _noun_after(text, after_i)
        metric, used_after = _metric(region, noun)
        text_end = m.end()
        if used_after and noun:
            text_end = after_i + len(noun)
            cat = _category(text, text_end)
            if cat:
                metric, text_end = cat
        sent = _sentence_start(text, start)
        if kind == "growth" and not _strip_lead(_strip_tail(_SPACES.sub("", region))) and out \
                and prev_sentence == sent:
            metric = out[-1].metric
        elif metric.startswith("占") and out and prev_sentence == sent:
            metric = out[-1].metric + "占比"
            kind = "share"
        if not metric:
            prev_end = m.end()
            continue
        if op is None:
            op = "="
        out.append(Target(metric=metric, value=value, unit=unit, op=op, kind=kind,
                          text=text[cstart:text_end].strip(" \u3000、,，"), line=line))
        prev_end = text_end if used_after else m.end()
        prev_sentence = sent
    return out


def _category(text: str, i: int) -> Optional[tuple[str, int]]:
    """After `N家企业`: the category they entered (入选省级专精特新中小企业名单 → 省级专精特新中小企业) and where
    it ends; None when no selection verb follows."""
    v = _SELECTED.match(text, i)
    if not v:
        return None
    c = _CATEGORY.match(text, v.end())
    if not c:
        return None
    cat = _CATEGORY_TAIL.sub("", c.group(0).replace("“", "").replace("”", "").replace('"', ""))
    return (cat, c.end()) if len(cat) >= 3 else None


def _strip_tail_ops(region: str) -> str:
    """The region without a trailing comparison word, so 增长 is found in `增长约` / `同比增长超过`."""
    s = _SPACES.sub("", region)
    for word, _ in _PRE_OP:
        if s.endswith(word) and word not in ("提高到", "提高至", "提升到", "提升至", "增长到", "增长至",
                                              "增加到", "增加至"):
            return s[: -len(word)]
    return s
