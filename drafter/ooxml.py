"""Schema order for hand-built WordprocessingML: put each child where ECMA-376 says it goes, never just append.

Word refuses (or "repairs") a part whose children are out of order — ``w:rFonts`` after ``w:sz`` in a
``w:rPr`` is enough — while LibreOffice opens it without a word.  Every writer module (draft/docx.py,
report/annotate.py, report/compare_docx.py, fix/, templates/make_reference.py) builds OOXML through these
functions or python-docx's own ``get_or_add_*``/``_insert_*`` methods, which also keep the order.

The order tables are the ECMA-376 sequences as the Open XML SDK (and openxml-audit, which the tests run)
reads them.  One element name can mean different complex types by where it sits; the parent's parent
decides (:func:`context`):

=====================  =====================================  ===============================================
element                where                                   type (what it may hold)
=====================  =====================================  ===============================================
``w:rPr``              in ``w:r`` (and math ``w:ins``/...)     CT_RPr — run properties, ``w:rPrChange`` last
``w:rPr``              in ``w:pPr`` (the paragraph mark)       CT_ParaRPr — ``w:ins``/``w:del`` first (a
                                                               tracked paragraph mark), ``w:rPrChange`` last
``w:rPr``              in ``w:style``                          CT_RPrStyle — no ``rStyle``/``highlight``/``rtl``/``cs``
``w:rPr``              in ``w:rPrDefault``, ``w:tblStylePr``   CT_RPrBaseStyleable
``w:rPr``              in ``w:lvl`` (numbering)                CT_RPrList
``w:rPr``              in ``w:rPrChange``                      CT_RPrOriginal / CT_ParaRPrOriginal (no change)
``w:pPr``              in ``w:p``                              CT_PPr — ``w:rPr``, ``w:sectPr``, ``w:pPrChange`` last
``w:pPr``              in ``w:style``, ``w:tblStylePr``        CT_PPrStyle — no ``w:pStyle``
``w:pPr``              in ``w:pPrDefault``                     CT_PPrBaseStyleable
``w:pPr``              in ``w:pPrChange``                      CT_PPrExtended (no rPr/sectPr/pPrChange)
``w:pPr``              in ``w:lvl``                            CT_PPrBase
``w:sectPr``           in ``w:body``, ``w:pPr``                CT_SectPr — header/footer references first,
                                                               ``w:sectPrChange`` last
``w:sectPr``           in ``w:sectPrChange``                   CT_SectPrBase (no references, no change)
``w:tblPr``/``w:tcPr`` in ``w:tbl``/``w:tc``                  CT_TblPr / CT_TcPr (``…Change`` last)
``w:trPr``             in ``w:tr``                             CT_TrPr (any order, then ins/del/trPrChange)
``w:ins``/``w:del``     around runs (in ``w:p`` …)              CT_RunTrackChange — runs in document order
``w:style``, ``w:styles``, ``w:docDefaults``, ``w:settings``, ``w:comments``/``w:comment``, ``w:p``, ``w:r``,
``w:tbl``, ``w:tr``, ``w:tc``, ``w:body``, ``w:hdr``/``w:ftr``, footnotes, ``w:numPr``, borders, cell margins,
and the numbering part (``w:numbering`` — new ``w:num`` after every ``w:abstractNum``, before a
``w:numIdMacAtCleanup`` —, ``w:abstractNum``, ``w:num``, ``w:lvlOverride``, ``w:lvl``): one type each.
=====================  =====================================  ===============================================

Usage (``w:`` names; attributes without a prefix are ``w:`` attributes)::

    from drafter import ooxml
    rpr = ooxml.get_or_add(run_element, "w:rPr")             # before any w:t
    ooxml.set_prop(rpr, "w:rFonts", eastAsia="黑体", hint="eastAsia")   # replaces an old w:rFonts, in place
    ooxml.insert(ppr, ooxml.make("w:jc", val="center"))      # lands after w:ind, before w:outlineLvl

Tracked formatting changes (fix, fix --layout): call :func:`record_original` *before* changing the
properties — it stores a copy of what they hold now as ``w:rPrChange``/``w:pPrChange``/``w:sectPrChange``
(with only the children the "original" type allows) in its schema place, so Word shows "Formatted: …"
and "Reject" restores the copy::

    ooxml.record_original(rpr, change_id=7, author="drafter", date="2024-01-01T00:00:00Z")
    ooxml.set_prop(rpr, "w:rFonts", eastAsia="仿宋_GB2312")

:func:`problems` lists what is out of order or out of place in a tree (for tests and asserts).

Package level: :func:`drop_styles_with_effects` — call it in every writer before saving, in particular one
that changes styles.xml of a user's file (a Word 2010 copy would then disagree with it); :func:`prune_styles`
— only for documents drafter makes from python-docx's template.  tests/ooxml_check.py validates the result.
"""
from __future__ import annotations

import copy
from typing import Iterable, Optional, Union

from docx.oxml.parser import oxml_parser

from .ooxml_schema import ANY, CHANGE_ELEMENT, SEQUENCES, TYPE_BY_PARENT, TYPE_OF

NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "w14": "http://schemas.microsoft.com/office/word/2010/wordml",
    "w15": "http://schemas.microsoft.com/office/word/2012/wordml",
    "m": "http://schemas.openxmlformats.org/officeDocument/2006/math",
    "sl": "http://schemas.openxmlformats.org/schemaLibrary/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "xml": "http://www.w3.org/XML/1998/namespace",
}
_PREFIX = {v: k for k, v in NS.items()}

def qn(name: str) -> str:
    """'w:rFonts' → '{…/main}rFonts' (for the prefixes in NS)."""
    prefix, local = name.split(":")
    return f"{{{NS[prefix]}}}{local}"


def pname(tag: str) -> str:
    """'{…/main}rFonts' → 'w:rFonts'; other namespaces keep their Clark name."""
    if not isinstance(tag, str) or not tag.startswith("{"):
        return str(tag)
    uri, local = tag[1:].split("}")
    return f"{_PREFIX[uri]}:{local}" if uri in _PREFIX else tag


def context(el) -> Optional[str]:
    """The complex type of `el` where it stands (see the module docstring), or None for an element these
    tables do not cover."""
    name = pname(el.tag)
    if name in TYPE_OF:
        return TYPE_OF[name]
    if name in ("w:ins", "w:del", "w:moveFrom", "w:moveTo"):
        parent = el.getparent()                       # in a w:rPr/w:trPr/w:numPr it is a mark, not a wrapper
        if parent is not None and pname(parent.tag) in ("w:rPr", "w:trPr", "w:numPr", "w:tcPr"):
            return None
        return "CT_RunTrackChange"
    by_parent = TYPE_BY_PARENT.get(name)
    if by_parent is None:
        return None
    parent = el.getparent()
    pn = pname(parent.tag) if parent is not None else None
    if name == "w:rPrChange":
        above = parent.getparent() if parent is not None else None
        return "CT_ParaRPrChange" if above is not None and pname(above.tag) == "w:pPr" else "CT_RPrChange"
    if name == "w:rPr" and pn == "w:rPrChange":
        owner = parent.getparent()
        if owner is None:
            return "CT_RPrOriginal"
        above = owner.getparent()
        return "CT_ParaRPrOriginal" if above is not None and pname(above.tag) == "w:pPr" else "CT_RPrOriginal"
    return by_parent.get(pn, by_parent[None])


def _ranks(ctype: str) -> dict:
    out: dict = {}
    for i, entry in enumerate(SEQUENCES[ctype]):
        for n in (entry if isinstance(entry, tuple) else (entry,)):
            out[n] = i
    return out


_RANKS = {c: _ranks(c) for c in SEQUENCES}


def allowed(ctype: str) -> tuple:
    """The child names `ctype` may hold, in schema order (ANY stands for unnamed content)."""
    out: list = []
    for entry in SEQUENCES[ctype]:
        out.extend(entry if isinstance(entry, tuple) else (entry,))
    return tuple(out)


def _rank(ctype: str, name: str) -> Optional[int]:
    r = _RANKS[ctype]
    return r.get(name, r.get(ANY))


def make(tag: str, attrs: Optional[dict] = None, **w_attrs):
    """A new element: make("w:ind", left=0, firstLine=0) — keyword attributes are w: attributes; `attrs`
    takes qualified names ({"xml:space": "preserve", "w14:paraId": …})."""
    prefix = tag.split(":")[0]
    el = oxml_parser.makeelement(qn(tag), nsmap={prefix: NS[prefix]})   # python-docx's element classes
    for k, v in (attrs or {}).items():
        el.set(qn(k) if ":" in k else k, str(v))
    for k, v in w_attrs.items():
        el.set(qn("w:" + k), str(v))
    return el


def _ctype_or_fail(parent) -> str:
    ctype = context(parent)
    if ctype is None:
        raise ValueError(f"drafter.ooxml knows no child order for {pname(parent.tag)}")
    return ctype


def insert(parent, child):
    """Insert `child` into `parent` at its schema place (after every sibling that comes before it or in the
    same place, before the first that comes after).  Raises ValueError if `parent` may not hold it."""
    ctype = _ctype_or_fail(parent)
    name = pname(child.tag)
    rank = _rank(ctype, name)
    if rank is None:
        raise ValueError(f"{name} is not a child of {pname(parent.tag)} ({ctype}); it may hold "
                         f"{', '.join(a for a in allowed(ctype) if a != ANY)}")
    last = -1
    for sib in parent:
        if not isinstance(sib.tag, str):          # comments, processing instructions
            continue
        r = _rank(ctype, pname(sib.tag))
        r = last if r is None else r                # an unknown sibling (mc:AlternateContent …) stays with its predecessor
        if r > rank:
            sib.addprevious(child)
            return child
        last = r
    parent.append(child)
    return child


def replace(parent, child):
    """Put `child` in place of the same-named child of `parent` (its first one; others of that name are
    removed), or insert it at its schema place if there is none."""
    olds = parent.findall(child.tag)
    if not olds:
        return insert(parent, child)
    olds[0].addprevious(child)
    for o in olds:
        parent.remove(o)
    return child


def get_or_add(parent, tag: str):
    """The first `tag` child of `parent`, created at its schema place if there is none."""
    el = parent.find(qn(tag))
    return el if el is not None else insert(parent, make(tag))


def set_prop(parent, tag: str, attrs: Optional[dict] = None, **w_attrs):
    """Set a property element (``w:sz w:val=32`` …) in a properties element, replacing any old one."""
    return replace(parent, make(tag, attrs, **w_attrs))


def remove(parent, *tags: str) -> None:
    """Remove every child named in `tags`."""
    for tag in tags:
        for el in parent.findall(qn(tag)):
            parent.remove(el)


def sort(parent) -> None:
    """Reorder the children of `parent` into schema order (stable; unknown children stay with their
    predecessor).  For repairing parts built without this module."""
    ctype = _ctype_or_fail(parent)
    kids = list(parent)
    keyed, last = [], -1
    for i, c in enumerate(kids):
        r = _rank(ctype, pname(c.tag)) if isinstance(c.tag, str) else None
        r = last if r is None else r
        keyed.append((r, i, c))
        last = r
    for c in kids:
        parent.remove(c)
    for _, _, c in sorted(keyed, key=lambda t: (t[0], t[1])):
        parent.append(c)


def record_original(props, change_id: Union[int, str], author: str, date: str):
    """Record what `props` (a w:rPr, w:pPr, w:sectPr, w:tblPr, w:tcPr or w:trPr) holds now as its tracked
    "formatted" change — the w:xxxPrChange element, last in `props`, holding a copy of the current children
    that the original type allows.  Call it before changing `props`; an existing change is kept as it is
    (it already holds the original).  Returns the change element."""
    ctype = _ctype_or_fail(props)
    tag = CHANGE_ELEMENT.get(ctype)
    if tag is None:
        raise ValueError(f"{pname(props.tag)} ({ctype}) has no tracked-change element")
    old = props.find(qn(tag))
    if old is not None:
        return old
    change = make(tag, id=change_id, author=author, date=date)
    inner = make(pname(props.tag))
    change.append(inner)
    insert(props, change)                                 # attached first: the inner type is now known
    keep = set(allowed(_ctype_or_fail(inner)))
    for c in props:
        if c is not change and isinstance(c.tag, str) and pname(c.tag) in keep:
            inner.append(copy.deepcopy(c))
    return change


def problems(root, where: str = "") -> list[str]:
    """Every child out of schema order or not allowed where it stands, in `root` and below — as readable
    lines ("w:styles/w:style[1]/w:rPr: w:rFonts after w:sz").  Elements of types these tables do not
    cover are walked, not judged."""
    out: list[str] = []

    def walk(el, path: str) -> None:
        ctype = context(el)
        last_rank, last_name = -1, ""
        counts: dict = {}
        for c in el:
            if not isinstance(c.tag, str):
                continue
            name = pname(c.tag)
            counts[name] = counts.get(name, 0) + 1
            cpath = f"{path}/{name}[{counts[name]}]"
            if ctype is not None and not name.startswith("{"):
                r = _rank(ctype, name)
                if r is None:
                    out.append(f"{path}: {name} is not allowed in {ctype}")
                elif r < last_rank:
                    out.append(f"{path}: {name} after {last_name} ({ctype} order)")
                else:
                    last_rank, last_name = r, name
            walk(c, cpath)

    walk(root, where or pname(root.tag))
    return out


REL_STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"


def drop_styles_with_effects(document) -> None:
    """Leave word/stylesWithEffects.xml out of a python-docx Document's package.

    The part is an optional second copy of styles.xml (plus text effects) that Word keeps for round trips
    with the Word version before it, which ignores the part and reads styles.xml; packages without it are the
    norm (Word 2007 and LibreOffice write none).  python-docx's default template carries
    a stale copy (none of the styles drafter adds, other docDefaults), which Word may take as "unreadable
    content".  Without the relationship python-docx writes neither the part nor its content type.
    """
    part = document.part
    for rid, rel in list(part.rels.items()):
        if rel.reltype == REL_STYLES_WITH_EFFECTS:
            del part.rels[rid]


_STYLE_REFS = ("w:pStyle", "w:rStyle", "w:tblStyle", "w:numStyleLink", "w:styleLink")


def prune_styles(document, keep: Iterable[str] = ()) -> None:
    """Remove the styles of a python-docx Document that nothing uses — for documents drafter makes from
    python-docx's template (~160 styles, 350 KB), never for a user's own file.

    Kept: the defaults, every style a part of the package refers to (document, headers, footers, comments,
    numbering), the ids in `keep`, and what those are based on or linked to."""
    root = document.styles.element
    by_id = {st.get(qn("w:styleId")): st for st in root.findall(qn("w:style"))}
    todo = [sid for sid, st in by_id.items() if st.get(qn("w:default")) in ("1", "true", "on")]
    todo += list(keep)
    for part in document.part.package.iter_parts():
        el = getattr(part, "element", None)
        if el is not None and el is not root:
            todo += [e.get(qn("w:val")) for e in iter_named(el, _STYLE_REFS)]
    kept: set = set()
    while todo:
        sid = todo.pop()
        if sid in kept or sid not in by_id:
            continue
        kept.add(sid)
        for tag in ("w:basedOn", "w:link", "w:next"):
            ref = by_id[sid].find(qn(tag))
            if ref is not None:
                todo.append(ref.get(qn("w:val")))
    for sid, st in by_id.items():
        if sid not in kept:
            root.remove(st)


def iter_named(root, names: Iterable[str]):
    """Elements of `root`'s tree named in `names` (w: prefixed)."""
    wanted = {qn(n) for n in names}
    return (e for e in root.iter() if e.tag in wanted)
