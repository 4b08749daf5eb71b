"""What every rule is made of: a Finding, a Rule, the registry, and the Context a rule reads.

A rule is a small class: its code, name and default severity, its documentation (the class
docstring in English, `doc_zh` in Chinese — what `drafter rules CODE` prints), an example that
fires and one that does not (tests run both), and `check(ctx)` yielding findings.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar, Iterable, Iterator, Optional

from ..i18n import get_lang
from ..model import Document, Node, ParseResult

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"info": 1, "warning": 2, "error": 3}


@dataclass(frozen=True)
class Span:
    """Characters `start:end` of the text the reader produced for `line` (`ParseResult.lines[line - 1]`: a
    line of a .txt as read, a paragraph of a .docx with its automatic label in front). A span that runs on
    into a later line (a sentence hard-wrapped by PDF extraction, which the parser joined) ends at `end`
    of `end_line`, and the line break between is not part of it."""
    line: int
    start: int
    end: int
    end_line: Optional[int] = None

    @property
    def last_line(self) -> int:
        return self.end_line or self.line

    def to_dict(self) -> dict:
        d = {"line": self.line, "start": self.start, "end": self.end}
        if self.end_line and self.end_line != self.line:
            d["end_line"] = self.end_line
        return d


@dataclass(frozen=True)
class Edit:
    """Replace the characters of `span` by `text` (`""` deletes them): the one right fix of a finding."""
    span: Span
    text: str

    def to_dict(self) -> dict:
        return {**self.span.to_dict(), "text": self.text}


@dataclass
class Finding:
    rule: str
    severity: str
    message_zh: str
    message_en: str
    source: str = ""
    line: Optional[int] = None
    label: str = ""
    path: str = ""
    excerpt: str = ""
    suggestion: Optional[str] = None
    name: str = ""
    # a second place the finding points at (the other duplicate, the summary figure): {"source","line","excerpt"}
    related: list[dict] = field(default_factory=list)
    # the suggestion in English when it is advice rather than replacement text (None: the same in both)
    suggestion_en: Optional[str] = None
    # the flagged characters (comments and the web page highlight them); None when the finding is about
    # a whole paragraph or a relation between places
    span: Optional[Span] = None
    # what `drafter fix` does about it: edits with one right answer (empty: left for a person). A fix may
    # reach past the span: renumbering one item renumbers the items after it, and references to them.
    edits: list[Edit] = field(default_factory=list)

    @property
    def message(self) -> str:
        return self.message_en if get_lang() == "en" else self.message_zh

    @property
    def suggestion_text(self) -> Optional[str]:
        """The suggestion in the current language."""
        if get_lang() == "en" and self.suggestion_en:
            return self.suggestion_en
        return self.suggestion

    @property
    def fixable(self) -> bool:
        return bool(self.edits)

    @property
    def replacement(self) -> Optional[str]:
        """The text that replaces the flagged span, when the fix is exactly that."""
        for e in self.edits:
            if e.span == self.span:
                return e.text
        return None

    def to_dict(self) -> dict:
        d = {"source": self.source, "rule": self.rule, "name": self.name, "severity": self.severity,
             "line": self.line, "label": self.label, "path": self.path, "message": self.message,
             "excerpt": self.excerpt, "suggestion": self.suggestion_text}
        if self.related:
            d["related"] = self.related
        # beyond DESIGN.md's keys: where the flagged words are, and what `drafter fix` would do
        if self.span is not None:
            d["span"] = self.span.to_dict()
        d["fixable"] = self.fixable
        if self.edits:
            d["edits"] = [e.to_dict() for e in self.edits]
        return d


@dataclass
class Context:
    """Everything a rule may read. `doc` is the document being checked."""
    result: ParseResult                      # the whole parsed file (lines, warnings, all documents)
    doc: Document                            # the document under check
    prior: Optional[Document] = None         # last year's plan (--prior)
    summary: Optional[Document] = None       # last year's summary (--summary or the same file)
    config: dict = field(default_factory=dict)  # the merged drafter.yaml
    data: Any = None                         # rules/*.yaml as loaded (see drafter.check.data)
    layout: Any = None                       # a .docx's formatting (read.layout.LazyLayout), None for text

    @property
    def source(self) -> str:
        return self.result.source

    def path_of(self, node: Node) -> str:
        """Heading path like `三、/(五)` for a node of `doc` ("" for any other node).

        Every node's path comes from one walk of the tree, on the first call: a finding does not walk it
        again (900 findings on a 3,200-item plan took 3 million calls)."""
        paths = self.__dict__.get("_paths")
        if paths is None:
            paths = {}
            stack = [(n, ()) for n in reversed(self.doc.sections)]
            while stack:
                n, trail = stack.pop()
                here = trail + (n.label or n.title[:8],)
                paths.setdefault(id(n), "/".join(here))
                stack.extend((c, here) for c in reversed(n.children))
            self.__dict__["_paths"] = paths
        return paths.get(id(node), "")


class Rule:
    code: ClassVar[str] = ""
    name: ClassVar[str] = ""
    severity: ClassVar[str] = "warning"
    doc_zh: ClassVar[str] = ""
    # plan text on which the rule fires, and one on which it stays quiet (tests run both)
    example_hit: ClassVar[str] = ""
    example_miss: ClassVar[str] = ""
    # when the examples need context: "summary" text for TGT001, "prior" text, etc.
    example_context: ClassVar[dict] = {}
    # `drafter fix` can fix what it finds (its findings carry edits when there is one right answer)
    fixable: ClassVar[bool] = False
    # `drafter fix --layout` sets what it finds right (GB/T 9704 page, styles, page numbers: tracked formatting)
    layout_fixable: ClassVar[bool] = False

    def check(self, ctx: Context) -> Iterable[Finding]:
        raise NotImplementedError

    def finding(self, ctx: Context, zh: str, en: str, node: Optional[Node] = None, line: Optional[int] = None,
                excerpt: str = "", suggestion: Optional[str] = None, severity: Optional[str] = None,
                related: Optional[list[dict]] = None, suggestion_en: Optional[str] = None,
                span: Optional[Span] = None, edits: Optional[list[Edit]] = None) -> Finding:
        """A finding at a node (line, label, path and excerpt from it) or at a bare line."""
        sev = severity or ctx.config.get("severity", {}).get(self.code) or self.severity
        if node is not None:
            line = node.line if line is None else line
            excerpt = excerpt or node.text[:60]
        return Finding(rule=self.code, name=self.name, severity=sev, message_zh=zh, message_en=en,
                       source=ctx.source, line=line, label=node.label if node is not None else "",
                       path=ctx.path_of(node) if node is not None else "", excerpt=excerpt,
                       suggestion=suggestion, related=related or [], suggestion_en=suggestion_en,
                       span=span, edits=list(edits or []))


REGISTRY: dict[str, type[Rule]] = {}


def register(cls: type[Rule]) -> type[Rule]:
    """Class decorator: add a rule to the catalog under its code."""
    assert cls.code and cls.code not in REGISTRY, cls.code
    REGISTRY[cls.code] = cls
    return cls


def all_rules() -> Iterator[type[Rule]]:
    from . import rules  # noqa: F401  (importing the package registers every rule)
    for code in sorted(REGISTRY):
        yield REGISTRY[code]
