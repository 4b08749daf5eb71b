"""The outline in the browser: the YAML `drafter init` writes and `drafter draft` reads ↔ JSON, comments kept.

The page edits JSON; the file a writer downloads is the same YAML the command line uses. Comments travel in
keys that start with `_`, which only the page reads (`strip_ui` removes every `_` key before the outline is
validated or drafted):

- `_header`: the comment lines above the first key (init's 编辑说明);
- `_notes`: {top-level key: comment} (the 请核对 above `preamble`, the one after `date`);
- a node's `_note`: every comment written on or above one of its keys (init's `# 请核对：…`).

A comment belongs to the key on its line (an end-of-line comment) or else to the next key below it — where a
person writes a comment about something. Comments inside agency or target entries go to their item. What
ruamel.yaml cannot place (a comment after the last key) is kept as `_notes["#end"]`.
"""
from __future__ import annotations

import datetime
from typing import Any, Optional

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import LiteralScalarString
from ruamel.yaml.tokens import CommentToken

from ..yamlio import dump_yaml

TOP_ORDER = ("kind", "title", "year", "issuer", "date", "numbering", "markers", "item_level", "agency_style",
             "appendix_table", "signature", "preamble", "targets", "sections")
NODE_ORDER = ("from", "carry", "label", "number", "title", "text", "agencies", "targets", "deadline", "children")
_BEFORE = ("preamble", "targets", "sections")    # top-level keys whose comment is written above them
_END = "#end"


def strip_ui(obj: Any) -> Any:
    """The outline without the page's own keys (`_id`, `_note`, `_last` …): what the schema validates."""
    if isinstance(obj, dict):
        return {k: strip_ui(v) for k, v in obj.items() if not str(k).startswith("_")}
    if isinstance(obj, list):
        return [strip_ui(v) for v in obj]
    return obj


# --- YAML → JSON ------------------------------------------------------------------------------------------

def _plain(v: Any) -> Any:
    if isinstance(v, dict):
        return {str(k): _plain(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [_plain(x) for x in v]
    if isinstance(v, bool) or v is None:
        return v
    if isinstance(v, int):
        return int(v)
    if isinstance(v, float):
        f = float(v)
        return int(f) if f.is_integer() and abs(f) < 2 ** 53 and "." not in repr(v) else f
    if isinstance(v, (datetime.date, datetime.datetime)):
        return v.isoformat()
    return str(v)


def _tokens(obj: Any, out: list) -> None:
    """Every CommentToken ruamel attached anywhere below `obj`."""
    def take(x: Any) -> None:
        if isinstance(x, CommentToken):
            out.append(x)
        elif isinstance(x, (list, tuple)):
            for y in x:
                take(y)
    if isinstance(obj, (CommentedMap, CommentedSeq)):
        take(obj.ca.comment)
        for v in obj.ca.items.values():
            take(v)
        for v in (obj.values() if isinstance(obj, CommentedMap) else obj):
            _tokens(v, out)


def _comment_lines(data: Any, text: str) -> list[tuple[int, str, bool]]:
    """(0-based line, comment text without '#', end-of-line?) for every comment, located in the source text."""
    src = text.splitlines()
    toks: list = []
    _tokens(data, toks)
    found: dict[int, tuple[str, bool]] = {}
    for tok in toks:
        segs = tok.value.split("\n")
        line0 = tok.start_mark.line if tok.start_mark else 0
        if tok.value.startswith("\n"):
            segs, line0 = segs[1:], line0
        for i, seg in enumerate(segs):
            s = seg.strip()
            if not s.startswith("#"):
                continue
            guess = line0 + i
            for ln in (guess, guess - 1, guess + 1, guess - 2, guess + 2):
                if 0 <= ln < len(src) and src[ln].rstrip().endswith(s):
                    eol = not src[ln].lstrip().startswith("#")
                    found[ln] = (s.lstrip("#").strip(), eol)
                    break
    return [(ln, t, eol) for ln, (t, eol) in sorted(found.items()) if t]


def _anchors(data: CommentedMap) -> list[tuple[int, Any]]:
    """(0-based line, owner) for every key: owner is ("top", key) or the node mapping the key belongs to."""
    out: list[tuple[int, Any]] = []

    def node(m: Any) -> None:
        if not isinstance(m, CommentedMap):
            return
        for k in m:
            out.append((m.lc.key(k)[0], m))
            v = m[k]
            if k == "children" and isinstance(v, CommentedSeq):
                for c in v:
                    node(c)
            else:
                inner(v, m)

    def inner(v: Any, owner: Any) -> None:
        if isinstance(v, CommentedMap):
            for k in v:
                out.append((v.lc.key(k)[0], owner))
                inner(v[k], owner)
        elif isinstance(v, CommentedSeq):
            for i, x in enumerate(v):
                out.append((v.lc.item(i)[0], owner))
                inner(x, owner)

    for k in data:
        out.append((data.lc.key(k)[0], ("top", k)))
        v = data[k]
        if k == "sections" and isinstance(v, CommentedSeq):
            for s in v:
                node(s)
        else:
            inner(v, ("top", k))
    out.sort(key=lambda a: a[0])
    return out


def _add(notes: dict, key: Any, text: str) -> None:
    notes[key] = (notes[key] + "\n" + text) if notes.get(key) else text


def outline_to_json(data: Any, text: Optional[str] = None) -> dict:
    """A loaded outline (CommentedMap from `yamlio.load_yaml`, or init's own) → JSON with its comments.

    `text` is the YAML it was read from (comments are placed by their line in it); without it (a mapping
    `drafter init` built, not yet written) each comment stays on the mapping ruamel attached it to.
    """
    if text is None:
        return _structural(data)
    out = _plain(data)
    if not isinstance(data, CommentedMap):
        return out
    anchors = _anchors(data)
    first = anchors[0][0] if anchors else 1 << 30
    header: list[str] = []
    top: dict[str, str] = {}
    per_node: dict[int, str] = {}
    for ln, t, eol in _comment_lines(data, text):
        owner = None
        if eol:
            on = [o for a, o in anchors if a == ln] or [o for a, o in anchors if a < ln][-1:]
            owner = on[-1] if on else None
        elif ln < first:
            header.append(t)
            continue
        else:
            after = [o for a, o in anchors if a > ln]
            owner = after[0] if after else ("top", _END)
        if owner is None:
            continue
        if isinstance(owner, tuple):
            _add(top, owner[1], t)
        else:
            _add(per_node, id(owner), t)
    if header:
        out["_header"] = "\n".join(header)
    if top:
        out["_notes"] = top

    def attach(m: Any, j: dict) -> None:
        if not isinstance(m, CommentedMap) or not isinstance(j, dict):
            return
        if id(m) in per_node:
            j["_note"] = per_node[id(m)]
        for c, jc in zip(m.get("children") or [], j.get("children") or []):
            attach(c, jc)
    for s, js in zip(data.get("sections") or [], out.get("sections") or []):
        attach(s, js)
    return out


def _texts(x: Any) -> list[str]:
    out: list[str] = []
    if isinstance(x, CommentToken):
        out += [seg.strip().lstrip("#").strip() for seg in x.value.split("\n") if seg.strip().startswith("#")]
    elif isinstance(x, (list, tuple)):
        for y in x:
            out += _texts(y)
    return [t for t in out if t]


def _own_comments(m: Any) -> list[str]:
    """The comments on a mapping's own keys and on its non-node values (agencies, targets)."""
    out = _texts(m.ca.comment) if isinstance(m, (CommentedMap, CommentedSeq)) else []
    if isinstance(m, (CommentedMap, CommentedSeq)):
        for v in m.ca.items.values():
            out += _texts(v)
        for k, v in (m.items() if isinstance(m, CommentedMap) else enumerate(m)):
            if k != "children" and isinstance(v, (CommentedMap, CommentedSeq)):
                out += _own_comments(v)
    return out


def _structural(data: Any) -> dict:
    """outline_to_json for a mapping built in memory (init's): comments taken where ruamel holds them."""
    out = _plain(data)
    if not isinstance(data, CommentedMap):
        return out
    header = _texts(data.ca.comment)
    if header:
        out["_header"] = "\n".join(header)
    top = {}
    for k in data:
        t = _texts(data.ca.items.get(k))
        v = data[k]
        if k != "sections" and isinstance(v, (CommentedMap, CommentedSeq)):
            t += _own_comments(v)
        if t:
            top[str(k)] = "\n".join(t)
    if top:
        out["_notes"] = top

    def attach(m: Any, j: dict) -> None:
        if not isinstance(m, CommentedMap) or not isinstance(j, dict):
            return
        t = _own_comments(m)
        if t:
            j["_note"] = "\n".join(t)
        for c, jc in zip(m.get("children") or [], j.get("children") or []):
            attach(c, jc)
    for s, js in zip(data.get("sections") or [], out.get("sections") or []):
        attach(s, js)
    return out


# --- JSON → YAML ------------------------------------------------------------------------------------------

def _ordered(d: dict, order: tuple) -> list:
    keys = [k for k in order if k in d] + [k for k in d if k not in order]
    return [k for k in keys if not str(k).startswith("_")]


def _flow_seq_of_maps(items: list) -> CommentedSeq:
    seq = CommentedSeq()
    for a in items:
        m = CommentedMap()
        for k, v in a.items():
            if not str(k).startswith("_"):
                m[k] = v
        m.fa.set_flow_style()
        seq.append(m)
    return seq


def _target_seq(items: list) -> CommentedSeq:
    seq = CommentedSeq()
    for t in items:
        m = CommentedMap()
        for k, v in t.items():
            if not str(k).startswith("_") and v is not None:
                m[k] = v
        seq.append(m)
    return seq


def _one_line(note: str) -> str:
    return "；".join(x.strip() for x in str(note).splitlines() if x.strip())


def _node(j: dict) -> CommentedMap:
    m = CommentedMap()
    for k in _ordered(j, NODE_ORDER):
        v = j[k]
        if k == "agencies" and isinstance(v, list):
            m[k] = _flow_seq_of_maps(v)
        elif k == "targets" and isinstance(v, list):
            m[k] = _target_seq(v)
        elif k == "children" and isinstance(v, list):
            kids = CommentedSeq()
            for c in v:
                kids.append(_node(c))
            m[k] = kids
        else:
            m[k] = v
    note = j.get("_note")
    if note and len(m):
        m.yaml_add_eol_comment(_one_line(note), next(iter(m)))
    return m


def json_to_outline(j: dict) -> CommentedMap:
    """The page's outline JSON → the commented mapping `drafter init` would write (`dump_yaml` prints it)."""
    out = CommentedMap()
    notes = dict(j.get("_notes") or {})
    for k in _ordered(j, TOP_ORDER):
        v = j[k]
        if k == "sections" and isinstance(v, list):
            secs = CommentedSeq()
            for s in v:
                secs.append(_node(s))
            out[k] = secs
        elif k == "markers" and isinstance(v, list):
            seq = CommentedSeq(v)
            seq.fa.set_flow_style()
            out[k] = seq
        elif k == "targets" and isinstance(v, list):
            out[k] = _target_seq(v)
        elif k == "preamble" and isinstance(v, str) and v.strip():
            out[k] = LiteralScalarString(v if v.endswith("\n") else v + "\n")
        else:
            out[k] = v
    for k, note in notes.items():
        if k not in out or not note:
            continue
        if k in _BEFORE or "\n" in str(note):
            out.yaml_set_comment_before_after_key(k, before=str(note))
        else:
            out.yaml_add_eol_comment(str(note), k)
    if j.get("_header"):
        out.yaml_set_start_comment(str(j["_header"]))
    return out


def json_to_yaml(j: dict) -> str:
    """The YAML text of the page's outline, with its comments (a trailing one last)."""
    text = dump_yaml(json_to_outline(j))
    end = (j.get("_notes") or {}).get(_END)
    if end:
        text += "".join(f"# {x}\n" for x in str(end).splitlines())
    return text
