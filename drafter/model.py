"""The one structured model of a plan, summary or task-division document.

`parse` emits it, `init` writes it as an outline, `draft` reads it back, `check` and
`compare` read it. Serialised with `to_dict()` it is the JSON of DESIGN.md; the outline
YAML is the same shape (plus the outline-only keys `from`, `carry`, `numbering`).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator, Optional

KINDS = ("plan", "summary", "division", "unknown")
ROLES = ("lead", "responsible", "cooperate")
OPS = (">=", ">", "<=", "<", "~", "=")
TARGET_KINDS = ("absolute", "growth", "share")


@dataclass
class Agency:
    name: str
    role: str = "responsible"  # lead | responsible | cooperate

    def to_dict(self) -> dict:
        return {"name": self.name, "role": self.role}

    @classmethod
    def from_dict(cls, d: dict) -> "Agency":
        return cls(name=str(d["name"]), role=str(d.get("role") or "responsible"))


@dataclass
class Target:
    metric: str
    value: float
    unit: str = ""
    op: str = "="
    kind: str = "absolute"  # absolute | growth | share
    text: str = ""
    line: Optional[int] = None

    def to_dict(self) -> dict:
        v = self.value
        if isinstance(v, float) and v.is_integer():
            v = int(v)
        return {"metric": self.metric, "value": v, "unit": self.unit, "op": self.op,
                "kind": self.kind, "text": self.text, "line": self.line}

    @classmethod
    def from_dict(cls, d: dict) -> "Target":
        return cls(metric=str(d.get("metric", "")), value=d.get("value", 0), unit=str(d.get("unit") or ""),
                   op=str(d.get("op") or "="), kind=str(d.get("kind") or "absolute"),
                   text=str(d.get("text") or ""), line=d.get("line"))


@dataclass
class Node:
    """A heading or an item. `text` is the whole paragraph as written, label included."""
    label: str = ""
    number: Optional[int] = None
    title: str = ""
    text: str = ""
    line: Optional[int] = None
    agencies: list[Agency] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    children: list["Node"] = field(default_factory=list)
    # outline-only provenance: "2023 (五)" for an item carried from last year's plan
    origin: Optional[str] = None
    # outline-only: pull this label's item verbatim from --prior
    carry: Optional[str] = None
    # the marker family ("cn", "paren_cn", "arabic", "paren_arabic", "dash", "ordinal_shi", ...)
    style: Optional[str] = None

    @property
    def body(self) -> str:
        """The text without its label."""
        t = self.text
        if self.label and t.startswith(self.label):
            t = t[len(self.label):]
        return t.strip()

    def walk(self) -> Iterator["Node"]:
        yield self
        for c in self.children:
            yield from c.walk()

    def to_dict(self) -> dict:
        d = {"label": self.label, "number": self.number, "title": self.title, "text": self.text,
             "line": self.line, "agencies": [a.to_dict() for a in self.agencies],
             "targets": [t.to_dict() for t in self.targets],
             "children": [c.to_dict() for c in self.children]}
        if self.origin:
            d["from"] = self.origin
        if self.carry:
            d["carry"] = self.carry
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "Node":
        return cls(label=str(d.get("label") or ""), number=d.get("number"), title=str(d.get("title") or ""),
                   text=str(d.get("text") or ""), line=d.get("line"),
                   agencies=[Agency.from_dict(a) for a in d.get("agencies") or []],
                   targets=[Target.from_dict(t) for t in d.get("targets") or []],
                   children=[Node.from_dict(c) for c in d.get("children") or []],
                   origin=d.get("from"), carry=d.get("carry"))


@dataclass
class Document:
    kind: str = "unknown"
    title: str = ""
    year: Optional[int] = None
    issuer: str = ""
    line: Optional[int] = None
    preamble: str = ""
    targets: list[Target] = field(default_factory=list)
    sections: list[Node] = field(default_factory=list)
    date: str = ""  # 成文日期 as written, e.g. "2023年2月28日"
    numbering: Optional[str] = None  # "continuous" | "restart" (how items count across sections)
    end_line: Optional[int] = None  # last line that belongs to this document

    def walk(self) -> Iterator[Node]:
        for s in self.sections:
            yield from s.walk()

    def items(self) -> list[Node]:
        """The leaves: work items (or headings that carry no children)."""
        return [n for n in self.walk() if not n.children]

    def all_targets(self) -> list[Target]:
        out = list(self.targets)
        for n in self.walk():
            out.extend(n.targets)
        return out

    def to_dict(self) -> dict:
        d = {"kind": self.kind, "title": self.title, "year": self.year, "issuer": self.issuer,
             "line": self.line, "preamble": self.preamble,
             "targets": [t.to_dict() for t in self.targets],
             "sections": [s.to_dict() for s in self.sections]}
        if self.date:
            d["date"] = self.date
        if self.numbering:
            d["numbering"] = self.numbering
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "Document":
        return cls(kind=str(d.get("kind") or "unknown"), title=str(d.get("title") or ""), year=d.get("year"),
                   issuer=str(d.get("issuer") or ""), line=d.get("line"), preamble=str(d.get("preamble") or ""),
                   targets=[Target.from_dict(t) for t in d.get("targets") or []],
                   sections=[Node.from_dict(s) for s in d.get("sections") or []],
                   date=str(d.get("date") or ""), numbering=d.get("numbering"))


@dataclass
class ParseResult:
    source: str
    documents: list[Document] = field(default_factory=list)
    warnings: list[dict] = field(default_factory=list)
    # the text lines as read (1-based via lines[n-1]); for .docx, one entry per paragraph
    lines: list[str] = field(default_factory=list, repr=False)
    # 1-based lines that are page furniture (page marks, running headers), not the document's text
    furniture: list[int] = field(default_factory=list, repr=False)
    # a .docx's formatting, read when a layout rule first asks (read.layout.LazyLayout); None for text
    layout: Optional[object] = field(default=None, repr=False, compare=False)

    def to_dict(self) -> dict:
        return {"source": self.source, "documents": [d.to_dict() for d in self.documents],
                "warnings": list(self.warnings)}

    def first(self, kind: str) -> Optional[Document]:
        for d in self.documents:
            if d.kind == kind:
                return d
        return None
