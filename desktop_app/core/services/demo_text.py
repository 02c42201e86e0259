"""Word pools for demo data: plausible Vietnamese reporting language.

The demo has to look like a real year's report to a new user and exercise the
hard cases (long texts, text that begins with "=", empty optional fields), so
the pools mix ordinary phrases with those cases on purpose.
"""

from __future__ import annotations

import random

from desktop_app.core.domain.enums import ActivityType

ACTIONS: dict[str, list[str]] = {
    ActivityType.LEGISLATIVE: [
        "Rà soát văn bản quy phạm pháp luật của địa phương về",
        "Xây dựng dự thảo quy định về",
        "Sửa đổi, bổ sung quy chế phối hợp về",
        "Đánh giá sự phù hợp với Công ước ICCPR của các quy định về",
    ],
    ActivityType.ADMINISTRATIVE: [
        "Ban hành kế hoạch thực hiện",
        "Kiểm tra việc thực hiện",
        "Tổng hợp, báo cáo kết quả thực hiện",
        "Kiện toàn tổ công tác liên ngành về",
    ],
    ActivityType.JUDICIAL: [
        "Tổ chức phiên tòa rút kinh nghiệm về",
        "Giải quyết khiếu nại, tố cáo liên quan đến",
        "Bảo đảm quyền bào chữa trong các vụ án về",
        "Thực hiện bồi thường cho người bị thiệt hại trong",
    ],
    ActivityType.TRAINING: [
        "Tập huấn chuyên sâu về",
        "Bồi dưỡng kiến thức pháp luật về",
        "Tổ chức lớp tập huấn kỹ năng về",
        "Biên soạn tài liệu tập huấn về",
    ],
    ActivityType.AWARENESS: [
        "Tuyên truyền, phổ biến pháp luật về",
        "Tổ chức cuộc thi tìm hiểu về",
        "Phát sóng chuyên mục truyền hình về",
        "Phát hành tờ gấp song ngữ Việt – Khmer về",
    ],
    ActivityType.CONSULTATION: [
        "Tổ chức hội thảo lấy ý kiến về",
        "Đối thoại với người dân và tổ chức xã hội về",
        "Tham vấn các tổ chức đại diện về",
    ],
    ActivityType.OTHER: [
        "Khảo sát thực trạng về",
        "Hợp tác quốc tế trong lĩnh vực",
        "Ứng dụng công nghệ thông tin trong",
    ],
}

TOPICS = [
    "quyền dân sự và chính trị",
    "Công ước quốc tế về các quyền dân sự và chính trị (ICCPR)",
    "hình phạt tử hình và giảm số tội danh có mức án tử hình",
    "phòng, chống phân biệt đối xử với người khuyết tật",
    "bình đẳng giới và phòng, chống bạo lực trên cơ sở giới",
    "quyền của người dân tộc thiểu số",
    "quyền trẻ em và tư pháp thân thiện với người chưa thành niên",
    "phòng, chống mua bán người",
    "tự do tín ngưỡng, tôn giáo",
    "quyền tiếp cận thông tin",
    "bảo đảm tranh tụng trong xét xử",
    "phòng ngừa tra tấn và đối xử tàn bạo",
    "quyền của người sống chung với HIV",
    "quyền của người đồng tính, song tính và chuyển giới (LGBTI)",
    "trợ giúp pháp lý cho người nghèo và đồng bào vùng sâu, vùng xa",
    "tiếp công dân, giải quyết khiếu nại, tố cáo",
]

AUDIENCES = [
    "cán bộ tư pháp – hộ tịch cấp xã",
    "hội thẩm nhân dân",
    "cán bộ Công an cấp xã",
    "người có uy tín trong đồng bào dân tộc thiểu số",
    "học sinh trung học phổ thông",
    "thành viên Hội Liên hiệp Phụ nữ",
    "đoàn viên thanh niên",
    "cán bộ làm công tác trợ giúp pháp lý",
    "phóng viên, biên tập viên",
    "cán bộ Trại tạm giam",
]

PLACES = [
    "xã Tân Phước", "phường Đông Hòa", "xã Ea Súp", "phường Ngọc Hà", "xã Mường Nhé",
    "xã Đắk Ơ", "phường Hưng Lợi", "xã Quỳnh Lưu", "xã Ỷ La", "phường Thủy Xuân",
    "xã Lũng Cú", "xã Trà Cú", "xã Cù Lao Dung", "phường Ngũ Hành Sơn",
]

UNITS = ["người", "lớp", "văn bản", "cuộc", "%", "lượt người", "tài liệu", "vụ việc"]

INDICATOR_NAMES = [
    "Số người được tập huấn",
    "Số lớp tập huấn đã tổ chức",
    "Số văn bản được rà soát",
    "Tỷ lệ đơn thư được giải quyết đúng hạn",
    "Số lượt người được trợ giúp pháp lý",
    "Số tài liệu tuyên truyền được phát hành",
    "Số vụ việc được hòa giải thành",
    "Tỷ lệ cán bộ nắm vững quy định của Công ước",
]

OUTPUTS = [
    "Đã tổ chức {n} lớp với {m} lượt người tham dự; tài liệu được đăng trên Cổng thông tin.",
    "Ban hành {n} văn bản hướng dẫn; {m} ý kiến góp ý được tiếp thu.",
    "Phát hành {m} tờ gấp, {n} pa-nô, áp phích tại nhà văn hóa các thôn, ấp.",
    "=Kết quả: {n}/{m} đơn vị đã hoàn thành",
    "+{n} lượt người so với năm trước",
    "-Đã rà soát {m} văn bản, phát hiện {n} quy định chưa phù hợp",
    "@Tổ công tác liên ngành: {n} cuộc kiểm tra",
]

CHALLENGES = [
    "Kinh phí còn hạn chế; đội ngũ báo cáo viên pháp luật ở cơ sở còn mỏng.",
    "Địa bàn rộng, giao thông đi lại khó khăn vào mùa mưa lũ.",
    "Một số cán bộ chưa được tập huấn chuyên sâu về Công ước.",
    "Việc phối hợp giữa các sở, ngành có lúc chưa chặt chẽ.",
    "",
]

NEXT_STEPS = [
    "Tiếp tục tổ chức tập huấn trong quý tới, ưu tiên các xã vùng sâu, vùng xa.",
    "Đề xuất bổ sung kinh phí trong dự toán năm sau.",
    "Phối hợp với Hội Luật gia tổ chức đối thoại chính sách.",
    "",
]

EVIDENCE = [
    "Kế hoạch số {n}/KH-UBND; báo cáo kết quả lưu tại Văn phòng.",
    "Danh sách học viên, ảnh tư liệu, biên bản hội nghị.",
    "Quyết định số {n}/QĐ-UBND ngày {d}.",
    "",
]

LONG_PARAGRAPH = (
    "Thực hiện Kế hoạch của Ủy ban nhân dân về thực hiện Công ước quốc tế về các quyền dân sự "
    "và chính trị, cơ quan đã chủ động phối hợp với các sở, ban, ngành, Ủy ban Mặt trận Tổ quốc "
    "và các đoàn thể chính trị – xã hội triển khai đồng bộ nhiều giải pháp. Nội dung tập trung "
    "vào việc nâng cao nhận thức của cán bộ, công chức và nhân dân về quyền con người, bảo đảm "
    "quyền được xét xử công bằng, quyền không bị phân biệt đối xử của nhóm dễ bị tổn thương "
    "như phụ nữ, trẻ em, người khuyết tật, người dân tộc thiểu số. "
)


def activity_title(rng: random.Random, kind: str) -> str:
    action = rng.choice(ACTIONS[kind])
    topic = rng.choice(TOPICS)
    if kind in (ActivityType.TRAINING, ActivityType.AWARENESS) and rng.random() < 0.7:
        return f"{action} {topic} cho {rng.choice(AUDIENCES)} tại {rng.choice(PLACES)}"
    if rng.random() < 0.02:
        return f"={action} {topic}"
    return f"{action} {topic}"


def description(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.1:
        return ""
    if roll < 0.15:
        return LONG_PARAGRAPH * rng.randint(4, 12)
    return LONG_PARAGRAPH[: rng.randint(120, len(LONG_PARAGRAPH))].rstrip() + "."


def fill(rng: random.Random, template: str, year: int) -> str:
    day = f"{rng.randint(1, 28)}/{rng.randint(1, 12)}/{year}"
    return template.format(n=rng.randint(1, 40), m=rng.randint(40, 900), d=day)
