"""Arbitrary bytes and text at every door a user's file comes through: a .docx, an outline, a drafter.yaml.
Whatever comes in, the answer is a result or a DrafterError (exit 2 with a reason) — never another exception."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from docxbuild import build_docx, para
from drafter.check.config import validate
from drafter.draft.outline import parse_outline
from drafter.errors import DrafterError
from drafter.read import read_source
from drafter.yamlio import load_yaml

SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                           HealthCheck.function_scoped_fixture])


def _good_docx() -> bytes:
    import tempfile
    with tempfile.TemporaryDirectory() as d:
        p = build_docx(Path(d) / "g.docx", para("某市2024年工作要点") + para("一、加强保护") + para("1.推进立法。"))
        return Path(p).read_bytes()


GOOD = _good_docx()


def _read(tmp: Path, data: bytes) -> None:
    p = tmp / "x.docx"
    p.write_bytes(data)
    try:
        src = read_source(str(p))
    except DrafterError as e:
        assert e.zh and e.en
    else:
        assert all(isinstance(b.text, str) for b in src.blocks)


@SETTINGS
@given(st.lists(st.tuples(st.integers(0, len(GOOD) - 1), st.integers(0, 255)), min_size=1, max_size=12))
def test_docx_with_flipped_bytes(tmp_path_factory, flips):
    data = bytearray(GOOD)
    for pos, value in flips:
        data[pos] = value
    _read(tmp_path_factory.mktemp("flip"), bytes(data))


@SETTINGS
@given(st.integers(0, len(GOOD)))
def test_docx_truncated_anywhere(tmp_path_factory, n):
    _read(tmp_path_factory.mktemp("cut"), GOOD[:n])


XMLISH = st.lists(st.sampled_from(['<w:p>', '</w:p>', '<w:r>', '</w:r>', '<w:t>', '</w:t>', '一、', '（一）', '1.',
                                   '<w:tbl>', '</w:tbl>', '<w:tc>', '</w:tc>', '<w:ins>', '</w:ins>', '&amp;', '&x;',
                                   '<!DOCTYPE a>', '<w:numPr><w:numId w:val="9"/></w:numPr>', '<w:pPr>', '</w:pPr>',
                                   '文字', '"', '<', '>']) | st.text(max_size=4), max_size=60).map("".join)


@SETTINGS
@given(XMLISH)
def test_docx_with_arbitrary_document_xml(tmp_path_factory, body):
    xml = ('<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           f'<w:body>{body}</w:body></w:document>').encode("utf-8", "surrogatepass")
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(GOOD)) as zin, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, xml if info.filename == "word/document.xml" else zin.read(info.filename))
    _read(tmp_path_factory.mktemp("xml"), buf.getvalue())


YAMLISH = st.lists(st.sampled_from(["title: ", "year: ", "sections:", "\n", "  ", "- ", "children:", "text: ", "2024",
                                    "：", "\t", "&a ", "*a", "[", "]", "{", "}", "carry: (五)", "from: 2023 1.",
                                    "agencies:", "name: 市财政局", "role: lead", "一、", "'", '"', "#", "!!python/object"])
                   | st.text(max_size=6), max_size=50).map("".join)


@SETTINGS
@given(YAMLISH)
def test_outline_text(text):
    try:
        parse_outline(text, "o.yaml")
    except DrafterError as e:
        assert e.where.startswith("o.yaml")


@SETTINGS
@given(YAMLISH)
def test_config_text(text):
    try:
        validate(load_yaml(text, "drafter.yaml"), "drafter.yaml")
    except DrafterError as e:
        assert e.where.startswith("drafter.yaml")
