"""Write rendered blocks as plain text (.txt) or Markdown (.md)."""
from __future__ import annotations

from .render import Block

_LINE = 28   # characters per line of a 公文 page, for centring and right-aligning in plain text


def _pad_right(s: str, right: int) -> str:
    from .docx import text_width
    return " " * max(0, int((_LINE - right - text_width(s)) * 2)) + s


def to_txt(blocks: list[Block]) -> str:
    out: list[str] = []
    date = next((b.text for b in blocks if b.style == "date"), "")
    for b in blocks:
        if b.style == "title":
            out.append(b.text)
        elif b.style in ("blank", "pagebreak"):
            out.append("")
        elif b.style == "issuer":
            out.append("")
            out.append(b.text)
        elif b.style == "date":
            out.append(date)
        elif b.style == "table":
            out.append("\t".join(b.cells))
        elif b.style == "row":
            out.append("\t".join(b.cells))
        elif b.style == "note":
            out += ["", "　　" + b.text]          # 附件说明: 正文下空一行，左空二字 (§7.3.4)
        elif b.style in ("attach_label", "attach_title"):
            out.append(b.text)
        else:
            out.append("　　" + b.text)
    return "\n".join(out).rstrip("\n") + "\n"


def _md_cell(s: str) -> str:
    return s.replace("|", "\\|")


def to_md(blocks: list[Block]) -> str:
    out: list[str] = []
    for b in blocks:
        if b.style == "title":
            out += [f"# {b.text}", ""]
        elif b.style in ("h1", "item1"):
            out += [f"## {b.text}", ""]
        elif b.style == "h2":
            out += [f"### {b.text}", ""]
        elif b.style in ("h3", "h4"):
            out += [f"#### {b.text}", ""]
        elif b.style in ("blank",):
            continue
        elif b.style == "pagebreak":
            out += ["---", ""]
        elif b.style == "attach_label":
            out += [f"**{b.text}**", ""]
        elif b.style == "attach_title":
            out += [f"## {b.text}", ""]
        elif b.style == "table":
            out.append("| " + " | ".join(_md_cell(c) for c in b.cells) + " |")
            out.append("|" + "---|" * len(b.cells))
        elif b.style == "row":
            out.append("| " + " | ".join(_md_cell(c) for c in b.cells) + " |")
        elif b.style in ("issuer", "date"):
            out += [f"<p align=\"right\">{b.text}</p>", ""]
        elif b.lead:
            out += [f"**{b.lead}**{b.text[len(b.lead):]}", ""]
        else:
            out += [b.text, ""]
    return "\n".join(out).rstrip("\n") + "\n"
