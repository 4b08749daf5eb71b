"""The .docx package fix --layout edits: the parts it changes (document, styles, settings, footers) parsed
once, new parts and relationships beside them, and the package written back with every other part copied
byte for byte.
"""
from __future__ import annotations

import os
import zipfile

from lxml import etree

from ..ooxml import qn
from ..read.docx import _Package, rels_part
from .stamp import revision_date, zip_time

PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"


class LayoutPackage:
    """The parts of one .docx being edited; `roots` maps a part name to its parsed root."""

    def __init__(self, path: str):
        self.pkg = _Package(path)
        self.main, doc, _ = self.pkg.main_document()
        self.folder = self.main.rpartition("/")[0]
        self.rels_name = rels_part(self.main)
        self.roots: dict[str, object] = {self.main: doc}
        self.rels = self.pkg.xml(self.rels_name)
        self.by_type = self.pkg.rels(self.main)
        for kind in ("styles", "settings"):
            name = self.by_type.get(kind)
            if name and self.pkg.has(name):
                self.roots[name] = self.pkg.xml(name)
        self.footer_parts = {}        # relationship id → footer part name
        for rid, kind, name in self.pkg.relationships(self.main):
            if kind == "footer" and self.pkg.has(name):
                self.roots[name] = self.pkg.xml(name)
                self.footer_parts[rid] = name
        self.new_parts: dict[str, object] = {}
        self.content_types = None     # [Content_Types].xml, parsed when a part is added or left out
        self.doc = self.roots[self.main]
        self.body = self.doc.find(qn("w:body"))
        self.styles = self.roots.get(self.by_type.get("styles", ""))
        self.settings = self.roots.get(self.by_type.get("settings", ""))
        self.styles_before = etree.tostring(self.styles, method="c14n") if self.styles is not None else b""

    def close(self) -> None:
        self.pkg.close()

    def _drop_styles_with_effects(self, names: list[str], report) -> list[str]:
        """Word 2010's second copy of the styles no longer matches once styles.xml changed (Word may then call
        the file unreadable; Word 2013 and later neither write nor read it): it is left out, with its
        relationship and content type — as fix's text pass and --annotate do."""
        swe = f"{self.folder}/stylesWithEffects.xml"
        if swe not in names or self.styles is None or etree.tostring(self.styles, method="c14n") == self.styles_before:
            return names
        for rel in list(self.rels.iter(PKG_REL + "Relationship")):
            if (rel.get("Type") or "").endswith("/stylesWithEffects"):
                rel.getparent().remove(rel)
        if self.content_types is None:
            self.content_types = self.pkg.xml("[Content_Types].xml")
        for o in list(self.content_types.iter(CT + "Override")):
            if o.get("PartName") == "/" + swe:
                o.getparent().remove(o)
        report.untracked.append(("去掉了与 styles.xml 不再一致的 stylesWithEffects.xml（Word 2010 的样式副本）",
                                 "left out stylesWithEffects.xml (Word 2010's copy of the styles), no longer in step"))
        return [n for n in names if n != swe]

    def write(self, dst: str, report) -> None:
        """The package with the edited and new parts, every other part copied as it was; written to a
        temporary name first, so `dst` is never half written."""
        zin = self.pkg.zf
        names = self._drop_styles_with_effects([i.filename for i in zin.infolist()], report)
        out = {}
        for name, root in self.roots.items():
            out[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
        out[self.rels_name] = etree.tostring(self.rels, xml_declaration=True, encoding="UTF-8", standalone=True)
        if self.content_types is not None:
            out["[Content_Types].xml"] = etree.tostring(self.content_types, xml_declaration=True, encoding="UTF-8",
                                                        standalone=True)
        for name, root in self.new_parts.items():
            out[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
        tmp = dst + ".part"
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as z:
            for name in names:
                info = zin.getinfo(name)
                data = out.pop(name, None)
                if data is None:
                    data = self.pkg.read(name)
                z.writestr(_info(info), data)
            for name, data in out.items():   # a new part: dated as the changes are, so one date gives one file
                new = zipfile.ZipInfo(name, date_time=zip_time(getattr(self, "new_part_date", None) or revision_date()))
                new.compress_type = zipfile.ZIP_DEFLATED
                z.writestr(new, data)
        os.replace(tmp, dst)


def _info(info: zipfile.ZipInfo) -> zipfile.ZipInfo:
    new = zipfile.ZipInfo(info.filename, date_time=info.date_time)
    new.compress_type = zipfile.ZIP_DEFLATED
    new.external_attr = info.external_attr
    return new
