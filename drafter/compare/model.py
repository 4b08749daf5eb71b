"""What `compare` finds: one Change per aligned pair, new item or dropped item, and a target-tracking table.

Plain dataclasses; every report (text, json, html, docx) renders from these and nothing else.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from ..model import Document, Node, Target

STATUSES = ("carried", "revised", "moved", "new", "dropped")


@dataclass
class ItemRef:
    """One item in one of the two plans."""
    node: Node
    index: int                 # position among the document's items (reading order)
    section: Optional[Node]    # the heading the item sits under (None for a top-level item)
    path: str                  # labels from the top: "三、/(五)"
    body: str                  # the text without its label

    @property
    def label(self) -> str:
        return self.node.label

    @property
    def title(self) -> str:
        return self.node.title

    @property
    def line(self) -> Optional[int]:
        return self.node.line

    def to_dict(self) -> dict:
        return {"label": self.label, "title": self.title, "line": self.line, "path": self.path}


@dataclass
class TargetChange:
    """One metric of one item: last year's target, this year's, and last year's achievement."""
    metric: str
    old: Optional[Target] = None
    new: Optional[Target] = None
    achieved: Optional[Target] = None
    change: str = "same"  # raised | lowered | same | added | removed | changed (unit/kind differ)
    # did last year's achievement meet last year's target? (None: unknown)
    old_met: Optional[bool] = None
    # is this year's target above last year's achievement? (None: unknown)
    above_achieved: Optional[bool] = None

    def to_dict(self) -> dict:
        return {"metric": self.metric,
                "old": self.old.to_dict() if self.old else None,
                "new": self.new.to_dict() if self.new else None,
                "achieved": self.achieved.to_dict() if self.achieved else None,
                "change": self.change, "old_met": self.old_met, "above_achieved": self.above_achieved}


@dataclass
class AgencyChange:
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    old_lead: list[str] = field(default_factory=list)
    new_lead: list[str] = field(default_factory=list)

    @property
    def lead_changed(self) -> bool:
        return bool(self.old_lead or self.new_lead) and set(self.old_lead) != set(self.new_lead)

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.lead_changed)

    def to_dict(self) -> dict:
        d = {"added": list(self.added), "removed": list(self.removed), "lead_changed": self.lead_changed}
        if self.lead_changed:
            d["lead"] = {"old": list(self.old_lead), "new": list(self.new_lead)}
        return d


@dataclass
class Change:
    status: str                       # carried | revised | moved | new | dropped
    similarity: Optional[float]       # 0–100 for pairs, None for new/dropped
    old: Optional[ItemRef] = None
    new: Optional[ItemRef] = None
    text_changed: bool = False        # a moved item may also be reworded
    diff: list[tuple[str, str]] = field(default_factory=list)   # [("=", "…"), ("-", "…"), ("+", "…")]
    targets: list[TargetChange] = field(default_factory=list)
    agencies: AgencyChange = field(default_factory=AgencyChange)
    renumbered: bool = False
    # a dropped item whose words went into a kept item ("merged into"), or a new item made from part of
    # an old one ("split from"): the item on the other side
    merged_into: Optional[ItemRef] = None
    split_from: Optional[ItemRef] = None

    def to_dict(self) -> dict:
        extra = {}
        if self.merged_into is not None:
            extra["merged_into"] = self.merged_into.to_dict()
        if self.split_from is not None:
            extra["split_from"] = self.split_from.to_dict()
        return {**extra, "status": self.status,
                "similarity": None if self.similarity is None else round(self.similarity, 1),
                "old": self.old.to_dict() if self.old else None,
                "new": self.new.to_dict() if self.new else None,
                "text_changed": self.text_changed, "renumbered": self.renumbered,
                "targets": [t.to_dict() for t in self.targets],
                "agencies": self.agencies.to_dict()}


@dataclass
class SectionRow:
    """A block of the report: one heading of the new plan (or an old heading that is gone)."""
    old: Optional[Node]
    new: Optional[Node]
    changes: list[Change] = field(default_factory=list)
    diff: list[tuple[str, str]] = field(default_factory=list)   # of the heading text, when both exist

    @property
    def heading(self) -> str:
        n = self.new or self.old
        return (n.label + n.title) if n else ""


@dataclass
class Comparison:
    old_source: str
    new_source: str
    old_doc: Document
    new_doc: Document
    summary_source: Optional[str] = None
    summary_doc: Optional[Document] = None
    changes: list[Change] = field(default_factory=list)     # in merged reading order
    sections: list[SectionRow] = field(default_factory=list)
    tracking: list[TargetChange] = field(default_factory=list)
    threshold: float = 0.0

    def counts(self) -> dict[str, int]:
        c = {s: 0 for s in STATUSES}
        for ch in self.changes:
            c[ch.status] += 1
        return c
