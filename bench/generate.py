#!/usr/bin/env python3
"""Generates realistic synthetic annual reports for the benchmark, with a manifest of injected defects.

usage: generate.py OUT_DIR COUNT [--seed N] [--defect-rate 0.3]

Writes OUT_DIR/reports/NNNNNN.<txt|json> and OUT_DIR/manifest.jsonl, one line per report:
  {"file": ..., "format": "ogi-2021", "layout": "tsv", "defects": ["applications_balance", ...]}
Formats: ogi-2021 (years 2021-2024), ogi-2019 (2019-2020), ogi-2008 (2013-2018 narrative).
Layouts of the tables, as met in the corpus: "tsv" (one row a line, TAB-separated), "cells" (one
cell a line, blank lines between, like seed 002), "aligned" (space-aligned columns with page
footers, like pdftotext -layout), "crawl" (a crawled JSON record: one line, U+3000 paragraph
separators, digits of a row run together).
"""
import argparse
import json
import os
import random

APP_COLS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
RESULT_ROWS_COMMON = [
    ("（一）予以公开", "disclosed"), ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "partly"),
    ("（三）不予公开", None), ("1.属于国家秘密", "w1"), ("2.其他法律行政法规禁止公开", "w2"),
    ("3.危及“三安全一稳定”", "w3"), ("4.保护第三方合法权益", "w4"), ("5.属于三类内部事务信息", "w5"),
    ("6.属于四类过程性信息", "w6"), ("7.属于行政执法案卷", "w7"), ("8.属于行政查询事项", "w8"),
    ("（四）无法提供", None), ("1.本机关不掌握相关政府信息", "u1"), ("2.没有现成信息需要另行制作", "u2"),
    ("3.补正后申请内容仍不明确", "u3"), ("（五）不予处理", None), ("1.信访举报投诉类申请", "n1"),
    ("2.重复申请", "n2"), ("3.要求提供公开出版物", "n3"), ("4.无正当理由大量反复申请", "n4"),
    ("5.要求行政机关确认或重新出具已获取信息", "n5")]
OTHER_2021 = [("（六）其他处理", None),
              ("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "o1"),
              ("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "o2"),
              ("3.其他", "o3")]
OTHER_2019 = [("（六）其他处理", "o")]
PLACES = ["青岚", "白石", "云溪", "临川", "望江", "松阳", "枫桥", "安平", "长宁", "柳河"]
DEPTS = ["市场监督管理局", "自然资源局", "住房和城乡建设局", "教育局", "卫生健康委员会", "交通运输局"]
FILLER = [
    "坚持以公开为常态、不公开为例外，围绕中心工作深入推进决策、执行、管理、服务、结果公开。",
    "严格落实信息发布审核制度，对拟公开信息进行保密审查，确保公开内容准确、规范、及时。",
    "持续优化政府门户网站政府信息公开专栏，统一规范栏目设置，提升信息检索和查阅便利度。",
    "加强政策解读，综合运用图文、视频、问答等形式，提高政策知晓度和群众满意度。",
    "依法规范办理政府信息公开申请，严格执行登记、审核、办理、答复、归档等工作流程。",
    "加强政务新媒体管理，建立日常监测机制，及时回应群众关切，营造良好舆论氛围。",
    "将政务公开工作纳入年度绩效考核，组织开展业务培训，不断提升工作人员业务能力。",
    "围绕优化营商环境，集中公开涉企政策措施，编制政策汇编并在政务服务大厅提供查阅服务。",
    "聚焦重大建设项目、公共资源配置、社会公益事业等重点领域，持续加大信息公开力度。",
    "完善政府信息公开指南和目录，及时更新机构职能、办公地址、联系方式等基础信息。",
    "严格落实公文公开属性源头认定机制，在公文拟制环节明确公开方式，做到应公开尽公开。",
    "强化政府信息公开保密审查，坚持先审查、后公开，一事一审、全面审查的原则。",
    "加强政府网站内容保障，落实专人负责栏目更新维护，确保信息发布及时准确。",
    "拓宽公众参与渠道，通过意见征集、在线访谈等方式听取社会各界意见建议。",
    "推进基层政务公开标准化规范化建设，梳理公开事项清单，规范公开内容和流程。",
    "建立健全政务舆情收集、研判、处置和回应机制，及时澄清不实信息，回应社会关切。",
    "对照上级工作要点逐项分解任务，明确责任单位和完成时限，定期调度工作进展情况。",
    "强化政府信息公开工作人员队伍建设，选优配强工作力量，保持队伍相对稳定。",
    "加强对下属单位政务公开工作的指导和监督，组织开展专项检查，及时督促整改问题。",
    "规范政府信息公开申请答复文书格式，做到依据充分、说理清楚、告知权利完整。",
    "持续推进政策文件库建设，对现行有效的规范性文件进行集中统一公开并动态更新。",
]
# Sub-headings of 一、总体情况 (2019 and 2021 formats).
SUBHEADS = ["主动公开", "依申请公开", "政府信息管理", "平台建设", "监督保障"]


def split_sum(rng, total, parts):
    cuts = sorted(rng.randint(0, total) for _ in range(parts - 1))
    return [b - a for a, b in zip([0] + cuts, cuts + [total])]


def count_splits(run, cells, width, total, parts, limit=2):
    """How many ways (up to `limit`) `run` splits into `cells` numbers without leading zeros such
    that in every row of `width` cells, cell `total` is the sum of cells `parts` (like
    engine/tables/run_split.h)."""
    found = 0

    def rec(pos, vals):
        nonlocal found
        if found >= limit:
            return
        if len(vals) == cells:
            if pos == len(run):
                found += 1
            return
        left = cells - len(vals)
        for end in range(pos + 1, len(run) - left + 2):
            tok = run[pos:end]
            if len(tok) > 1 and tok[0] == "0":
                break
            v = vals + [int(tok)]
            if len(v) % width == 0:
                row = v[-width:]
                if row[total] != sum(row[p] for p in parts):
                    continue
            rec(end, v)

    rec(0, [])
    return found


class Report:
    def __init__(self, rng, fmt, layout, idx):
        self.rng, self.fmt, self.layout = rng, fmt, layout
        self.year = {"ogi-2021": rng.randint(2021, 2024), "ogi-2019": rng.randint(2019, 2020),
                     "ogi-2008": rng.randint(2013, 2018)}[fmt]
        place = rng.choice(PLACES) + rng.choice(["县", "区", "市"])
        self.is_dept = rng.random() < 0.5
        self.agency = place + (rng.choice(DEPTS) if self.is_dept else "人民政府")
        self.defects = []
        self.name = f"{idx:06d}"

    def prose(self, paragraphs):
        """Paragraphs of filler (no numbers, no claims), about 1 KB each."""
        return "\n".join("".join(self.rng.sample(FILLER, 8)) for _ in range(paragraphs))

    # --- numbers -------------------------------------------------------------------------
    def application_rows(self):
        """Table 三. In the crawl layout (digits of a row run together) it is drawn again until
        every row splits back into its cells in exactly one way that adds up, as the extractor
        needs to recover the cells; otherwise a defect could not be told from an unreadable row."""
        for _ in range(200):
            apps = self.draw_application_rows()
            if self.layout != "crawl" or all(
                    count_splits("".join(map(str, v)), 7, 7, 6, range(6)) == 1 for v in apps.values()):
                return apps
        raise RuntimeError("no uniquely splittable table 三 drawn")

    def draw_application_rows(self):
        rng = self.rng
        keys = [k for _, k in RESULT_ROWS_COMMON if k] + (["o1", "o2", "o3"] if self.fmt == "ogi-2021" else ["o"])
        cols = 6
        rows = {k: [0] * cols for k in keys}
        new = [rng.choice([rng.randint(0, 80), 0, rng.randint(0, 5)]) if c == 0 else rng.choice([0, 0, 0, rng.randint(0, 6)]) for c in range(cols)]
        carry = [rng.choice([0, 0, rng.randint(0, 6)]) if c == 0 else 0 for c in range(cols)]
        fwd = [min(carry[c] + new[c], rng.choice([0, 0, rng.randint(0, 4)])) for c in range(cols)]
        for c in range(cols):
            done = new[c] + carry[c] - fwd[c]
            weights = [rng.random() ** 3 for _ in keys]
            for _ in range(done):
                k = rng.choices(keys, weights)[0]
                rows[k][c] += 1
        total = [new[c] + carry[c] - fwd[c] for c in range(cols)]
        out = {"new": new, "carry": carry, "total": total, "fwd": fwd}
        out.update(rows)
        return {k: v + [sum(v)] for k, v in out.items()}

    # --- rendering -------------------------------------------------------------------------
    def table(self, header_rows, rows):
        """rows: list of (label, values or None)."""
        lay = self.layout
        out = []
        if lay in ("tsv", "crawl"):
            for h in header_rows:
                out.append("\t".join(h))
            for label, vals in rows:
                out.append(label if vals is None else label + "\t" + "\t".join(vals))
        elif lay == "cells":
            for h in header_rows:
                out.extend(x for x in h if x)
            for label, vals in rows:
                out.append(label)
                if vals is not None:
                    out.extend(vals)
            out = [x + "\n" for x in out]  # blank line between cells, like seed 002
        else:  # aligned
            for h in header_rows:
                out.append("      ".join(x for x in h if x))
            for i, (label, vals) in enumerate(rows):
                if vals is None:
                    out.append("    " + label)
                else:
                    out.append(f"{label:<40}" + "".join(f"{v:>8}" for v in vals))
                if i and i % 18 == 0:
                    out.append("")
                    out.append(f"                                   -{i // 18 + 2}-")
                    out.append("")
        return "\n".join(out)

    def render_2021_or_2019(self):
        rng = self.rng
        y = self.year
        is21 = self.fmt == "ogi-2021"
        apps = self.application_rows()
        for _ in range(200):
            review = []
            for _ in range(3):
                parts = [rng.choice([0, 0, rng.randint(0, 5)]) for _ in range(4)]
                review.append(parts + [sum(parts)])
            flat = "".join(str(v) for block in review for v in block)
            if self.layout != "crawl" or count_splits(flat, 15, 5, 4, range(4)) == 1:
                break
        # defects
        if rng.random() < self.defect_rate:
            kinds = ["applications_balance", "review_total", "late", "missing_section", "row_total"]
            if self.layout == "crawl":
                # A row whose own sum is wrong cannot be split back when its digits run together:
                # such a defect is not detectable in this layout, so it is not injected there.
                kinds = ["applications_balance", "late", "missing_section"]
            kind = rng.choice(kinds)
            self.defects.append(kind)
            if kind == "applications_balance":
                apps["fwd"][0] += 1
                apps["fwd"][6] += 1
            elif kind == "review_total":
                review[0][4] += rng.randint(1, 3)
            elif kind == "row_total":
                # 予以公开·总计 printed one too high: its row no longer adds up (nor does 三(七)·总计).
                apps["disclosed"][6] += 1
        late = "late" in self.defects
        deadline_month = 1 if self.is_dept else 3
        pub = (y + 1, deadline_month + 1, rng.randint(2, 27)) if late else (y + 1, deadline_month, rng.randint(5, 28))
        self.pub = pub
        parts = []
        parts.append(f"{self.agency}{y}年政府信息公开工作年度报告")
        parts.append(f"发布日期：{pub[0]}年{pub[1]}月{pub[2]}日")
        parts.append(f"本报告依据《中华人民共和国政府信息公开条例》编制。报告中所列数据统计期限自{y}年1月1日起至{y}年12月31日止。")
        sections = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                    "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]
        missing = "五、存在的主要问题及改进情况" if "missing_section" in self.defects else None
        body = {}
        body[sections[0]] = "\n".join(
            [f"{y}年，{self.agency}认真贯彻落实《条例》。" + "".join(rng.sample(FILLER, 3))]
            + [f"（{c}）{h}。" + self.prose(rng.randint(2, 4)) for c, h in zip("一二三四五", SUBHEADS)]
            # What 条例 第五十条 asks of a government's report (the pack checks for it).
            + ["本年度组织开展政府信息公开工作考核和社会评议，未发生需要责任追究的情形。"])
        if is21:
            t2 = [("第二十条第（一）项", [["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]],
                   [("规章", ["0", "0", "0"]), ("行政规范性文件", [str(rng.randint(0, 20)), str(rng.randint(0, 5)), str(rng.randint(20, 120))])]),
                  ("第二十条第（五）项", [["信息内容", "本年处理决定数量"]], [("行政许可", [str(rng.randint(0, 9000))])]),
                  ("第二十条第（六）项", [["信息内容", "本年处理决定数量"]], [("行政处罚", [str(rng.randint(0, 900))]), ("行政强制", [str(rng.randint(0, 60))])]),
                  ("第二十条第（八）项", [["信息内容", "本年收费金额（单位：万元）"]], [("行政事业性收费", [f"{rng.randint(0, 50000) / 100:.2f}"])])]
        else:
            def item():
                prev = rng.randint(0, 900)
                return [str(prev), f"{rng.randint(-min(30, prev), 60):+d}", str(rng.randint(0, 5000))]
            t2 = [("第二十条第（一）项", [["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"]],
                   [("规章", ["0", "0", "0"]), ("规范性文件", ["5", "5", str(rng.randint(5, 90))])]),
                  ("第二十条第（五）项", [["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"]], [("行政许可", item()), ("其他对外管理服务事项", item())]),
                  ("第二十条第（六）项", [["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"]], [("行政处罚", item()), ("行政强制", item())]),
                  ("第二十条第（八）项", [["信息内容", "上一年项目数量", "本年增/减"]], [("行政事业性收费", [str(rng.randint(5, 30)), f"{rng.randint(-3, 3):+d}"])]),
                  ("第二十条第（九）项", [["信息内容", "采购项目数量", "采购总金额"]], [("政府集中采购", [str(rng.randint(1, 50)), f"{rng.randint(10, 99999) / 10:.1f}万元"])])]
        body[sections[1]] = "\n\n".join(t + "\n" + self.table(h, r) for t, h, r in t2)
        rows = [("一、本年新收政府信息公开申请数量", "new"), ("二、上年结转政府信息公开申请数量", "carry"), ("三、本年度办理结果", None)]
        rows += RESULT_ROWS_COMMON + (OTHER_2021 if is21 else OTHER_2019)
        rows += [("（七）总计", "total"), ("四、结转下年度继续办理", "fwd")]
        header = [["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"],
                  ["", "自然人", "法人或其他组织", "", "", "", "", "总计"],
                  ["", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]]
        body[sections[2]] = self.table(header, [(l, None if k is None else [str(v) for v in apps[k]]) for l, k in rows])
        # The summary is a paragraph of its own (in the crawl layout too, where table rows run together).
        body[sections[2]] += "\n\n" + f"全年共收到政府信息公开申请{apps['new'][6]}件，上年结转{apps['carry'][6]}件，办结{apps['total'][6]}件。"
        rh = [["行政复议", "", "", "", "", "行政诉讼"], ["", "", "", "", "", "未经复议直接起诉", "", "", "", "", "复议后起诉"],
              ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3]
        flat = [str(v) for block in review for v in block]
        if self.layout in ("tsv", "crawl"):
            body[sections[3]] = "\n".join("\t".join(h) for h in rh) + "\n" + "\t".join(flat)
        elif self.layout == "cells":
            body[sections[3]] = "\n\n".join([x for h in rh for x in h if x] + flat)
        else:
            body[sections[3]] = "\n".join("   ".join(x for x in h if x) for h in rh) + "\n" + "".join(f"{v:>5}" for v in flat)
        body[sections[4]] = ("一是" + rng.choice(FILLER) + "二是" + rng.choice(FILLER) + "下一步，"
                             + self.prose(rng.randint(1, 3)))
        body[sections[5]] = f"{y}年，本机关未收取信息处理费。" if is21 else "无其他需要报告的事项。"
        for s in sections:
            if s == missing:
                continue
            parts.append(s)
            parts.append(body[s])
        parts.append(self.agency)
        parts.append(f"{pub[0]}年{pub[1]}月{pub[2]}日")
        return parts

    def render_2008(self):
        rng = self.rng
        y = self.year
        late = False
        if rng.random() < self.defect_rate:
            kind = rng.choice(["late", "prose_parts"])
            self.defects.append(kind)
            late = kind == "late"
        pub = (y + 1, 4, rng.randint(2, 27)) if late else (y + 1, 3, rng.randint(1, 28))
        total = rng.randint(20, 400)
        a, b = rng.randint(0, total // 3), rng.randint(0, total // 3)
        c = total - a - b
        if "prose_parts" in self.defects:
            c += rng.randint(2, 9)
        self.pub = pub
        parts = [f"{self.agency}{y}年政府信息公开工作年度报告", f"发布日期：{pub[0]}年{pub[1]}月{pub[2]}日",
                 f"本报告中所列数据的统计期限自{y}年1月1日起至{y}年12月31日止。",
                 "一、概述", self.prose(rng.randint(6, 9)),
                 "二、主动公开政府信息情况", f"全年主动公开政府信息{rng.randint(500, 9000)}条。" + self.prose(rng.randint(4, 7)),
                 "三、依申请公开政府信息情况",
                 f"全年共受理政府信息公开申请{total}件，其中当面申请{a}件、网络申请{b}件、信函申请{c}件。"
                 "对不予公开的申请，均依法告知申请人不予公开的理由。",
                 "四、政府信息公开的收费及减免情况", "本年度未收取任何费用。",
                 "五、因政府信息公开申请行政复议、提起行政诉讼的情况", "本年度未发生因政府信息公开申请行政复议、提起行政诉讼的情况。",
                 "六、存在的主要问题及改进情况", "一是" + rng.choice(FILLER) + "二是" + rng.choice(FILLER) + self.prose(2),
                 "七、其他需要报告的事项", "无。", self.agency, f"{pub[0]}年{pub[1]}月{pub[2]}日"]
        return parts

    def render(self):
        parts = self.render_2008() if self.fmt == "ogi-2008" else self.render_2021_or_2019()
        if self.layout == "crawl":
            lines = []
            for p in parts[1:]:
                for para in p.split("\n\n"):
                    lines.append(para.replace("\t", "").replace("\n", ""))
            record = {"标题": parts[0], "时间": "", "内容": "".join("\u3000\u3000" + l for l in lines),
                      "访问地址": f"https://example.invalid/{self.name}.html"}
            record["时间"] = "%04d-%02d-%02d" % self.pub
            return "json", json.dumps(record, ensure_ascii=False)
        return "txt", "\n\n".join(parts) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("count", type=int)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--defect-rate", type=float, default=0.3)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(os.path.join(args.out, "reports"), exist_ok=True)
    with open(os.path.join(args.out, "manifest.jsonl"), "w", encoding="utf-8") as man:
        for i in range(args.count):
            fmt = rng.choices(["ogi-2021", "ogi-2019", "ogi-2008"], [6, 2, 2])[0]
            layout = rng.choice(["tsv", "cells", "aligned", "crawl"]) if fmt != "ogi-2008" else rng.choice(["tsv", "crawl"])
            rep = Report(rng, fmt, layout, i)
            rep.defect_rate = args.defect_rate
            ext, text = rep.render()
            name = f"reports/{rep.name}.{ext}"
            with open(os.path.join(args.out, name), "w", encoding="utf-8") as f:
                f.write(text)
            man.write(json.dumps({"file": name, "format": fmt, "layout": layout, "year": rep.year,
                                  "agency": rep.agency, "defects": rep.defects}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
