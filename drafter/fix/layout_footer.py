"""fix --layout's page numbers (FMT007): `— N —` in 四号宋体, odd pages right and even pages left.

A section's own odd (default) and even footers are fixed in place — the page-number paragraph's alignment,
indent and fonts as tracked formatting changes, wrong decorations (第 N 页, -N-) as tracked deletions and
the em dashes as tracked insertions — or, when it has none, a new footer part is made with the paragraph
written as a tracked insertion. w:evenAndOddHeaders is set in settings (not trackable). A "different first
page" footer without a number gets the odd pages' footer.
"""
from __future__ import annotations

from .. import ooxml
from ..check.layout_faults import PAGE_NUMBER_FORM, page_number_fault, page_number_text
from ..ooxml import qn
from ..read.layout_paragraphs import paragraph_runs
from . import layout_xml as X

REL_FOOTER = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"
FOOTER_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"
PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def fix_footers(job) -> None:
    spec = job.rules.spec("page_number")
    fixer = _Footers(job, job.rules.first_name(spec["font"]), int(round(spec["size"] * 2)))
    fixer.run()


class _Footers:
    def __init__(self, job, font: str, half_points: int):
        self.job, self.font, self.hp = job, font, half_points
        self.indent = int(half_points * 10)        # one 四号 character: 14 pt = 280 twips
        self.looks = {}
        for sec in job.layout.sections:
            for f in sec.footers.values():
                if f is not None:
                    self.looks[f.part] = f
        self.fixed: set[str] = set()
        self.changed = False

    def run(self) -> None:
        job = self.job
        if job.body is None:
            return
        sects = [p.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") for p in job.body.iter(qn("w:p"))]
        sects = [s for s in sects if s is not None] + [job.body.find(qn("w:sectPr"))]
        for k, sect in enumerate(sects):
            refs = {r.get(qn("w:type")) or "default": r for r in sect.findall(qn("w:footerReference"))}
            odd_rid = None
            for kind, side in (("default", "right"), ("even", "left")):
                ref = refs.get(kind)
                if ref is not None:
                    self.fix_part(job.footer_parts.get(ref.get(R_ID)), side)
                    odd_rid = odd_rid or (ref.get(R_ID) if kind == "default" else None)
                elif k == 0:                   # later sections inherit the first one's footers
                    rid = self.new_part(side)
                    ooxml.insert(sect, ooxml.make("w:footerReference", {"r:id": rid}, type=kind))
                    odd_rid = odd_rid or (rid if kind == "default" else None)
            title = sect.find(qn("w:titlePg"))
            if title is not None and title.get(qn("w:val"), "true") not in ("0", "false", "off"):
                first = refs.get("first")
                part = job.footer_parts.get(first.get(R_ID)) if first is not None else None
                if part is not None:
                    self.fix_part(part, "right")
                elif odd_rid is not None:
                    ooxml.insert(sect, ooxml.make("w:footerReference", {"r:id": odd_rid}, type="first"))
                    job.report.untracked.append(("首页页脚改用奇数页页脚（页脚引用不能记录为修订）",
                                                 "the first page uses the odd pages' footer (a footer reference is not trackable)"))
                    self.changed = True
        if job.settings is not None and job.settings.find(qn("w:evenAndOddHeaders")) is None:
            ooxml.insert(job.settings, ooxml.make("w:evenAndOddHeaders"))
            job.report.untracked.append(("页面设置“奇偶页不同”（settings.xml 的 evenAndOddHeaders）",
                                         "'different odd and even pages' (evenAndOddHeaders in settings.xml)"))
            self.changed = True
        if self.changed:
            job.report.add("FMT007", "页码设为“— N —”四号宋体，单页码居右空一字、双页码居左空一字",
                           "page numbers '— N —' in 宋体 14 pt, odd pages right and even pages left")

    # --- one footer part ----------------------------------------------------------------------------------------
    def fix_part(self, name, side: str) -> None:
        if not name or name in self.fixed or name not in self.job.roots:
            return
        self.fixed.add(name)
        root = self.job.roots[name]
        tracker = self.job.tracker
        look = self.looks.get(name)
        paras = [p for p in root.iter(qn("w:p")) if X.page_field_span(p) is not None]
        if not paras:
            root.append(X.new_page_paragraph(side, self.font, self.hp, self.indent, tracker))
            self.changed = True
            return
        p = paras[0]
        plook = next((x for x in (look.page_paragraphs() if look else [])), None)
        if plook is None or plook.align != side or plook.frame_x or plook.anchor_x:
            X.page_paragraph_props(X.para_ppr(p, tracker), side, self.indent)
            self.changed = True
        if plook is None or any(page_number_fault(self.job.rules, plook)):
            for r in p.iter(qn("w:r")):
                if r.getparent().tag == qn("w:del"):
                    continue
                rpr = X.run_rpr(r, tracker)
                ooxml.set_prop(rpr, "w:rFonts", ascii=self.font, hAnsi=self.font, eastAsia=self.font, cs=self.font,
                               hint="eastAsia")
                ooxml.set_prop(rpr, "w:sz", val=self.hp)
                ooxml.set_prop(rpr, "w:szCs", val=self.hp)
            self.changed = True
        if plook is None or not PAGE_NUMBER_FORM.match(page_number_text(plook)):
            self._dashes(p)
            self.changed = True

    def _dashes(self, p) -> None:
        """Only `— ` PAGE ` —` in the page-number paragraph: other text deleted, the dashes inserted (tracked)."""
        tracker = self.job.tracker
        start, end = X.page_field_span(p)
        inside = set()
        el = start
        while el is not None:
            inside.add(el)
            if el is end:
                break
            el = el.getnext()
        for r, _ in paragraph_runs(p, "{%s}" % ooxml.NS["w"]):
            if r in inside or any(a in inside for a in r.iterancestors()):
                continue
            tracker.delete(r)
        runs = X.page_number_runs(self.font, self.hp)
        for x in tracker.insertion([runs[0]]):
            start.addprevious(x)
        for x in reversed(tracker.insertion([runs[-1]])):
            end.addnext(x)

    def new_part(self, side: str) -> str:
        """A new footer part holding the page number; returns its relationship id."""
        job = self.job
        used = {n for n in job.pkg.names} | set(job.new_parts)
        k = 1
        while f"{job.folder}/footer{k}.xml" in used:
            k += 1
        name = f"{job.folder}/footer{k}.xml"
        style = "Footer" if X.find_style(job.styles, "Footer") is not None else None
        root = X.footer_root([X.new_page_paragraph(side, self.font, self.hp, self.indent, job.tracker, style)])
        job.new_parts[name] = root
        ids = {r.get("Id") for r in job.rels.iter(PKG_REL + "Relationship")}
        n = 1
        while f"rIdDrafterFooter{n}" in ids:
            n += 1
        rid = f"rIdDrafterFooter{n}"
        rel = job.rels.makeelement(PKG_REL + "Relationship", {"Id": rid, "Type": REL_FOOTER,
                                                              "Target": name.rpartition("/")[2]})
        job.rels.append(rel)
        if job.content_types is None:
            job.content_types = job.pkg.xml("[Content_Types].xml")
        job.content_types.append(job.content_types.makeelement(
            CT + "Override", {"PartName": "/" + name, "ContentType": FOOTER_TYPE}))
        job.report.untracked.append((f"新建页脚 {name}（页码以修订形式插入）",
                                     f"new footer part {name} (its page number is a tracked insertion)"))
        self.changed = True
        return rid
