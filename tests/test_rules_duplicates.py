"""DUP001–DUP002: near duplicates by bigram Dice (cdist), repeated text, the threshold on real and hand-made pairs."""
from __future__ import annotations

import time

import pytest

from check_util import check_text, codes_at, seed_lines, seed_text
from drafter.check.rules.duplicates import DEFAULT_THRESHOLD, _AGENCY, bigram_codes, normalise, similar_pairs
from drafter.model import Node

SEEDS = ["000", "001", "002", "003", "004"]


def dice(a: str, b: str) -> float:
    A = {a[i:i + 2] for i in range(len(a) - 1)}
    B = {b[i:i + 2] for i in range(len(b) - 1)}
    return 2 * len(A & B) / (len(A) + len(B))


def test_dice_trick_equals_dice():
    texts = ["加强知识产权行政保护组织开展专项行动", "加强知识产权行政保护组织开展专项整治", "推进高校院所知识产权工作"]
    pairs = {(i, j): s for i, j, s in similar_pairs(texts, 0.01)}
    for (i, j), s in pairs.items():
        assert abs(s - dice(texts[i], texts[j])) < 0.011
    assert len(bigram_codes(texts)) == 3


# pairs a writer would call the same task (should match) and pairs that only share boilerplate (should not)
SAME = [
    ("加强知识产权行政保护，组织开展打击侵犯知识产权和制售假冒伪劣商品专项行动。", "加强知识产权行政保护，组织开展打击侵犯知识产权和制售假冒伪劣商品专项整治。"),
    ("全年培育知识产权优势企业100家，推动企业贯彻知识产权管理规范。", "全年培育知识产权优势企业120家，推动企业贯彻知识产权管理规范。"),
    ("推进知识产权保护中心建设，为重点企业开辟预审绿色通道，压缩审查周期。", "推进知识产权保护中心建设，为重点企业开辟预审快速通道，压缩审查周期。"),
]
DIFFERENT = [
    ("加强党的政治建设，深入学习贯彻习近平新时代中国特色社会主义思想。", "加强党风廉政建设，督促党员领导干部切实履行好一岗双责。"),
    ("加强基层党组织建设，实施基层党组织组织力提升工程。", "加强干部队伍建设，坚持政治首关和讲担当重担当敢担当的用人导向。"),
    ("推进高校院所知识产权工作，推动高校和科研机构实施知识产权管理规范。", "推进知识产权运用工作，指导东丽区开展国家知识产权运营服务体系建设。"),
]


def test_threshold_separates_hand_made_pairs():
    for a, b in SAME:
        assert dice(normalise(Node(text=a)), normalise(Node(text=b))) >= DEFAULT_THRESHOLD, (a, b)
    for a, b in DIFFERENT:
        assert dice(normalise(Node(text=a)), normalise(Node(text=b))) < DEFAULT_THRESHOLD - 0.15, (a, b)


def test_agency_clause_left_out():
    assert _AGENCY.sub("", "推进知识产权强区建设。(市知识产权局牵头,各区人民政府负责)") == "推进知识产权强区建设。"


@pytest.mark.parametrize("seed", SEEDS)
def test_quiet_on_clean_seeds(seed):
    fs = check_text(seed_text(seed), select="DUP001")
    assert fs == [], [(f.line, f.message_zh) for f in fs]


def test_margin_on_seeds(seeds):
    """The most similar pair of items in any clean seed stays well under the threshold."""
    from drafter.check.engine import documents_to_check
    best = 0.0
    for res in seeds.values():
        for doc in documents_to_check(res):
            texts = [normalise(n) for n in doc.items()]
            texts = [t for t in texts if len(t) >= 14]
            for i, j, s in similar_pairs(texts, 0.3):
                best = max(best, s)
    assert best < DEFAULT_THRESHOLD - 0.1, best


def test_hand_made_near_duplicate_names_both_places():
    text = ("2024年工作要点\n一、加强保护\n1.加强知识产权行政保护，组织开展打击侵犯知识产权和制售假冒伪劣商品专项行动。\n"
            "2.推进知识产权保护中心建设。\n二、优化服务\n3.加强知识产权行政保护，组织开展打击侵犯知识产权和制售假冒伪劣商品专项整治。\n")
    fs = check_text(text, select="DUP")
    assert codes_at(fs, "DUP001") == [6]
    assert fs[0].related[0]["line"] == 3 and fs[0].related[0]["label"] == "1."


def test_seed_000_copied_item_with_word_changed():
    lines = seed_lines("000")
    item7 = lines[15]  # "7.加强知识产权行政保护。…"
    copy = "10." + item7[2:].replace("加大知识产权行政保护力度", "加大知识产权执法保护力度")
    text = "\n".join(lines[:18] + [copy] + lines[19:])
    fs = check_text(text, select="DUP")
    assert codes_at(fs, "DUP001") == [19]
    assert fs[0].related[0]["line"] == 16


def test_seed_004_copied_item_with_agency_added():
    lines = seed_lines("004")
    copy = lines[115].replace("(七)培育知识产权优势企业", "(十二)培育知识产权优势企业").replace("100家", "120家") + "(市知识产权局牵头)"
    text = "\n".join(lines[:127] + [copy] + lines[128:])
    fs = check_text(text, select="DUP001")
    assert codes_at(fs, "DUP001") == [128]


def test_repeated_paragraph_seed():
    lines = seed_lines("000")
    text = "\n".join(lines[:17] + [lines[16]] + lines[17:])
    fs = check_text(text, select="DUP002")
    assert codes_at(fs, "DUP002") == [18]
    assert fs[0].related[0]["line"] == 17


def test_body_printed_twice_seed_002():
    fs = check_text(seed_text("002"), select="DUP")
    assert [f.rule for f in fs] == ["DUP002"]
    assert fs[0].line == 2 and fs[0].related and fs[0].related[0]["line"] == 16


def test_three_thousand_items_in_seconds():
    import random
    rng = random.Random(1)
    words = ["加强", "推进", "知识产权", "专利", "商标", "保护", "运用", "服务", "体系", "建设", "企业", "高校", "培育",
             "转化", "质押", "融资", "导航", "品牌", "地理标志", "宣传", "培训", "人才", "执法", "监管", "平台", "数据"]
    texts = ["".join(rng.choice(words) for _ in range(rng.randint(12, 30))) for _ in range(3000)]
    texts[2999] = texts[5][:-2] + "工作"  # one planted near duplicate
    t = time.perf_counter()
    pairs = similar_pairs(texts, DEFAULT_THRESHOLD)
    dt = time.perf_counter() - t
    assert any({i, j} == {5, 2999} for i, j, _ in pairs)
    assert dt < 10, dt


# ---- issue 12: a shared target with a qualifier in front; a small count needs alike items ----------------------

def test_shared_target_with_a_qualifier_in_front_is_one_task():
    plan = ("2025年工作要点\n一、推进城市更新\n"
            "（一）实施城市更新行动。改造老旧厂房8处，新建城市绿道25公里，改造农贸市场6个。\n"
            "（二）完善公共服务设施。新建社区食堂10个。\n"
            "（三）优化城市慢行系统。结合滨江岸线整治和老旧厂房改造，建设城市绿道25公里，方便市民休闲健身。\n")
    fs = check_text(plan, select="DUP001")
    assert [f.line for f in fs] == [5], [(f.line, f.message_zh) for f in fs]
    assert "25公里" in fs[0].message_zh


def test_a_small_shared_count_needs_the_items_alike():
    alike = ("2025年工作要点\n一、发展文旅\n（一）创建高等级景区。推动南湖景区创建国家5A级旅游景区，新增国家4A级旅游景区2家。\n"
             "（二）发展乡村旅游。培育乡村旅游重点村10个。\n二、优化服务\n"
             "（三）创建高等级景区。支持南湖景区争创国家5A级旅游景区，年内新增4A级旅游景区2家。\n")
    assert [f.line for f in check_text(alike, select="DUP001")] == [6]
    unrelated = ("2025年工作要点\n一、发展文旅\n（一）创建高等级景区。新增国家4A级旅游景区2家。\n"
                 "（二）发展夜间经济。打造省级夜间文旅消费集聚区，新增4A级旅游景区夜游项目2家。\n")
    assert check_text(unrelated, select="DUP001") == []


def test_a_flow_and_a_stock_of_one_count_are_not_one_target():
    plan = ("2025年工作要点\n一、推进城市更新\n（一）实施城市更新行动。改造老旧小区20个，新建口袋公园12个。\n"
            "（二）提升公园品质。推进老旧小区周边公园改造，口袋公园累计达到12个以上。\n")
    assert check_text(plan, select="DUP001") == []


def test_a_task_that_only_uses_the_same_figure_is_not_a_copy():
    plan = ("2025年工作要点\n一、推进城市更新\n（一）实施城市更新行动。改造老旧厂房8处，新建城市绿道25公里，改造农贸市场6个。\n"
            "二、发展体育\n（二）广泛开展全民健身。依托城市绿道25公里举办全民健步走活动10场，新建社区健身点30个。\n"
            "（三）加强绿道管护。对城市绿道25公里开展常态化养护，落实管护责任。\n")
    assert check_text(plan, select="DUP001") == []
