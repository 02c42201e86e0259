"""The kinds of work a demo activity can be, and how big each one is.

A `Work` is one recognisable piece of reporting work ("a training conference for
commune mediators"): its activity type, the titles it goes by, whom it reaches and
how many, what its indicators count (with units that fit: people and documents in
whole numbers, rates in % up to 100) and what it costs, in thousands of đồng, at
the prices such work has. A province's works are those of its People's Committee
and departments (justice, police, home affairs, ethnic affairs, education); never
a trial. Each work names the task themes it serves; a work with no themes fits
every task. The ministries' and central bodies' works are in `demo_central`.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from desktop_app.core.domain.enums import ActivityType

T = ActivityType

# Task themes, read from a task's title by `task_theme`.
THEME_KEYWORDS: tuple[tuple[str, str], ...] = (
    ("tử hình", "death_penalty"), ("tương thích", "legislation"),
    ("hoàn thiện pháp luật", "legislation"), ("rà soát văn bản", "law_review"),
    ("luật sư, nhà báo", "defenders"), ("tự do ngôn luận", "freedoms"), ("báo chí", "freedoms"),
    ("cơ quan nhân quyền", "international"), ("hợp tác quốc tế", "international"),
    ("mua bán người", "trafficking"), ("bạo lực", "gender"), ("bình đẳng giới", "gender"),
    ("phân biệt đối xử", "discrimination"), ("tín ngưỡng", "religion"),
    ("thẩm phán", "fair_trial"), ("xét xử", "fair_trial"),
    ("tố tụng hình sự", "criminal_justice"), ("khiếu nại", "complaints"),
    ("bồi thường", "compensation"), ("tham nhũng", "programmes"), ("ma túy", "programmes"),
    ("thống kê", "statistics"), ("phổ biến", "awareness"), ("tuyên truyền", "awareness"),
    ("kế hoạch", "planning"), ("báo cáo", "planning"),
)


@functools.cache
def task_theme(title_vi: str) -> str:
    """The theme of a task, from the words of its title ("awareness" when none fit)."""
    text = title_vi.lower()
    return next((theme for word, theme in THEME_KEYWORDS if word in text), "awareness")


@dataclass(frozen=True)
class Audience:
    words: str  # "hòa giải viên ở cơ sở"
    women: tuple[float, float]  # share of women among them
    children: tuple[float, float] | None = None  # share under 16, only for schools
    minorities: tuple[float, float] | None = None  # None: the locality's own share
    disabilities: tuple[float, float] = (0.0, 0.02)
    needs_minorities: bool = False  # only where ethnic minorities are many


@dataclass(frozen=True)
class Measure:
    """An indicator: what it counts ("sessions", "people", "items") or a rate ("percent")."""

    name: str
    unit: str
    of: str
    low: int = 0  # a rate's target range, in %
    high: int = 0


@dataclass(frozen=True)
class Cost:
    """Thousands of đồng: fixed + per session + per person + per item; `free`: often no cost."""

    fixed: tuple[int, int] = (0, 0)
    session: tuple[int, int] = (0, 0)
    person: tuple[int, int] = (0, 0)
    item: tuple[int, int] = (0, 0)
    free: float = 0.15  # chance that the work is done within regular funds (no budget line)


@dataclass(frozen=True)
class Work:
    key: str
    type: ActivityType
    lead: str  # who carries it out ("" = the agency itself)
    titles: tuple[str, ...]  # slots: {topic} {audience} {place} {language} {locality}
    done: tuple[str, ...]  # what was done, past tense; slots as titles plus {sessions}
    #                       {people} {items} {lead} {partner}
    themes: tuple[str, ...] = ()  # () = fits every task
    audiences: tuple[Audience, ...] = ()
    sessions: tuple[int, int] = (0, 0)
    size: tuple[int, int] = (0, 0)  # people per session
    items: tuple[int, int] = (0, 0)
    measures: tuple[Measure, ...] = ()
    cost: Cost = Cost()
    days: tuple[int, int] = (0, 2)  # how long it runs
    weight: int = 2
    needs_language: bool = False  # bilingual materials need a minority language


# --- audiences at a province ------------------------------------------------------------

COMMUNE_STAFF = Audience("công chức tư pháp – hộ tịch cấp xã", (0.45, 0.65))
COMMUNE_LEADERS = Audience("lãnh đạo, công chức Ủy ban nhân dân cấp xã", (0.3, 0.5))
MEDIATORS = Audience("hòa giải viên ở cơ sở", (0.3, 0.5))
REPORTERS = Audience("báo cáo viên, tuyên truyền viên pháp luật", (0.35, 0.55))
DEPT_STAFF = Audience("cán bộ, công chức các sở, ban, ngành", (0.4, 0.6))
POLICE = Audience("cán bộ, chiến sĩ Công an cấp xã", (0.08, 0.2))
DETENTION = Audience("cán bộ làm công tác quản lý tạm giữ, tạm giam", (0.1, 0.2))
PRESTIGE = Audience("người có uy tín trong đồng bào dân tộc thiểu số", (0.1, 0.3),
                    minorities=(0.85, 1.0), needs_minorities=True)
MINORITY_PEOPLE = Audience("đồng bào dân tộc thiểu số", (0.45, 0.6), minorities=(0.9, 1.0),
                          needs_minorities=True)
SECONDARY = Audience("học sinh trung học cơ sở", (0.45, 0.55), children=(0.95, 1.0))
HIGH_SCHOOL = Audience("học sinh trung học phổ thông", (0.45, 0.55), children=(0.25, 0.4))
TEACHERS = Audience("giáo viên, cán bộ quản lý giáo dục", (0.6, 0.8))
WOMEN = Audience("hội viên Hội Liên hiệp Phụ nữ", (0.92, 1.0))
YOUTH = Audience("đoàn viên, thanh niên", (0.4, 0.6))
WORKERS = Audience("người lao động trong các khu công nghiệp", (0.5, 0.7))
DISABLED = Audience("người khuyết tật và thành viên Hội Người khuyết tật", (0.35, 0.55),
                    disabilities=(0.7, 0.95))
RESIDENTS = Audience("người dân", (0.45, 0.6), disabilities=(0.0, 0.04))
CLERGY = Audience("chức sắc, chức việc các tôn giáo", (0.05, 0.3))
CHILD_CARE = Audience("cán bộ làm công tác bảo vệ trẻ em cấp xã", (0.6, 0.8))
LEGAL_AID_STAFF = Audience("trợ giúp viên pháp lý và cộng tác viên trợ giúp pháp lý",
                           (0.4, 0.6))

# --- indicators ---------------------------------------------------------------------

CONFERENCES = Measure("Số hội nghị tập huấn đã tổ chức", "hội nghị", "sessions")
CLASSES = Measure("Số lớp bồi dưỡng đã tổ chức", "lớp", "sessions")
TRAINED = Measure("Số lượt người được tập huấn", "lượt người", "people")
ATTENDED = Measure("Số lượt người tham dự", "lượt người", "people")
PASSED = Measure("Tỷ lệ học viên đạt yêu cầu qua bài kiểm tra cuối khóa", "%", "percent", 80, 95)
USEFUL = Measure("Tỷ lệ học viên đánh giá nội dung tập huấn là hữu ích", "%", "percent", 85, 98)

TRAINING_COST = Cost(fixed=(1_000, 4_000), session=(3_000, 7_000), person=(150, 350), free=0.1)
MEETING_COST = Cost(fixed=(1_000, 3_000), session=(1_500, 4_000), person=(20, 50), free=0.2)


# --- the two shapes most works take, for a province and a ministry alike ------------------


def training(key: str, lead: str, titles: tuple[str, ...], done: tuple[str, ...], *,
             audiences: tuple[Audience, ...], themes: tuple[str, ...] = (),
             sessions: tuple[int, int] = (1, 3), size: tuple[int, int] = (40, 90),
             measures: tuple[Measure, ...] = (CLASSES, TRAINED, PASSED),
             cost: Cost = TRAINING_COST, weight: int = 4) -> Work:
    """Classes or conferences that train people: how many were held, who came, how it went."""
    return Work(key, T.TRAINING, lead, titles, done, themes=themes, audiences=audiences,
                sessions=sessions, size=size, measures=measures, cost=cost, weight=weight)


def gathering(key: str, kind: ActivityType, lead: str, titles: tuple[str, ...],
              done: tuple[str, ...], *, held: Measure, audiences: tuple[Audience, ...],
              sessions: tuple[int, int], size: tuple[int, int], themes: tuple[str, ...] = (),
              cost: Cost = MEETING_COST, weight: int = 2) -> Work:
    """Talks, meetings or dialogues: how many were held (`held`) and how many people came."""
    return Work(key, kind, lead, titles, done, themes=themes, audiences=audiences,
                sessions=sessions, size=size, measures=(held, ATTENDED), cost=cost,
                weight=weight)


LOCAL_WORKS: tuple[Work, ...] = (
    training("training", "Sở Tư pháp", (
        "Tổ chức hội nghị tập huấn về {topic} cho {audience} {place}",
        "Tập huấn kỹ năng, nghiệp vụ về {topic} cho {audience}",
        "Hội nghị tập huấn chuyên sâu về {topic} cho {audience} {place}",
    ), (
        "{lead} đã tổ chức {sessions} hội nghị tập huấn cho {people} lượt {audience} {place}",
        "{lead} phối hợp với {partner} mở {sessions} lớp tập huấn, thu hút {people} lượt "
        "{audience} tham dự",
    ), audiences=(COMMUNE_STAFF, COMMUNE_LEADERS, REPORTERS, DEPT_STAFF, YOUTH, WOMEN,
                  PRESTIGE),
        sessions=(1, 4), size=(40, 120), measures=(CONFERENCES, TRAINED, PASSED, USEFUL),
        weight=6),
    gathering("dissemination", T.AWARENESS, "Sở Tư pháp", (
        "Tuyên truyền, phổ biến pháp luật về {topic} cho {audience} {place}",
        "Tổ chức hội nghị phổ biến, giáo dục pháp luật về {topic} {place}",
        "Lồng ghép phổ biến pháp luật về {topic} vào sinh hoạt cộng đồng {place}",
    ), (
        "{lead} chủ trì tổ chức {sessions} buổi tuyên truyền trực tiếp với {people} lượt "
        "{audience} tham dự",
        "Các báo cáo viên pháp luật của tỉnh đã tổ chức {sessions} buổi nói chuyện chuyên đề "
        "{place}, thu hút {people} lượt {audience}",
    ), audiences=(RESIDENTS, WOMEN, YOUTH, WORKERS, MINORITY_PEOPLE, DISABLED),
        sessions=(2, 12), size=(50, 150),
        held=Measure("Số buổi tuyên truyền trực tiếp", "buổi", "sessions"), weight=6),
    Work("leaflets", T.AWARENESS, "Sở Tư pháp", (
        "Biên soạn, phát hành tờ gấp tuyên truyền về {topic}",
        "In và cấp phát tài liệu hỏi – đáp pháp luật về {topic} cho các xã, phường",
        "Phát hành tờ gấp song ngữ Việt – {language} về {topic}",
    ), (
        "{lead} đã biên soạn, in {items} tờ gấp và cấp phát đến các xã, phường trên địa bàn tỉnh",
        "{items} cuốn tài liệu hỏi – đáp được cấp phát cho tủ sách pháp luật ở cơ sở {place}",
    ), items=(500, 6_000), measures=(
        Measure("Số tờ gấp, tài liệu được phát hành", "bản", "items"),),
        cost=Cost(fixed=(1_500, 4_000), item=(1, 3), free=0.05), weight=4,
        needs_language=True),
    Work("radio", T.AWARENESS, "Sở Tư pháp", (
        "Xây dựng chuyên mục phát thanh, truyền hình về {topic}",
        "Phối hợp với cơ quan báo chí của tỉnh thực hiện tin, bài về {topic}",
    ), (
        "{lead} phối hợp với cơ quan báo chí của tỉnh thực hiện {items} chuyên mục, tin bài "
        "về {topic}, phát trên sóng phát thanh, truyền hình và trang thông tin điện tử",
    ), items=(4, 24), measures=(
        Measure("Số chuyên mục, tin bài được phát sóng, đăng tải", "tin, bài", "items"),),
        cost=Cost(fixed=(2_000, 6_000), item=(1_500, 4_000), free=0.1), days=(30, 200)),
    Work("contest", T.AWARENESS, "Sở Tư pháp", (
        "Tổ chức cuộc thi tìm hiểu pháp luật về {topic} trên địa bàn {locality}",
        "Cuộc thi trực tuyến tìm hiểu về {topic}",
    ), (
        "Cuộc thi thu hút {people} lượt người dự thi; Ban Tổ chức đã trao giải cho các tập thể, "
        "cá nhân có bài dự thi xuất sắc",
    ), audiences=(RESIDENTS, YOUTH, DEPT_STAFF), sessions=(1, 1), size=(800, 6_000),
        measures=(Measure("Số lượt người tham gia cuộc thi", "lượt người", "people"),),
        cost=Cost(fixed=(20_000, 60_000), person=(2, 8), free=0.0), days=(30, 75), weight=1),
    Work("review", T.LEGISLATIVE, "Sở Tư pháp", (
        "Rà soát văn bản quy phạm pháp luật do Hội đồng nhân dân, Ủy ban nhân dân tỉnh ban hành "
        "liên quan đến {topic}",
        "Rà soát, hệ thống hóa văn bản quy phạm pháp luật của tỉnh về {topic}",
        "Kiểm tra, rà soát văn bản của địa phương liên quan đến {topic}",
    ), (
        "{lead} đã rà soát {items} văn bản quy phạm pháp luật của tỉnh, kiến nghị sửa đổi, "
        "bổ sung những quy định chưa phù hợp",
        "Qua rà soát {items} văn bản, {lead} đề xuất Ủy ban nhân dân tỉnh bãi bỏ, thay thế "
        "các văn bản không còn phù hợp với pháp luật hiện hành",
    ), themes=("law_review", "discrimination", "legislation", "gender", "complaints",
               "programmes"),
        items=(8, 60), measures=(
            Measure("Số văn bản được rà soát", "văn bản", "items"),
            Measure("Tỷ lệ văn bản được rà soát đúng thời hạn", "%", "percent", 90, 100)),
        cost=Cost(fixed=(8_000, 20_000), item=(300, 900), free=0.2), days=(30, 120), weight=6),
    Work("legal_aid", T.ADMINISTRATIVE, "Trung tâm Trợ giúp pháp lý nhà nước tỉnh", (
        "Thực hiện trợ giúp pháp lý cho người thuộc diện được trợ giúp pháp lý {place}",
        "Tổ chức trợ giúp pháp lý lưu động cho {audience} {place}",
        "Trợ giúp pháp lý cho nạn nhân bạo lực gia đình, người khuyết tật và trẻ em",
    ), (
        "{lead} đã thụ lý {items} vụ việc trợ giúp pháp lý và tổ chức {sessions} đợt trợ giúp "
        "pháp lý lưu động, tư vấn cho {people} lượt người",
    ), themes=("discrimination", "gender", "trafficking", "complaints", "awareness"),
        audiences=(RESIDENTS, DISABLED, MINORITY_PEOPLE, WOMEN), sessions=(1, 6), size=(20, 60),
        items=(10, 120), measures=(
            Measure("Số vụ việc trợ giúp pháp lý được thụ lý", "vụ việc", "items"),
            Measure("Số lượt người được tư vấn pháp luật", "lượt người", "people")),
        cost=Cost(fixed=(3_000, 8_000), session=(2_000, 5_000), item=(200, 600), free=0.15),
        days=(30, 180), weight=5),
    training("mediation", "Sở Tư pháp", (
        "Bồi dưỡng kỹ năng hòa giải cho {audience} {place}",
        "Tập huấn nghiệp vụ hòa giải các tranh chấp, mâu thuẫn trong gia đình cho {audience}",
    ), (
        "{lead} phối hợp với Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh mở {sessions} lớp bồi dưỡng "
        "cho {people} lượt {audience}",
    ), themes=("gender", "awareness", "complaints", "discrimination"), audiences=(MEDIATORS,),
        sessions=(1, 4), size=(40, 90), weight=4),
    Work("compensation", T.ADMINISTRATIVE, "Sở Tư pháp", (
        "Hướng dẫn, theo dõi việc giải quyết yêu cầu bồi thường của Nhà nước trên địa bàn tỉnh",
        "Hướng dẫn người dân thực hiện thủ tục yêu cầu bồi thường của Nhà nước {place}",
    ), (
        "{lead} đã hướng dẫn thủ tục cho {items} người yêu cầu bồi thường và theo dõi việc "
        "giải quyết tại các cơ quan có trách nhiệm",
    ), themes=("compensation", "complaints"), items=(2, 12), measures=(
        Measure("Số vụ việc yêu cầu bồi thường được hướng dẫn, theo dõi", "vụ việc", "items"),),
        cost=Cost(fixed=(3_000, 10_000), item=(200, 800), free=0.4), days=(60, 240)),
    Work("civil_status", T.ADMINISTRATIVE, "Sở Tư pháp", (
        "Đăng ký khai sinh, đăng ký lại khai sinh cho trẻ em chưa được đăng ký {place}",
        "Rà soát, hướng dẫn đăng ký hộ tịch cho người dân tộc thiểu số và người di cư tự do",
        "Đăng ký khai sinh lưu động tại các thôn, ấp vùng sâu, vùng xa {place}",
    ), (
        "Qua rà soát, các xã, phường đã đăng ký khai sinh, đăng ký lại khai sinh cho {items} "
        "trường hợp, trong đó có nhiều trẻ em thuộc hộ nghèo",
    ), themes=("discrimination", "awareness", "statistics"), items=(15, 220), measures=(
        Measure("Số trường hợp được đăng ký khai sinh, đăng ký lại khai sinh", "trường hợp",
                "items"),
        Measure("Tỷ lệ trẻ em dưới 5 tuổi được đăng ký khai sinh", "%", "percent", 95, 100)),
        cost=Cost(fixed=(2_000, 6_000), item=(20, 80), free=0.5), days=(30, 200)),
    Work("judicial_records", T.ADMINISTRATIVE, "Sở Tư pháp", (
        "Cấp Phiếu lý lịch tư pháp trực tuyến, bảo đảm đúng thời hạn cho người dân",
        "Cập nhật, xử lý thông tin lý lịch tư pháp trên địa bàn tỉnh",
    ), (
        "{lead} đã tiếp nhận và giải quyết {items} hồ sơ yêu cầu cấp Phiếu lý lịch tư pháp",
    ), themes=("statistics", "awareness", "complaints"), items=(800, 9_000), measures=(
        Measure("Số Phiếu lý lịch tư pháp được cấp", "phiếu", "items"),
        Measure("Tỷ lệ hồ sơ được giải quyết đúng hạn", "%", "percent", 95, 100)),
        cost=Cost(fixed=(2_000, 6_000), free=0.7), days=(150, 330), weight=1),
    training("police", "Công an tỉnh", (
        "Tập huấn về bảo đảm quyền con người trong hoạt động điều tra, tạm giữ, tạm giam cho "
        "{audience}",
        "Bồi dưỡng kiến thức về Công ước chống tra tấn và ICCPR cho {audience}",
    ), (
        "{lead} đã tổ chức {sessions} lớp bồi dưỡng cho {people} lượt {audience}; nội dung gồm "
        "quyền của người bị tạm giữ, tạm giam và trách nhiệm phòng ngừa bức cung, dùng nhục hình",
    ), themes=("complaints", "criminal_justice", "awareness", "programmes", "trafficking"),
        audiences=(POLICE, DETENTION), sessions=(1, 3), size=(40, 100), weight=3),
    Work("detention", T.ADMINISTRATIVE, "Công an tỉnh", (
        "Kiểm tra việc bảo đảm chế độ ăn, ở, khám chữa bệnh đối với người bị tạm giữ, tạm giam",
        "Kiểm tra điều kiện giam giữ tại nhà tạm giữ, trại tạm giam Công an tỉnh",
    ), (
        "Đoàn kiểm tra liên ngành đã kiểm tra {items} cơ sở giam giữ; kiến nghị khắc phục những "
        "tồn tại về điều kiện sinh hoạt và thăm gặp của người bị tạm giữ, tạm giam",
    ), themes=("complaints", "criminal_justice", "statistics"), items=(1, 6), measures=(
        Measure("Số cơ sở giam giữ được kiểm tra", "cơ sở", "items"),),
        cost=Cost(fixed=(5_000, 15_000), item=(1_000, 3_000), free=0.3), days=(5, 40), weight=1),
    gathering("trafficking", T.AWARENESS, "Công an tỉnh", (
        "Tuyên truyền phòng, chống mua bán người cho {audience} {place}",
        "Truyền thông về thủ đoạn mua bán người, lừa đảo đi lao động ở nước ngoài {place}",
    ), (
        "{lead} phối hợp với {partner} tổ chức {sessions} buổi tuyên truyền cho {people} lượt "
        "{audience}",
    ), themes=("trafficking", "gender", "programmes"), audiences=(RESIDENTS, YOUTH, WORKERS),
        sessions=(2, 8), size=(60, 200), held=Measure("Số buổi tuyên truyền", "buổi", "sessions"),
        weight=4),
    gathering("labour", T.TRAINING, "Sở Nội vụ", (
        "Tập huấn quy định về quyền của người lao động và phòng ngừa lao động cưỡng bức cho "
        "{audience}",
        "Tập huấn về bình đẳng giới tại nơi làm việc cho {audience}",
    ), (
        "{lead} phối hợp với Liên đoàn Lao động tỉnh tổ chức {sessions} hội nghị cho {people} "
        "lượt {audience}",
    ), themes=("discrimination", "gender", "trafficking", "statistics"),
        audiences=(WORKERS, DEPT_STAFF), sessions=(1, 4), size=(60, 150),
        held=CONFERENCES),
    gathering("ethnic", T.CONSULTATION, "Sở Dân tộc và Tôn giáo", (
        "Đối thoại chính sách với {audience} {place}",
        "Hội nghị lấy ý kiến người dân tộc thiểu số về chính sách hỗ trợ sinh kế {place}",
        "Gặp mặt, phổ biến chính sách dân tộc cho {audience}",
    ), (
        "{lead} tổ chức {sessions} hội nghị đối thoại với {people} đại biểu; các ý kiến, kiến "
        "nghị của đồng bào được tổng hợp, gửi các sở, ngành xem xét, giải quyết",
    ), themes=("discrimination", "programmes", "awareness", "statistics"),
        audiences=(PRESTIGE,), sessions=(1, 4), size=(50, 120),
        held=Measure("Số hội nghị đối thoại", "hội nghị", "sessions"), weight=3),
    Work("religion", T.ADMINISTRATIVE, "Sở Dân tộc và Tôn giáo", (
        "Hướng dẫn thủ tục đăng ký sinh hoạt tôn giáo tập trung cho các nhóm, điểm nhóm {place}",
        "Giải quyết thủ tục hành chính về tín ngưỡng, tôn giáo cho {audience} đúng thời hạn",
    ), (
        "{lead} đã hướng dẫn, giải quyết {items} hồ sơ đăng ký hoạt động tín ngưỡng, tôn giáo "
        "đúng thời hạn luật định",
    ), themes=("religion", "discrimination"), audiences=(CLERGY,), items=(5, 40), measures=(
        Measure("Số hồ sơ đăng ký được giải quyết", "hồ sơ", "items"),
        Measure("Tỷ lệ hồ sơ được giải quyết đúng hạn", "%", "percent", 95, 100)),
        cost=Cost(fixed=(2_000, 8_000), item=(100, 300), free=0.5), days=(60, 240), weight=3),
    Work("schools", T.AWARENESS, "Sở Giáo dục và Đào tạo", (
        "Giáo dục về quyền con người, quyền trẻ em trong các trường học {place}",
        "Tổ chức chuyên đề ngoại khóa về phòng, chống bạo lực học đường cho {audience}",
        "Lồng ghép nội dung về quyền con người vào hoạt động ngoại khóa cho {audience}",
    ), (
        "{lead} chỉ đạo {sessions} trường tổ chức chuyên đề ngoại khóa cho {people} lượt "
        "{audience}",
    ), themes=("discrimination", "awareness", "gender"), audiences=(SECONDARY, HIGH_SCHOOL,
                                                                     TEACHERS),
        sessions=(3, 15), size=(80, 300), measures=(
            Measure("Số trường tổ chức chuyên đề", "trường", "sessions"),
            Measure("Số lượt học sinh, giáo viên tham gia", "lượt người", "people")),
        cost=Cost(session=(1_000, 3_000), person=(5, 15), free=0.3), days=(20, 120)),
    training("children", "Sở Y tế", (
        "Tập huấn kỹ năng phát hiện, hỗ trợ trẻ em bị xâm hại cho {audience}",
        "Bồi dưỡng nghiệp vụ bảo vệ trẻ em, chăm sóc người khuyết tật cho {audience}",
    ), (
        "{lead} tổ chức {sessions} lớp tập huấn cho {people} lượt {audience}",
    ), themes=("discrimination", "gender", "trafficking"), audiences=(CHILD_CARE,),
        measures=(CLASSES, TRAINED, USEFUL), weight=2),
    Work("complaints", T.ADMINISTRATIVE, "Thanh tra tỉnh", (
        "Tiếp công dân, giải quyết khiếu nại, tố cáo thuộc thẩm quyền {place}",
        "Kiểm tra việc giải quyết khiếu nại, tố cáo tại Ủy ban nhân dân cấp xã {place}",
    ), (
        "Các cơ quan của tỉnh đã tiếp {people} lượt công dân, tiếp nhận {items} đơn khiếu nại, "
        "tố cáo và giải quyết theo đúng trình tự",
    ), themes=("complaints", "statistics", "programmes"), audiences=(RESIDENTS,),
        sessions=(1, 1), size=(120, 900), items=(20, 300), measures=(
            Measure("Số lượt công dân được tiếp", "lượt người", "people"),
            Measure("Tỷ lệ đơn khiếu nại, tố cáo được giải quyết đúng hạn", "%", "percent",
                    85, 98)),
        cost=Cost(free=0.9, fixed=(2_000, 5_000)), days=(120, 330), weight=4),
    Work("plan", T.ADMINISTRATIVE, "Ủy ban nhân dân tỉnh", (
        "Ban hành kế hoạch năm {year} về {topic}",
        "Xây dựng, ban hành kế hoạch triển khai các khuyến nghị về {topic}",
    ), (
        "Ủy ban nhân dân tỉnh đã ban hành kế hoạch, giao nhiệm vụ cụ thể cho {items} sở, ngành "
        "và Ủy ban nhân dân các xã, phường",
    ), items=(12, 40), measures=(
        Measure("Số cơ quan, đơn vị được giao nhiệm vụ", "cơ quan, đơn vị", "items"),),
        cost=Cost(free=0.95, fixed=(1_000, 3_000)), days=(10, 45), weight=2),
    Work("inspection", T.ADMINISTRATIVE, "Sở Tư pháp", (
        "Kiểm tra việc thực hiện nhiệm vụ về {topic} tại một số xã, phường",
        "Tổ chức đoàn kiểm tra liên ngành về {topic} tại các xã, phường trên địa bàn tỉnh",
    ), (
        "Đoàn kiểm tra liên ngành đã làm việc tại {items} xã, phường; kết luận kiểm tra được "
        "gửi các đơn vị để khắc phục tồn tại",
    ), items=(3, 12), measures=(
        Measure("Số xã, phường được kiểm tra", "xã, phường", "items"),),
        cost=Cost(fixed=(3_000, 8_000), item=(800, 2_000), free=0.2), days=(10, 60), weight=2),
    Work("report", T.ADMINISTRATIVE, "Sở Tư pháp", (
        "Tổng hợp, báo cáo kết quả thực hiện nhiệm vụ năm {year} liên quan đến {topic}",
        "Sơ kết sáu tháng đầu năm {year} việc thực hiện nhiệm vụ về {topic}",
    ), (
        "{lead} đã tổng hợp báo cáo của {items} cơ quan, đơn vị, tham mưu Ủy ban nhân dân tỉnh "
        "báo cáo Bộ Tư pháp đúng thời hạn",
    ), themes=("planning", "statistics", "awareness"), items=(15, 45), measures=(
        Measure("Số báo cáo của cơ quan, đơn vị được tổng hợp", "báo cáo", "items"),),
        cost=Cost(free=0.9, fixed=(1_000, 3_000)), days=(10, 30), weight=2),
)
