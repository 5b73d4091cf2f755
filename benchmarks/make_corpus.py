"""Write N realistic Vietnamese news articles for scale runs, deterministically (same N and seed ->
same bytes). Nothing is downloaded.

    python benchmarks/make_corpus.py 10000 [--out DIR] [--seed 7]

Articles recombine the sentences of corpus/ (with gazetteer names swapped for others of the same
type), sentences written from templates with gazetteer names, people, events and dates, and
off-topic news-like paragraphs (weather, traffic, markets, sport) so precision under noise is
exercised too. About a quarter of the articles are off-topic only; a few are NFD-encoded or carry
a byte-order mark, as real exports do. Lengths vary from a short brief to a long feature (~5 KB
on average, ~50 MB for 10,000 articles). A manifest articles.tsv gives id, title, date, outlet, url.
"""
from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUTLETS = ("Báo Công an nhân dân", "Báo Nhân Dân", "VnExpress", "Tuổi Trẻ", "Thanh Niên", "Báo Pháp luật",
           "Báo Lao Động", "VietnamPlus", "Báo Quân đội nhân dân", "Báo Biên phòng", "Dân trí", "Báo Phụ nữ")
DOMAINS = ("cand.com.vn", "nhandan.vn", "vnexpress.net", "tuoitre.vn", "thanhnien.vn", "baophapluat.vn",
           "laodong.vn", "vietnamplus.vn", "qdnd.vn", "bienphong.com.vn", "dantri.com.vn", "phunuvietnam.vn")
WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")
FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
          "Dương", "Lý")
MIDDLE = ("Văn", "Thị", "Minh", "Ngọc", "Hữu", "Đức", "Thanh", "Quốc", "Thu", "Hồng", "Anh", "Xuân", "Kim")
GIVEN = ("Hà", "Hùng", "Lan", "Tuấn", "Hương", "Dũng", "Mai", "Sơn", "Trang", "Long", "Phương", "Thắng", "Hải",
         "Linh", "Nam", "Quang", "Thủy", "Bình", "Cường", "Yến", "Khoa", "Tâm", "Vinh", "Ánh")
TITLES = ("Thiếu tướng", "Trung tướng", "Đại tá", "Thượng tá", "Trung tá", "Ông", "Bà", "Tiến sĩ")
POSTS = ("Cục trưởng", "Phó Cục trưởng", "Thứ trưởng", "Bộ trưởng", "Giám đốc", "Phó Giám đốc", "Trưởng đại diện",
         "Chủ tịch", "Phó Chủ tịch", "Vụ trưởng")
EVENT_HEADS = ("Hội thảo", "Hội nghị", "Tọa đàm", "Diễn đàn", "Lễ ký kết", "Đối thoại", "Lớp tập huấn")
EVENT_TOPICS = ("nâng cao năng lực điều tra tội phạm mua bán người", "hợp tác quốc tế phòng, chống mua bán người",
                "hỗ trợ nạn nhân bị mua bán trở về", "phòng ngừa mua bán người qua mạng xã hội",
                "chia sẻ thông tin về di cư an toàn", "tăng cường phối hợp tại khu vực biên giới",
                "xác định và bảo vệ nạn nhân", "phòng, chống lao động cưỡng bức",
                "truy tố và xét xử tội phạm mua bán người", "bảo vệ trẻ em khỏi bóc lột")
PROGRAMS = ("Chương trình phòng, chống mua bán người giai đoạn {a} - {b}", "Kế hoạch hành động quốc gia giai đoạn {a} - {b}",
            "Dự án hỗ trợ nạn nhân bị mua bán giai đoạn {a} - {b}", "Biên bản ghi nhớ về hợp tác phòng, chống mua bán người năm {a}")
ON_TOPIC = (
    "{date}, tại {loc}, {org} phối hợp với {org2} tổ chức {event}.",
    "Tham dự có đại diện {org}, {org2}, {org3} và Đại sứ quán {country} tại Việt Nam.",
    "{person}, {post} {org}, cho biết thời gian qua lực lượng chức năng đã phát hiện nhiều đường dây mua bán người sang {country}.",
    "Hoạt động do {org} tài trợ và được thực hiện trong khuôn khổ {program}.",
    "Theo {org}, trong năm {year} đã tiếp nhận {n} nạn nhân bị mua bán từ {country} trở về.",
    "{org} và {org2} đã ký kết {program}, nhằm tăng cường hợp tác phòng, chống mua bán người.",
    "Việt Nam là thành viên của {agreement} và tích cực hợp tác với {country} trong phòng, chống mua bán người.",
    "Phát biểu tại {event}, {person} đánh giá cao sự hỗ trợ của {org} đối với {org2}.",
    "Các đại biểu đến từ {country}, {country2} và {country3} đã chia sẻ kinh nghiệm về điều tra, truy tố tội phạm.",
    "Ngày {day}/{month}, {org} tổ chức {event} tại {loc} với sự tham dự của hơn {n} đại biểu.",
    "{org} cam kết tiếp tục phối hợp chặt chẽ với {org2} trong việc giải cứu, tiếp nhận và hỗ trợ nạn nhân.",
    "Dịp này, {org} đã trao tặng {n} suất quà cho các nạn nhân đang được hỗ trợ tại {loc}.",
)
OFF_TOPIC = (
    "Theo Trung tâm Dự báo khí tương thủy văn quốc gia, {date} khu vực {region} có mưa rào và dông rải rác, nhiệt độ cao nhất {t} độ C.",
    "Giá vàng miếng trong nước sáng nay tăng {n} nghìn đồng mỗi lượng, lên mức {p} triệu đồng.",
    "Chỉ số VN-Index đóng cửa phiên hôm nay giảm {k} điểm, thanh khoản đạt hơn {n} nghìn tỷ đồng.",
    "Tuyến đường vành đai qua địa bàn {loc} sẽ được thông xe trước Tết, sau hơn {k} năm thi công.",
    "Câu lạc bộ bóng đá của {loc} giành chiến thắng {k}-{k2} trên sân nhà ở vòng {n} giải hạng Nhất.",
    "Lễ hội hoa xuân năm nay thu hút khoảng {n} nghìn lượt khách tham quan trong ba ngày cuối tuần.",
    "Giá xăng RON95 được điều chỉnh tăng {k}00 đồng mỗi lít từ 15h chiều nay.",
    "Nhiều trường học tại {loc} cho học sinh nghỉ học để tránh rét đậm, rét hại.",
    "Sản lượng lúa vụ đông xuân ước đạt {n} nghìn tấn, năng suất bình quân {k} tạ mỗi héc-ta.",
    "Ngành du lịch đón hơn {n} nghìn lượt khách quốc tế trong tháng, tăng {k}% so với cùng kỳ.",
    "Cơ quan chức năng khuyến cáo người dân hạn chế ra đường vào giờ cao điểm do ùn tắc kéo dài.",
    "Chương trình ca nhạc gây quỹ từ thiện diễn ra tối qua tại nhà hát lớn của {loc}.",
    "Ban tổ chức giải chạy việt dã cho biết năm nay có hơn {n} vận động viên đăng ký tham gia.",
    "Dự báo trong tuần tới, giá rau xanh tại các chợ đầu mối có thể giảm nhẹ khi nguồn cung dồi dào.",
)
OFF_TITLES = ("Thời tiết cuối tuần: mưa rào ở nhiều nơi", "Thị trường chứng khoán biến động mạnh",
              "Khánh thành tuyến đường mới", "Kết quả vòng đấu giải hạng Nhất", "Giá vàng tăng trở lại",
              "Học sinh nghỉ học tránh rét", "Du lịch phục hồi mạnh mẽ", "Điều chỉnh giá xăng dầu")
ON_TITLES = ("Tăng cường hợp tác quốc tế phòng, chống mua bán người", "Hội thảo nâng cao năng lực điều tra",
             "Tiếp nhận nạn nhân bị mua bán trở về", "Ký kết hợp tác phòng, chống mua bán người",
             "Hỗ trợ nạn nhân hòa nhập cộng đồng", "Phối hợp triệt phá đường dây mua bán người",
             "Đối thoại về di cư an toàn", "Chung tay bảo vệ phụ nữ và trẻ em")
REGIONS = ("Bắc Bộ", "Trung Bộ", "Tây Nguyên", "Nam Bộ", "vùng núi phía Bắc")


def load_names(rules_dir: Path) -> dict[str, list[str]]:
    """Canonical names and aliases of each gazetteer, by type."""
    names: dict[str, list[str]] = {}
    for kind in ("organizations", "countries", "locations", "agreements"):
        rows = (rules_dir / "gazetteer" / f"{kind}.tsv").read_text(encoding="utf-8").splitlines()
        rows = [r for r in rows if r.strip() and not r.startswith("#")]
        header = rows[0].split("\t")
        out: list[str] = []
        for r in rows[1:]:
            cells = dict(zip(header, r.split("\t")))
            out.append(cells["name"].strip())
            out += [a.strip() for a in cells.get("aliases", "").split("|") if len(a.strip()) > 3]
        names[kind] = sorted(set(out))
    return names


def load_sentences(corpus_dir: Path) -> list[str]:
    """Body sentences of the shipped articles (no title, dateline or byline)."""
    out: list[str] = []
    for f in sorted(corpus_dir.glob("*.txt")):
        for line in f.read_text(encoding="utf-8").splitlines()[3:]:
            for s in re.split(r"(?<=[.;!?])\s+(?=[A-ZĐÀ-Ỹ])", line.strip()):
                if len(s) > 40:
                    out.append(s)
    return out


class Writer:
    """All randomness comes from one seeded generator: same arguments, same corpus."""

    def __init__(self, seed: int, names: dict[str, list[str]], sentences: list[str]):
        self.r = random.Random(seed)
        self.names = names
        self.sentences = sentences
        every = sorted({n for ns in names.values() for n in ns}, key=len, reverse=True)
        self.kind_of = {n: k for k, ns in names.items() for n in ns}
        self.name_re = re.compile("|".join(re.escape(n) for n in every))

    def pick(self, kind: str) -> str:
        return self.r.choice(self.names[kind])

    def person(self) -> str:
        r = self.r
        return f"{r.choice(TITLES)} {r.choice(FAMILY)} {r.choice(MIDDLE)} {r.choice(GIVEN)}"

    def event(self, year: int) -> str:
        r = self.r
        ev = f"{r.choice(EVENT_HEADS)} {r.choice(EVENT_TOPICS)}"
        if r.random() < 0.5:
            ev += f" lần thứ {r.randint(2, 15)}"
        if r.random() < 0.3:
            ev += f" năm {year}"
        return ev

    def program(self, year: int) -> str:
        a = year - self.r.randint(0, 3)
        return self.r.choice(PROGRAMS).format(a=a, b=a + self.r.choice((3, 4, 5)))

    def fill(self, template: str, year: int) -> str:
        r = self.r
        day, month = r.randint(1, 28), r.randint(1, 12)
        return template.format(
            date=r.choice((f"Sáng {day}/{month}", f"Chiều {day}/{month}", f"Ngày {day}/{month}/{year}", "Hôm qua")),
            loc=self.pick("locations"), org=self.pick("organizations"), org2=self.pick("organizations"),
            org3=self.pick("organizations"), country=self.pick("countries"), country2=self.pick("countries"),
            country3=self.pick("countries"), event=self.event(year), program=self.program(year),
            agreement=self.pick("agreements"), person=self.person(), post=r.choice(POSTS), year=year,
            n=r.randint(2, 900), day=day, month=month, region=r.choice(REGIONS), t=r.randint(18, 39),
            p=r.randint(70, 90), k=r.randint(1, 9), k2=r.randint(0, 4))

    def swapped(self, sentence: str) -> str:
        """A corpus sentence with each gazetteer name replaced by another of the same type."""
        return self.name_re.sub(lambda m: self.pick(self.kind_of[m.group()]), sentence)

    def paragraph(self, on_topic: bool, year: int) -> str:
        r = self.r
        out = []
        for _ in range(r.randint(1, 4)):
            x = r.random()
            if not on_topic or x < 0.15:
                out.append(self.fill(r.choice(OFF_TOPIC), year))
            elif x < 0.55:
                out.append(self.swapped(r.choice(self.sentences)))
            else:
                out.append(self.fill(r.choice(ON_TOPIC), year))
        return " ".join(out)

    def article(self, i: int) -> tuple[str, dict[str, str]]:
        r = self.r
        year = r.randint(2015, 2025)
        month, day = r.randint(1, 12), r.randint(1, 28)
        on_topic = r.random() >= 0.25
        title = r.choice(ON_TITLES if on_topic else OFF_TITLES)
        if r.random() < 0.5:
            title += f" tại {self.pick('locations')}" if on_topic else ""
        weekday = WEEKDAYS[(year * 7 + month * 31 + day) % 7]
        dateline = f"{weekday}, {day:02d}/{month:02d}/{year}, {r.randint(6, 22):02d}:{r.randint(0, 59):02d}"
        size = r.choice((2, 3, 5, 8, 10, 14, 22))
        paras = [self.paragraph(on_topic, year) for _ in range(size)]
        byline = f"{r.choice(FAMILY)} {r.choice(GIVEN)}"
        text = "\n\n".join([title, dateline, *paras, byline]) + "\n"
        o = r.randrange(len(OUTLETS))
        meta = {"id": f"bench_{i:06d}", "file": f"bench_{i:06d}.txt",
                "title": title if r.random() < 0.7 else "",
                "date": f"{year:04d}-{month:02d}-{day:02d}" if r.random() < 0.6 else "",
                "outlet": OUTLETS[o], "url": f"https://{DOMAINS[o]}/bai-viet-{i}.html"}
        return text, meta


def encode(text: str, r: random.Random) -> bytes:
    """Mostly NFC UTF-8; a few NFD files and a few with a byte-order mark."""
    x = r.random()
    if x < 0.02:
        text = unicodedata.normalize("NFD", text)
    data = text.encode("utf-8")
    return b"\xef\xbb\xbf" + data if 0.02 <= x < 0.04 else data


def make_corpus(n: int, out: Path, seed: int = 7, rules_dir: Path = ROOT / "rules",
                corpus_dir: Path = ROOT / "corpus") -> Path:
    """Write n articles and articles.tsv into `out` (created); returns `out`."""
    out.mkdir(parents=True, exist_ok=True)
    w = Writer(seed, load_names(rules_dir), load_sentences(corpus_dir))
    rows = ["\t".join(("id", "file", "title", "date", "outlet", "url"))]
    for i in range(n):
        text, meta = w.article(i)
        (out / meta["file"]).write_bytes(encode(text, w.r))
        rows.append("\t".join(meta[k] for k in ("id", "file", "title", "date", "outlet", "url")))
    (out / "articles.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("n", type=int, help="number of articles")
    p.add_argument("--out", type=Path, default=None, help="folder to write (default: a temp folder)")
    p.add_argument("--seed", type=int, default=7)
    a = p.parse_args(argv)
    out = a.out or Path(tempfile.gettempdir()) / "kg-bench" / f"corpus-{a.n}"
    make_corpus(a.n, out, a.seed)
    size = sum(f.stat().st_size for f in out.glob("*.txt"))
    print(f"{a.n} articles, {size / 1e6:.1f} MB -> {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
