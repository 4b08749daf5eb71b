"""Hand-written outlines shared by the drafting tests."""
from __future__ import annotations

import textwrap

OUTLINE = textwrap.dedent("""\
    title: 某某市知识产权局2024年工作要点
    year: 2024
    issuer: 某某市知识产权局
    date: 2024年3月5日
    numbering: continuous
    markers: [一、, （一）]
    agency_style: lead
    appendix_table: true
    preamble: |
      2024年全市知识产权工作的总体要求是：以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神。
    sections:
      - title: 强化知识产权保护
        children:
          - title: 加强行政保护。
            text: 组织开展专项行动，加大行政保护力度 & 查处侵权假冒<行为>。
            agencies: [{name: 市知识产权局, role: lead}, {name: 市公安局, role: cooperate}]
            deadline: 2024年11月底
          - title: 加强司法衔接。
            text: 完善行政执法与刑事司法衔接机制。
      - title: 提升服务水平
        children:
          - text: （五）建设公共服务平台。推进知识产权公共服务网点建设。
            agencies: [{name: 市知识产权局, role: responsible}]
""")


def long_outline(paragraphs: int = 14) -> str:
    """Enough plain text for several full pages (for the PDF measurements)."""
    para = ("推进知识产权公共服务体系建设，完善知识产权信息公共服务网点布局，提升服务能力和服务水平，"
            "加强知识产权保护，优化创新环境和营商环境，促进知识产权转化运用和产业发展，" * 3)
    kids = "\n".join(f"      - title: 推进第{i + 1}项重点工作。\n        text: {para}" for i in range(paragraphs))
    return textwrap.dedent("""\
        title: 某某市知识产权局2024年工作要点
        year: 2024
        issuer: 某某市知识产权局
        date: 2024年3月5日
        markers: [一、, 1.]
        numbering: continuous
        sections:
          - title: 全面加强知识产权保护工作
            children:
        """) + kids + "\n"
