"""`drafter compare`: alignment by content, statuses, targets, and the four output formats."""
from __future__ import annotations

import itertools
import json
import re
import zipfile
from html.parser import HTMLParser

import numpy as np
import pytest
from click.testing import CliRunner
from lxml import etree

from cli import main
from drafter.api import load
from drafter.compare import align
from drafter.compare.diff import char_diff, new_text, old_text
from drafter.compare.engine import compare_documents, pick_plan, pick_summary

from conftest import seed_path

S000 = "000"
S004 = "004"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

NEW_A = ("推进数据知识产权登记试点。探索建立数据知识产权登记制度,制定数据知识产权登记办法,"
         "在重点行业开展数据资产确权登记试点,培育数据要素交易市场。")
NEW_B = ("开展知识产权服务乡村振兴行动。围绕涉农区特色农业,组织专家下乡开展技术帮扶,"
         "推动农业种质资源和农机装备专利的转化运用,带动农民增收。")
REWORD_OLD = "14.加强专利奖励。"
REWORDED = ("加强专利奖励。完成《天津市专利奖评奖办法》修订工作。组织开展2021年天津市专利奖评审和表彰。"
            "加强对高价值核心专利的推荐和宣传。")


# ------------------------------------------------------------------ building a next-year plan

def _seed_structure(path: str):
    """(title, preamble lines, [(section heading, [item bodies without label])]) of seed 000, read plainly."""
    lines = [ln.strip().replace("\u00a0", "") for ln in open(path, encoding="utf-8")]
    title = lines[0]
    pre, sections = [], []
    for ln in lines[1:]:
        if not ln:
            continue
        m = re.match(r"^([一二三四五六七八九十]+)、(.*)$", ln)
        if m:
            sections.append([m.group(2), []])
            continue
        m = re.match(r"^(\d+)\.(.*)$", ln)
        if m and sections:
            sections[-1][1].append(m.group(2))
        elif not sections and not ln.startswith("发布时间"):
            pre.append(ln)
    return title, pre, sections


CN = "一二三四五六七八九十"


def _write_plan(path, title, pre, sections, item_labels="arabic"):
    out = [title, ""] + pre
    n = 0
    for k, (head, items) in enumerate(sections):
        out.append(f"{CN[k]}、{head}")
        for body in items:
            n += 1
            out.append(f"{n}.{body}")
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def edited(tmp_path_factory):
    """Seed 000 (2020) and a 2021 plan made from it with known edits.

    drop items 1 and 22; add two new items; move item 9 from section 三 to section 四; reword item 14;
    change the headline target 有效发明专利 3.7万件 → 4.2万件; renumber everything (every carried item
    gets a new number).
    """
    old = seed_path(S000)
    title, pre, sections = _seed_structure(old)
    body = {}
    for head, items in sections:
        for it in items:
            body[len(body) + 1] = it
    new_sections = [[h, list(items)] for h, items in sections]

    def remove(num):
        for s in new_sections:
            if body[num] in s[1]:
                s[1].remove(body[num])
                return
        raise AssertionError(num)

    remove(1)
    remove(22)
    remove(9)
    new_sections[3][1].insert(0, body[9])               # 四、 now opens with 老字号
    i14 = new_sections[3][1].index(body[14])
    new_sections[3][1][i14] = REWORDED
    new_sections[9][1].extend([NEW_A, NEW_B])            # end of 十、
    pre = [p.replace("2020年", "2021年").replace("3.7万件", "4.2万件") for p in pre]
    d = tmp_path_factory.mktemp("edited")
    new = d / "plan2021.txt"
    _write_plan(new, title.replace("2020", "2021"), pre, new_sections)
    new_label = {}
    for _, items in new_sections:
        for it in items:
            new_label[it] = f"{len(new_label) + 1}."
    expect = {f"{k}.": new_label.get(b) for k, b in body.items()}   # old label → new label (None: dropped)
    expect["14."] = new_label[REWORDED]
    return old, str(new), expect


@pytest.fixture(scope="module")
def edited_cmp(edited):
    old, new, body = edited
    o, n = pick_plan(load(old)), pick_plan(load(new))
    assert len(o.items()) == 32 and len(n.items()) == 32
    return compare_documents(o, n, old_source="2020.txt", new_source="2021.txt"), body


def _by_old(cmp, label):
    return [c for c in cmp.changes if c.old is not None and c.old.label == label]


def _by_new_title(cmp, start):
    return [c for c in cmp.changes if c.new is not None and c.new.title.startswith(start)]


def test_known_edits_statuses(edited_cmp):
    cmp, body = edited_cmp
    counts = cmp.counts()
    assert counts == {"carried": 28, "revised": 1, "moved": 1, "new": 2, "dropped": 2}, counts
    assert {c.old.label for c in cmp.changes if c.status == "dropped"} == {"1.", "22."}
    news = [c for c in cmp.changes if c.status == "new"]
    assert sorted(c.new.title for c in news) == sorted([NEW_A.split("。")[0] + "。", NEW_B.split("。")[0] + "。"])
    moved = _by_old(cmp, "9.")[0]
    assert moved.status == "moved" and not moved.text_changed
    assert moved.old.path.startswith("三、") and moved.new.path.startswith("四、")
    rev = _by_old(cmp, "14.")[0]
    assert rev.status == "revised" and rev.text_changed
    assert 40 <= rev.similarity < 100
    assert old_text(rev.diff) == rev.old.body and new_text(rev.diff) == rev.new.body
    assert any(op == "+" for op, _ in rev.diff) and any(op == "-" for op, _ in rev.diff)


def test_renumbered_items_are_carried_not_revised(edited_cmp):
    cmp, expect = edited_cmp
    carried = [c for c in cmp.changes if c.status == "carried"]
    assert len(carried) == 28
    for c in carried:
        assert c.similarity == 100.0 and not c.text_changed and c.diff == []
        assert c.renumbered and c.new.label == expect[c.old.label] != c.old.label
    # every pair goes to the item it was made from
    for c in cmp.changes:
        if c.old is not None and c.new is not None:
            assert c.new.label == expect[c.old.label], (c.old.label, c.new.label)
        elif c.old is not None:
            assert expect[c.old.label] is None


def test_known_edits_target_change_in_tracking(edited_cmp):
    cmp, _ = edited_cmp
    rows = {r["change"].metric: r["change"] for r in cmp.tracking}
    tc = rows["有效发明专利"]
    assert tc.old.value == 37000 and tc.new.value == 42000 and tc.change == "raised"
    assert rows["有效商标注册量"].change == "same"


def test_item_target_change_with_summary(tmp_path):
    """Seed 004's plan with one item's target raised 60 → 70 场次, against its own 2022 summary."""
    text = open(seed_path(S004), encoding="utf-8").read()
    assert "不少于60场次" in text
    plan_start = text.index("市知识产权局2023年工作要点\n")
    new = tmp_path / "2024.txt"
    new.write_text(text[plan_start:].replace("2023年", "2024年").replace("不少于60场次", "不少于70场次"),
                   encoding="utf-8")
    res = CliRunner().invoke(main, ["compare", seed_path(S004), str(new), "--summary", seed_path(S004),
                                    "--format", "json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    ch = [c for c in data["changes"] if c["new"] and c["new"]["label"] == "(十八)"][0]
    assert ch["status"] == "revised"
    tc = [t for t in ch["targets"] if t["new"] and t["new"]["unit"] == "场次"][0]
    assert tc["old"]["value"] == 60 and tc["new"]["value"] == 70 and tc["change"] == "raised"
    assert tc["achieved"]["value"] == 63
    assert tc["old_met"] is True and tc["above_achieved"] is True


# ------------------------------------------------------------------ two real plans three years apart

@pytest.fixture(scope="module")
def real_cmp():
    o = pick_plan(load(seed_path(S000)))
    r4 = load(seed_path(S004))
    n = pick_plan(r4)
    assert n.kind == "plan" and n.year == 2023
    return compare_documents(o, n, pick_summary(r4), "000", "004", "004")


def test_real_plans_obvious_match(real_cmp):
    pairs = {(c.old.label, c.new.label): c for c in real_cmp.changes if c.old is not None and c.new is not None}
    assert ("32.", "(二十)") in pairs
    c = pairs[("32.", "(二十)")]
    assert c.old.title.startswith("提升管理效能") and c.new.title.startswith("提升机关管理效能")
    assert c.status in ("revised", "moved")
    assert ("18.", "(十)") in pairs          # 推进高校院所知识产权工作 ↔ 推进高校院所知识产权创造


def test_real_plans_not_forced(real_cmp):
    pairs = [c for c in real_cmp.changes if c.old is not None and c.new is not None]
    counts = real_cmp.counts()
    # 32 old items, 23 new: a forced assignment would make 23 pairs
    assert 2 <= len(pairs) <= 8, [(c.old.label, c.new.label, c.similarity) for c in pairs]
    assert all(c.similarity >= align.THRESHOLD for c in pairs)
    assert counts["dropped"] == 32 - len(pairs) and counts["new"] == 23 - len(pairs)
    assert counts["carried"] == 0
    # unrelated items: e.g. 加强专利奖励 has nothing in 2023
    assert _by_old(real_cmp, "14.")[0].status == "dropped"


# ------------------------------------------------------------------ assignment and diff units

def test_matching_is_optimal_on_small_random_cases():
    rng = np.random.default_rng(7)
    for _ in range(200):
        n, m = int(rng.integers(1, 6)), int(rng.integers(1, 6))
        w = rng.integers(0, 6, (n, m)).astype(float) * (rng.random((n, m)) < 0.6)
        got = sum(w[r, c] for r, c in align.max_weight_matching(w))
        if n <= m:
            best = max(sum(w[i, p[i]] for i in range(n)) for p in itertools.permutations(range(m), n))
        else:
            best = max(sum(w[p[j], j] for j in range(m)) for p in itertools.permutations(range(n), m))
        assert abs(got - best) < 1e-9


def test_assignment_is_global_not_greedy():
    # greedy takes (0,0)=90 first and leaves row 1 unmatched; the optimum pairs 0-1 and 1-0
    s = np.array([[90.0, 85.0], [80.0, 0.0]], dtype=np.float32)
    assert sorted((r, c) for r, c, _ in align.assign(s, 40)) == [(0, 1), (1, 0)]
    # and nothing below the threshold is paired
    assert align.assign(np.array([[39.0]], dtype=np.float32), 40) == []


def test_similarity_ignores_label_numbers_and_agency():
    a = align.ItemText("加强专利奖励。", "加强专利奖励。组织开展2020年专利奖评审,表彰20项专利。(市知识产权局牵头)")
    b = align.ItemText("加强专利奖励。", "加强专利奖励。组织开展2021年专利奖评审,表彰25项专利。")
    assert align.pair_score(a, b) == 100.0


def test_char_diff_roundtrip():
    a = "提高知识产权治理能力和治理水平,加强法制建设,严格依法行政、依法办事。"
    b = "提高知识产权治理能力和治理水平,加强机关依法行政。"
    d = char_diff(a, b)
    assert old_text(d) == a and new_text(d) == b
    assert ("-", "法制建设,严格") in d or any(op == "-" and "法制建设" in t for op, t in d)
    assert char_diff(a, a) == [("=", a)]


# ------------------------------------------------------------------ command line and formats

def test_cli_json_shape(edited):
    old, new, _ = edited
    res = CliRunner().invoke(main, ["compare", old, new, "--format", "json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert set(data) >= {"changes", "summary"}
    assert data["summary"] == {"carried": 28, "revised": 1, "moved": 1, "new": 2, "dropped": 2}
    for c in data["changes"]:
        assert set(c) >= {"status", "similarity", "old", "new", "targets", "agencies"}
        assert c["status"] in ("carried", "revised", "moved", "new", "dropped")
        for side in ("old", "new"):
            if c[side] is not None:
                assert set(c[side]) >= {"label", "title", "line", "path"}
        assert (c["old"] is None) == (c["status"] == "new")
        assert (c["new"] is None) == (c["status"] == "dropped")
        assert isinstance(c["agencies"], dict)
    # labels as written, so a script can match old 14. with new 13.
    m = [c for c in data["changes"] if c["old"] and c["old"]["label"] == "14."][0]
    assert m["new"]["label"] == "13." and m["status"] == "revised"


def test_cli_text(edited):
    old, new, _ = edited
    res = CliRunner().invoke(main, ["compare", old, new])
    assert res.exit_code == 0, res.output
    out = res.output
    assert "\x1b[" not in out                   # no colour when not a terminal
    assert "[删除] 1." in out and "[新增]" in out and "[移动" in out and "[修改" in out
    assert "[-" in out and "{+" in out
    res = CliRunner().invoke(main, ["compare", old, new, "--lang", "en"])
    assert "[dropped] 1." in res.output


class _Balance(HTMLParser):
    VOID = {"meta", "br", "col", "img", "hr", "link", "input"}

    def __init__(self):
        super().__init__()
        self.stack, self.errors, self.tags = [], [], set()

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append((tag, list(self.stack[-3:])))
        else:
            self.stack.pop()


def test_cli_html(edited, tmp_path):
    old, new, _ = edited
    evil = tmp_path / "evil.txt"
    evil.write_text(open(new, encoding="utf-8").read().replace(
        "提升管理效能。", "提升管理效能<script>alert('x')</script>。"), encoding="utf-8")
    out = tmp_path / "c.html"
    res = CliRunner().invoke(main, ["compare", old, str(evil), "--format", "html", "-o", str(out)])
    assert res.exit_code == 0, res.output
    html = out.read_text(encoding="utf-8")
    p = _Balance()
    p.feed(html)
    p.close()
    assert not p.errors and p.stack == [], (p.errors, p.stack)
    assert "<del>" in html and "<ins>" in html
    assert "http" not in html and "<script" not in html and "&lt;script&gt;" in html
    assert "src=" not in html
    # exists: refuse to overwrite, then --force
    res = CliRunner().invoke(main, ["compare", old, new, "--format", "html", "-o", str(out)])
    assert res.exit_code == 2
    res = CliRunner().invoke(main, ["compare", old, new, "--format", "html", "-o", str(out), "--force"])
    assert res.exit_code == 0


def _accepted_paragraphs(path, accept=True):
    with zipfile.ZipFile(path) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    paras = []
    drop, keep = (f"{W}del", f"{W}ins") if accept else (f"{W}ins", f"{W}del")
    for p in root.iter(f"{W}p"):
        mark = p.find(f"{W}pPr/{W}rPr/{drop}")
        text = []
        for el in p.iter(f"{W}t", f"{W}delText"):
            anc = [a.tag for a in el.iterancestors()]
            if drop in anc:
                continue
            text.append(el.text or "")
        t = "".join(text)
        if mark is not None and not t:
            continue
        paras.append(t)
    return paras


def test_cli_docx(edited, tmp_path):
    old, new, _ = edited
    res = CliRunner().invoke(main, ["compare", old, new, "--format", "docx"])
    assert res.exit_code == 2                   # docx needs -o
    out = tmp_path / "c.docx"
    res = CliRunner().invoke(main, ["compare", old, new, "--format", "docx", "-o", str(out)])
    assert res.exit_code == 0, res.output
    xml = zipfile.ZipFile(out).read("word/document.xml").decode("utf-8")
    assert "<w:ins " in xml and "<w:del " in xml and 'w:author="drafter"' in xml
    ids = re.findall(r'<w:(?:ins|del) w:id="(\d+)"', xml)
    assert len(ids) == len(set(ids))
    accepted = _accepted_paragraphs(out)
    new_doc = pick_plan(load(new))
    items = [n.text.strip() for n in new_doc.items()]
    body = [p for p in accepted if re.match(r"^\d+\.", p)]
    assert body == items
    assert accepted[0] == new_doc.title
    heads = [p for p in accepted if re.match(r"^[一二三四五六七八九十]+、", p)]
    assert heads == [s.label + s.title for s in new_doc.sections]
    # rejecting every change gives back last year's bodies (labels are this year's)
    rejected = "\n".join(_accepted_paragraphs(out, accept=False))
    for n in pick_plan(load(old)).items():
        assert n.body in rejected


def test_target_tracking_with_summary():
    res = CliRunner().invoke(main, ["compare", seed_path(S000), seed_path(S004), "--summary", seed_path(S004),
                                    "--format", "json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    rows = [r for r in data["tracking"] if r["new"] and r["new"]["unit"] == "场次"]
    assert len(rows) == 1
    r = rows[0]
    assert r["new"]["value"] == 60 and r["achieved"]["value"] == 63
    assert r["above_achieved"] is False            # 2023 target not above what 2022 already achieved
    assert r["new_where"].endswith("(十八)")
    # the text and html reports carry the same table
    text = CliRunner().invoke(main, ["compare", seed_path(S000), seed_path(S004), "--summary", seed_path(S004)])
    assert "63场次" in text.output and "未高于上年实绩" in text.output
    html = CliRunner().invoke(main, ["compare", seed_path(S000), seed_path(S004), "--summary", seed_path(S004),
                                     "--format", "html"])
    assert "63场次" in html.output and "未高于上年实绩" in html.output


def test_bad_input(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("没有条目的文字。\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["compare", str(empty), seed_path(S000)])
    assert res.exit_code == 2
    assert "Traceback" not in res.output
    res = CliRunner().invoke(main, ["compare", str(tmp_path / "missing.txt"), seed_path(S000)])
    assert res.exit_code == 2
    res = CliRunner().invoke(main, ["compare", seed_path(S000), seed_path(S000), "--summary", seed_path(S000)])
    assert res.exit_code == 2                   # no summary in that file


def test_same_file_is_all_carried():
    res = CliRunner().invoke(main, ["compare", seed_path(S000), seed_path(S000), "--format", "json"])
    data = json.loads(res.output)
    assert data["summary"]["carried"] == 32 and sum(data["summary"].values()) == 32


def test_inverted_index_dice_equals_rapidfuzz_dice_trick():
    from rapidfuzz import fuzz, process
    o = pick_plan(load(seed_path(S000))).items()
    n = pick_plan(load(seed_path(S004))).items()
    enc = align._Encoder(set())
    a = [enc.ids(align.bigrams(align.norm_fuzzy(x.body))) for x in o]
    b = [enc.ids(align.bigrams(align.norm_fuzzy(x.body))) for x in n]
    ours = align.dice_matrix(a, b)
    ref = process.cdist([enc.encode(i) for i in a], [enc.encode(i) for i in b], scorer=fuzz.ratio)
    assert np.abs(ours - ref).max() < 1e-3
