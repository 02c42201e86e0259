"""The works of ministries and central bodies, each in its own field.

The Ministry of Public Security trains police and inspects detention, the Ministry of
Justice drafts and reviews law and runs legal aid and judicial support, the Supreme
People's Court holds trials and trains judges, and so on; an agency with no list of
its own does the general administrative work every central agency does (plans,
training of its officials, review of its field's legal documents, reports).
"""

from __future__ import annotations

from desktop_app.core.domain.enums import ActivityType
from desktop_app.core.services.demo_work import (
    CLASSES,
    PASSED,
    TRAINED,
    USEFUL,
    Audience,
    Cost,
    Measure,
    Work,
    gathering,
    training,
)

T = ActivityType

OFFICIALS = Audience("cán bộ, công chức, viên chức của Bộ, ngành", (0.4, 0.6))
LOCAL_OFFICERS = Audience("cán bộ làm công tác pháp chế của các bộ, ngành, địa phương",
                          (0.4, 0.6))
POLICE_OFFICERS = Audience("cán bộ điều tra, trinh sát", (0.08, 0.2))
GUARDS = Audience("cán bộ quản lý trại tạm giam, nhà tạm giữ", (0.1, 0.2))
JUDGES = Audience("thẩm phán, thư ký tòa án", (0.35, 0.55))
ASSESSORS = Audience("hội thẩm nhân dân", (0.3, 0.5))
PROCURATORS = Audience("kiểm sát viên, kiểm tra viên", (0.35, 0.55))
LAWYERS = Audience("luật sư, trợ giúp viên pháp lý", (0.3, 0.5))
SOLDIERS = Audience("cán bộ, chiến sĩ Bộ đội Biên phòng", (0.05, 0.15))
DIPLOMATS = Audience("cán bộ ngoại giao và đại diện các cơ quan liên quan", (0.4, 0.6))
TEACHERS = Audience("giáo viên, cán bộ quản lý giáo dục", (0.6, 0.8))
SOCIAL_WORKERS = Audience("cán bộ làm công tác xã hội, bảo vệ trẻ em", (0.6, 0.8))
CULTURE_OFFICERS = Audience("công chức văn hóa – xã hội cấp xã", (0.4, 0.6))
JOURNALISTS = Audience("phóng viên, biên tập viên", (0.4, 0.6))
ETHNIC_OFFICERS = Audience("cán bộ làm công tác dân tộc, tôn giáo các địa phương", (0.3, 0.5),
                           minorities=(0.3, 0.6))
INSPECTORS = Audience("thanh tra viên, cán bộ tiếp công dân", (0.3, 0.5))

# A national class or conference costs more a head than a province's (travel, speakers,
# a hall in Hà Nội), yet one activity stays within tens of millions of đồng.
_TRAINING = Cost(fixed=(3_000, 8_000), session=(5_000, 12_000), person=(150, 300), free=0.05)
_WORKSHOP = Cost(fixed=(5_000, 15_000), session=(8_000, 20_000), person=(150, 300), free=0.1)
REVIEW_DOCS = Measure("Số văn bản quy phạm pháp luật được rà soát", "văn bản", "items")


_TRAINED = (
    "{lead} đã tổ chức {sessions} lớp bồi dưỡng cho {people} lượt {audience} {place}",
    "{lead} phối hợp với {partner} tổ chức {sessions} hội nghị tập huấn, thu hút {people} "
    "lượt {audience} tham dự",
)


def _training(key: str, lead: str, titles: tuple[str, ...], audiences: tuple[Audience, ...],
              themes: tuple[str, ...] = (), weight: int = 4) -> Work:
    """`demo_work.training` with what a central agency's classes say, hold and cost."""
    return training(key, lead, titles, _TRAINED, audiences=audiences, themes=themes,
                    size=(50, 150), measures=(CLASSES, TRAINED, PASSED, USEFUL), cost=_TRAINING,
                    weight=weight)


GENERIC: tuple[Work, ...] = (
    _training("training", "", (
        "Tập huấn về {topic} cho {audience}",
        "Hội nghị quán triệt, triển khai nhiệm vụ về {topic} cho {audience}",
    ), (OFFICIALS, LOCAL_OFFICERS), weight=5),
    Work("review", T.LEGISLATIVE, "", (
        "Rà soát văn bản quy phạm pháp luật thuộc lĩnh vực quản lý liên quan đến {topic}",
        "Đánh giá các quy định của ngành về {topic}",
    ), (
        "{lead} đã rà soát {items} văn bản quy phạm pháp luật thuộc lĩnh vực quản lý và đề xuất "
        "sửa đổi, bổ sung các quy định chưa phù hợp",
    ), themes=("law_review", "legislation", "discrimination"),
        items=(10, 80), measures=(REVIEW_DOCS,),
        cost=Cost(fixed=(10_000, 30_000), item=(300, 1_000), free=0.1), days=(60, 180), weight=5),
    gathering("workshop", T.CONSULTATION, "", (
        "Hội thảo lấy ý kiến chuyên gia về {topic}",
        "Tọa đàm trao đổi kinh nghiệm về {topic} {place}",
    ), (
        "Hội thảo có {people} đại biểu là đại diện các bộ, ngành, tổ chức xã hội và chuyên gia "
        "tham dự; các ý kiến được tổng hợp để hoàn thiện chính sách",
    ), audiences=(OFFICIALS, LOCAL_OFFICERS), sessions=(1, 2), size=(50, 150),
        held=Measure("Số hội thảo, tọa đàm", "cuộc", "sessions"), cost=_WORKSHOP, weight=3),
    Work("dissemination", T.AWARENESS, "", (
        "Biên soạn, phát hành tài liệu phổ biến về {topic}",
        "Đăng tải chuyên mục về {topic} trên Cổng thông tin điện tử",
    ), (
        "{lead} đã biên soạn, phát hành {items} cuốn tài liệu và đăng tải trên Cổng thông tin "
        "điện tử để các cơ quan, địa phương khai thác",
    ), items=(300, 3_000), measures=(
        Measure("Số cuốn tài liệu được phát hành", "cuốn", "items"),),
        cost=Cost(fixed=(10_000, 30_000), item=(15, 35), free=0.1), days=(30, 120), weight=3),
    Work("plan", T.ADMINISTRATIVE, "", (
        "Ban hành kế hoạch năm {year} về {topic}",
        "Hướng dẫn các đơn vị trực thuộc triển khai nhiệm vụ về {topic}",
    ), (
        "{lead} đã ban hành kế hoạch, phân công nhiệm vụ cho {items} đơn vị trực thuộc",
    ), items=(5, 30), measures=(
        Measure("Số đơn vị được giao nhiệm vụ", "đơn vị", "items"),),
        cost=Cost(free=0.95, fixed=(1_000, 3_000)), days=(10, 40), weight=2),
    Work("report", T.ADMINISTRATIVE, "", (
        "Báo cáo kết quả thực hiện nhiệm vụ năm {year} liên quan đến {topic}",
        "Cung cấp thông tin, số liệu phục vụ báo cáo quốc gia về {topic}",
    ), (
        "{lead} đã tổng hợp báo cáo của {items} đơn vị và gửi Bộ Tư pháp đúng thời hạn",
    ), themes=("planning", "statistics", "international", "awareness"), items=(5, 30),
        measures=(Measure("Số báo cáo được tổng hợp", "báo cáo", "items"),),
        cost=Cost(free=0.9, fixed=(2_000, 5_000)), days=(10, 40), weight=2),
)

_OWN: dict[str, tuple[Work, ...]] = {
    "BCA": (
        _training("police", "Học viện Cảnh sát nhân dân", (
            "Bồi dưỡng về bảo đảm quyền con người trong điều tra hình sự cho {audience}",
            "Tập huấn kỹ năng hỏi cung có ghi âm, ghi hình cho {audience}",
        ), (POLICE_OFFICERS,), themes=("criminal_justice", "fair_trial", "defenders",
                                       "awareness", "death_penalty")),
        _training("guards", "", (
            "Tập huấn về bảo đảm quyền của người bị tạm giữ, tạm giam cho {audience}",
        ), (GUARDS,), themes=("criminal_justice", "complaints", "awareness")),
        Work("detention", T.ADMINISTRATIVE, "", (
            "Kiểm tra điều kiện giam giữ, chế độ đối với người bị tạm giữ, tạm giam",
            "Kiểm tra việc thi hành Luật Thi hành tạm giữ, tạm giam tại Công an các địa phương",
        ), (
            "Các đoàn kiểm tra của Bộ đã làm việc tại {items} trại tạm giam, nhà tạm giữ và kiến "
            "nghị khắc phục tồn tại về cơ sở vật chất",
        ), themes=("criminal_justice", "complaints", "statistics"), items=(4, 20),
            measures=(Measure("Số cơ sở giam giữ được kiểm tra", "cơ sở", "items"),),
            cost=Cost(fixed=(10_000, 30_000), item=(1_500, 4_000), free=0.2), days=(20, 90)),
        gathering("trafficking", T.AWARENESS, "", (
            "Truyền thông phòng, chống mua bán người tại các tỉnh biên giới",
        ), (
            "{lead} phối hợp với Công an các địa phương tổ chức {sessions} buổi truyền thông cho "
            "{people} lượt người dân",
        ), themes=("trafficking", "gender", "programmes"),
            audiences=(Audience("người dân các xã biên giới", (0.45, 0.6)),),
            sessions=(3, 12), size=(80, 250),
            held=Measure("Số buổi truyền thông", "buổi", "sessions"),
            cost=Cost(fixed=(10_000, 30_000), session=(3_000, 8_000), free=0.1)),
    ),
    "BTP": (
        Work("compatibility", T.LEGISLATIVE, "", (
            "Thẩm định, đánh giá sự tương thích với Công ước của các dự án luật",
            "Góp ý dự thảo luật, pháp lệnh bảo đảm tương thích với ICCPR",
        ), (
            "{lead} đã thẩm định {items} dự án, dự thảo văn bản, trong đó có ý kiến cụ thể về "
            "sự tương thích với các điều của Công ước",
        ), themes=("legislation", "law_review", "death_penalty", "freedoms", "planning"),
            items=(4, 25), measures=(
                Measure("Số dự án, dự thảo được thẩm định", "dự án, dự thảo", "items"),),
            cost=Cost(fixed=(10_000, 30_000), item=(1_000, 3_000), free=0.2), days=(60, 240),
            weight=5),
        _training("legal_aid", "", (
            "Bồi dưỡng nghiệp vụ trợ giúp pháp lý cho {audience}",
            "Tập huấn kỹ năng tham gia tố tụng cho {audience}",
        ), (LAWYERS,), themes=("discrimination", "fair_trial", "criminal_justice", "gender",
                               "trafficking", "awareness")),
        Work("judicial_support", T.ADMINISTRATIVE, "", (
            "Hướng dẫn, kiểm tra hoạt động bổ trợ tư pháp: luật sư, công chứng, giám định",
            "Kiểm tra việc bảo đảm quyền hành nghề của luật sư tại một số địa phương",
        ), (
            "Đoàn kiểm tra đã làm việc tại {items} địa phương, kiến nghị tháo gỡ vướng mắc trong "
            "việc luật sư tham gia tố tụng",
        ), themes=("defenders", "fair_trial", "criminal_justice", "complaints"),
            items=(3, 10), measures=(
                Measure("Số địa phương được kiểm tra", "địa phương", "items"),),
            cost=Cost(fixed=(20_000, 40_000), item=(4_000, 10_000), free=0.1), days=(20, 60)),
        Work("national_report", T.ADMINISTRATIVE, "", (
            "Tổng hợp báo cáo của các bộ, ngành, địa phương về thực hiện Công ước",
            "Xây dựng báo cáo giữa kỳ về thực hiện các khuyến nghị của Ủy ban Nhân quyền",
        ), (
            "{lead} đã tổng hợp báo cáo của {items} bộ, ngành, địa phương phục vụ xây dựng báo "
            "cáo quốc gia",
        ), themes=("planning", "international", "statistics", "awareness"), items=(40, 70),
            measures=(Measure("Số báo cáo được tổng hợp", "báo cáo", "items"),),
            cost=Cost(fixed=(20_000, 80_000), free=0.1), days=(60, 150)),
    ),
    "TANDTC": (
        Work("trial", T.JUDICIAL, "", (
            "Tổ chức phiên tòa rút kinh nghiệm về bảo đảm tranh tụng",
            "Xét xử trực tuyến các vụ án hình sự theo quy định",
            "Tổ chức phiên tòa rút kinh nghiệm xét xử vụ án có bị cáo là người chưa thành niên",
        ), (
            "Tòa án nhân dân các cấp đã tổ chức {items} phiên tòa rút kinh nghiệm, bảo đảm quyền "
            "bào chữa và nguyên tắc tranh tụng",
        ), themes=("fair_trial", "criminal_justice", "death_penalty", "discrimination"),
            items=(20, 300), measures=(
                Measure("Số phiên tòa rút kinh nghiệm", "phiên tòa", "items"),),
            cost=Cost(free=0.9, fixed=(2_000, 8_000)), days=(150, 330), weight=5),
        _training("judges", "Học viện Tòa án", (
            "Bồi dưỡng kỹ năng xét xử bảo đảm quyền được xét xử công bằng cho {audience}",
            "Tập huấn về Điều 9 và Điều 14 của Công ước cho {audience}",
        ), (JUDGES, ASSESSORS), themes=("fair_trial", "criminal_justice", "death_penalty",
                                        "awareness", "defenders")),
        Work("judgments", T.ADMINISTRATIVE, "", (
            "Công bố bản án, quyết định trên Cổng thông tin điện tử của Tòa án",
        ), (
            "Tòa án nhân dân các cấp đã công bố {items} bản án, quyết định theo quy định",
        ), themes=("fair_trial", "statistics", "freedoms"), items=(5_000, 60_000),
            measures=(Measure("Số bản án, quyết định được công bố", "bản án", "items"),),
            cost=Cost(free=0.9, fixed=(5_000, 20_000)), days=(200, 330)),
    ),
    "VKSNDTC": (
        Work("custody", T.JUDICIAL, "", (
            "Kiểm sát việc tạm giữ, tạm giam và thi hành án hình sự",
            "Kiểm sát trực tiếp tại các trại tạm giam, nhà tạm giữ",
        ), (
            "Viện kiểm sát nhân dân các cấp đã kiểm sát trực tiếp {items} cuộc, ban hành kiến "
            "nghị khắc phục vi phạm",
        ), themes=("criminal_justice", "complaints", "fair_trial"), items=(30, 400),
            measures=(Measure("Số cuộc kiểm sát trực tiếp", "cuộc", "items"),),
            cost=Cost(free=0.9, fixed=(3_000, 10_000)), days=(150, 330), weight=4),
        _training("procurators", "", (
            "Bồi dưỡng kỹ năng tranh tụng và phòng ngừa bức cung cho {audience}",
        ), (PROCURATORS,), themes=("fair_trial", "criminal_justice", "awareness")),
    ),
    "BQP": (
        gathering("border", T.AWARENESS, "Bộ đội Biên phòng", (
            "Tuyên truyền pháp luật cho đồng bào các xã biên giới",
        ), (
            "{lead} đã tổ chức {sessions} buổi tuyên truyền cho {people} lượt người dân khu vực "
            "biên giới",
        ), themes=("trafficking", "awareness", "programmes"),
            audiences=(Audience("đồng bào các xã biên giới", (0.45, 0.6),
                                minorities=(0.4, 0.8)),),
            sessions=(5, 20), size=(60, 200),
            held=Measure("Số buổi tuyên truyền", "buổi", "sessions"),
            cost=Cost(fixed=(10_000, 30_000), session=(2_000, 6_000), free=0.1)),
        _training("soldiers", "", (
            "Phổ biến Công ước ICCPR cho {audience}",
        ), (SOLDIERS,), themes=("awareness", "trafficking")),
    ),
    "BNG": (
        gathering("dialogue", T.CONSULTATION, "", (
            "Đối thoại nhân quyền với các đối tác song phương",
            "Hội thảo với các cơ quan Liên hợp quốc về thực hiện khuyến nghị",
        ), (
            "{lead} đã chủ trì {sessions} phiên đối thoại, hội thảo với {people} đại biểu trong "
            "nước và quốc tế",
        ), themes=("international", "planning", "awareness"), audiences=(DIPLOMATS,),
            sessions=(1, 3), size=(30, 90),
            held=Measure("Số phiên đối thoại, hội thảo", "phiên", "sessions"), cost=_WORKSHOP,
            weight=5),
    ),
    "BGDDT": (
        Work("curriculum", T.AWARENESS, "", (
            "Lồng ghép giáo dục quyền con người vào chương trình giáo dục phổ thông",
            "Tập huấn giáo viên về giáo dục quyền trẻ em cho {audience}",
        ), (
            "{lead} đã tập huấn {people} lượt {audience} tại {sessions} điểm cầu trực tuyến",
        ), themes=("awareness", "discrimination", "gender"), audiences=(TEACHERS,),
            sessions=(2, 10), size=(80, 300),
            measures=(Measure("Số điểm cầu tập huấn", "điểm cầu", "sessions"), TRAINED),
            cost=Cost(fixed=(20_000, 60_000), session=(2_000, 5_000), free=0.1), weight=5),
    ),
    "BYT": (
        _training("social", "", (
            "Tập huấn kỹ năng bảo vệ trẻ em, hỗ trợ người khuyết tật cho {audience}",
        ), (SOCIAL_WORKERS,), themes=("discrimination", "gender", "trafficking")),
    ),
    "BNV": (
        _training("civil_service", "", (
            "Bồi dưỡng đạo đức công vụ và quyền con người cho {audience}",
            "Tập huấn về bình đẳng giới và quyền của người lao động cho {audience}",
        ), (OFFICIALS, LOCAL_OFFICERS), themes=("gender", "discrimination", "awareness",
                                                "trafficking")),
    ),
    "BDTTG": (
        _training("ethnic", "", (
            "Bồi dưỡng kiến thức công tác dân tộc, tôn giáo cho {audience}",
            "Hướng dẫn thực hiện Luật Tín ngưỡng, tôn giáo cho {audience}",
        ), (ETHNIC_OFFICERS,), themes=("religion", "discrimination", "programmes",
                                        "freedoms", "awareness")),
    ),
    "BVHTTDL": (
        _training("press", "", (
            "Bồi dưỡng nghiệp vụ thông tin, báo chí về quyền con người cho {audience}",
            "Tập huấn về phòng, chống bạo lực gia đình cho {audience}",
        ), (JOURNALISTS, CULTURE_OFFICERS), themes=("freedoms", "gender", "awareness")),
    ),
    "TTCP": (
        _training("inspection", "", (
            "Bồi dưỡng nghiệp vụ tiếp công dân, giải quyết khiếu nại, tố cáo cho {audience}",
        ), (INSPECTORS,), themes=("complaints", "programmes", "statistics")),
    ),
    # The ministries whose field lies further from the Covenant do what their field gives
    # them to do for it: money for the plan, land and environment complaints, information
    # on the internet, the rights of workers in industry, housing for the poor.
    "BTC": (
        Work("budget", T.ADMINISTRATIVE, "", (
            "Hướng dẫn lập dự toán, bố trí kinh phí thực hiện nhiệm vụ về {topic}",
            "Thẩm định dự toán kinh phí của các bộ, ngành cho nhiệm vụ về {topic}",
        ), (
            "{lead} đã hướng dẫn, thẩm định dự toán kinh phí của {items} bộ, ngành, địa phương "
            "cho các nhiệm vụ thuộc kế hoạch",
        ), items=(10, 60), measures=(
            Measure("Số bộ, ngành, địa phương được hướng dẫn, thẩm định dự toán", "cơ quan",
                    "items"),),
            cost=Cost(free=0.8, fixed=(5_000, 12_000)), days=(20, 60), weight=5),
    ),
    "BNNMT": (
        Work("land", T.ADMINISTRATIVE, "", (
            "Hướng dẫn giải quyết khiếu nại về đất đai, môi trường {place}",
            "Đối thoại với người dân về bồi thường, hỗ trợ, tái định cư khi Nhà nước thu hồi đất",
        ), (
            "{lead} đã hướng dẫn các địa phương giải quyết {items} vụ việc khiếu nại về đất đai, "
            "môi trường, tổ chức đối thoại trực tiếp với người dân có liên quan",
        ), themes=("complaints", "compensation", "discrimination", "programmes", "statistics"),
            items=(10, 80), measures=(
                Measure("Số vụ việc khiếu nại về đất đai, môi trường được hướng dẫn giải quyết",
                        "vụ việc", "items"),),
            cost=Cost(fixed=(10_000, 30_000), item=(300, 800), free=0.3), days=(60, 240)),
    ),
    "BKHCN": (
        Work("information", T.ADMINISTRATIVE, "", (
            "Hướng dẫn bảo đảm quyền tiếp cận thông tin trên môi trường mạng",
            "Rà soát quy định về quản lý thông tin trên mạng bảo đảm quyền tự do ngôn luận",
        ), (
            "{lead} đã ban hành {items} văn bản hướng dẫn các doanh nghiệp viễn thông, Internet và "
            "các địa phương bảo đảm quyền tiếp cận thông tin của người dân",
        ), themes=("freedoms", "awareness", "legislation", "law_review"), items=(2, 10),
            measures=(Measure("Số văn bản hướng dẫn được ban hành", "văn bản", "items"),),
            cost=Cost(fixed=(10_000, 40_000), free=0.3), days=(30, 120)),
    ),
    "BCT": (
        _training("industry", "", (
            "Tập huấn về quyền của người lao động trong doanh nghiệp công nghiệp cho {audience}",
            "Phổ biến quy định về bảo vệ quyền lợi người tiêu dùng cho {audience}",
        ), (OFFICIALS, LOCAL_OFFICERS), themes=("discrimination", "gender", "trafficking",
                                                "awareness")),
    ),
    "BXD": (
        Work("housing", T.ADMINISTRATIVE, "", (
            "Hướng dẫn thực hiện chính sách nhà ở xã hội cho người thu nhập thấp, người khuyết tật",
            "Rà soát quy chuẩn xây dựng bảo đảm tiếp cận công trình công cộng của người khuyết tật",
        ), (
            "{lead} đã kiểm tra, hướng dẫn {items} địa phương thực hiện chính sách, quy chuẩn bảo "
            "đảm quyền tiếp cận của người khuyết tật và người có thu nhập thấp",
        ), themes=("discrimination", "programmes", "statistics"), items=(5, 30), measures=(
            Measure("Số địa phương được kiểm tra, hướng dẫn", "địa phương", "items"),),
            cost=Cost(fixed=(10_000, 30_000), item=(1_000, 3_000), free=0.2), days=(30, 120)),
    ),
    "NHNN": (
        Work("banking", T.ADMINISTRATIVE, "", (
            "Hướng dẫn tổ chức tín dụng bảo đảm người khuyết tật, người dân tộc thiểu số tiếp cận "
            "dịch vụ ngân hàng",
        ), (
            "{lead} đã hướng dẫn, kiểm tra {items} tổ chức tín dụng về việc bảo đảm tiếp cận "
            "dịch vụ ngân hàng của các nhóm dễ bị tổn thương",
        ), themes=("discrimination", "programmes", "statistics"), items=(5, 40), measures=(
            Measure("Số tổ chức tín dụng được hướng dẫn, kiểm tra", "tổ chức", "items"),),
            cost=Cost(fixed=(10_000, 30_000), free=0.3), days=(30, 150)),
    ),
    "VPCP": (
        Work("follow_up", T.ADMINISTRATIVE, "", (
            "Theo dõi, đôn đốc các bộ, ngành thực hiện nhiệm vụ được Thủ tướng Chính phủ giao "
            "về {topic}",
        ), (
            "{lead} đã theo dõi, đôn đốc {items} bộ, ngành, địa phương thực hiện nhiệm vụ được "
            "giao và tổng hợp báo cáo Thủ tướng Chính phủ",
        ), items=(10, 63), measures=(
            Measure("Số bộ, ngành, địa phương được theo dõi, đôn đốc", "cơ quan", "items"),),
            cost=Cost(free=0.9, fixed=(5_000, 10_000)), days=(30, 200), weight=5),
    ),
}


def works_for(code: str) -> tuple[Work, ...]:
    """An agency's own works first, then the general ones every central agency does."""
    return _OWN.get(code, ()) + GENERIC
