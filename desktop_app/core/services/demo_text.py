"""Word pools for demo data: Vietnamese reporting language in the official register.

A real report's paragraphs differ from one activity to the next, so descriptions,
outputs, challenges and next steps are composed from parts (an opening that cites
the agency's plan, what was done with its numbers, what it covered, a closing) and
slots (topic, place, audience, partner). Nothing here begins with "=", "+", "-" or
"@": text that a spreadsheet could take for a formula belongs to the tests.
"""

from __future__ import annotations

import random
from typing import Any

# Noun phrases that follow "về": what the task is about.
TOPICS: dict[str, tuple[str, ...]] = {
    "death_penalty": ("hình phạt tử hình và quyền của người bị kết án tử hình",
                      "thu hẹp phạm vi áp dụng hình phạt tử hình"),
    "legislation": ("sự tương thích của pháp luật trong nước với Công ước ICCPR",
                    "bảo đảm quyền con người trong xây dựng pháp luật"),
    "law_review": ("các quyền dân sự, chính trị theo Công ước ICCPR",
                   "bảo đảm quyền con người, quyền công dân"),
    "defenders": ("bảo vệ quyền hành nghề của luật sư, nhà báo",
                  "bảo vệ người hoạt động vì quyền con người"),
    "freedoms": ("quyền tự do ngôn luận, tự do báo chí và quyền tiếp cận thông tin",
                 "quyền hội họp, lập hội theo quy định của pháp luật"),
    "international": ("hợp tác quốc tế về quyền con người",
                      "cơ chế báo cáo quốc gia theo Công ước ICCPR"),
    "trafficking": ("phòng, chống mua bán người",
                    "nhận diện thủ đoạn mua bán người qua mạng xã hội",
                    "tiếp nhận, hỗ trợ nạn nhân bị mua bán"),
    "gender": ("bình đẳng giới", "phòng, chống bạo lực gia đình",
               "phòng, chống bạo lực trên cơ sở giới"),
    "discrimination": ("phòng, chống phân biệt đối xử với nhóm dễ bị tổn thương",
                       "quyền của người khuyết tật", "quyền của người dân tộc thiểu số",
                       "quyền của người sống chung với HIV", "quyền trẻ em"),
    "religion": ("Luật Tín ngưỡng, tôn giáo", "quyền tự do tín ngưỡng, tôn giáo"),
    "fair_trial": ("bảo đảm quyền được xét xử công bằng",
                   "nguyên tắc tranh tụng trong xét xử",
                   "quyền bào chữa của người bị buộc tội"),
    "criminal_justice": ("quyền của người bị tạm giữ, tạm giam",
                         "phòng ngừa tra tấn, bức cung, dùng nhục hình"),
    "complaints": ("tiếp công dân, giải quyết khiếu nại, tố cáo",
                   "Luật Khiếu nại và Luật Tố cáo"),
    "compensation": ("trách nhiệm bồi thường của Nhà nước",),
    "programmes": ("phòng, chống tham nhũng", "phòng, chống ma túy",
                   "chính sách phát triển vùng đồng bào dân tộc thiểu số và miền núi"),
    "statistics": ("thống kê, theo dõi việc bảo đảm quyền dân sự, chính trị",
                   "số liệu tách biệt theo giới tính, dân tộc"),
    "awareness": ("Công ước quốc tế về các quyền dân sự và chính trị (ICCPR)",
                  "các khuyến nghị của Ủy ban Nhân quyền Liên hợp quốc",
                  "quyền con người, quyền công dân trong Hiến pháp năm 2013"),
    "planning": ("thực hiện Công ước ICCPR",
                 "thực hiện các khuyến nghị của Ủy ban Nhân quyền Liên hợp quốc"),
}

# Themes a province's work never takes: its topics then come from "awareness".
CENTRAL_ONLY = ("fair_trial", "death_penalty")
# Themes only an agency with its own work in them speaks of (a ministry of construction
# does not train on coerced confessions): the others take "awareness" instead.
SPECIALIST = ("fair_trial", "death_penalty", "criminal_justice", "defenders", "freedoms")

# An opening that ends with a comma, followed by a sentence that starts with the lead.
LEADS_IN = (
    "Thực hiện {plan} của {authority}, ",
    "Triển khai nhiệm vụ được giao tại {plan}, ",
    "Căn cứ Quyết định số {decision} của Thủ tướng Chính phủ và {plan}, ",
    "Nhằm nâng cao nhận thức và trách nhiệm thực thi pháp luật về {topic}, ",
    "Theo chỉ đạo của {authority} tại {plan}, ",
    "Trong {start_quarter} năm {year}, ",
)
# An opening that is a sentence of its own.
OPENINGS = (
    "Hoạt động thuộc {plan} của {authority}.",
    "Đây là nhiệm vụ trọng tâm về {topic} trong năm {year}.",
    "Nhiệm vụ được giao tại {plan}, triển khai trong {start_quarter} năm {year}.",
    "Hoạt động nhằm cụ thể hóa nhiệm vụ về {topic} trong kế hoạch của cơ quan.",
)
FOCUS = (
    "các quy định của Công ước liên quan đến {topic}",
    "trách nhiệm của cơ quan nhà nước trong bảo đảm quyền con người",
    "kỹ năng tiếp nhận, xử lý thông tin, kiến nghị của người dân",
    "những điểm mới của pháp luật hiện hành",
    "các tình huống thực tiễn phát sinh ở cơ sở",
    "kinh nghiệm của các địa phương làm tốt",
    "quyền và nghĩa vụ của công dân theo Hiến pháp năm 2013",
    "cách thức tiếp cận dịch vụ pháp lý của nhóm yếu thế",
    "các khuyến nghị mà Việt Nam đã chấp thuận",
    "phối hợp giữa các cơ quan trong giải quyết vụ việc",
    "chế độ thông tin, báo cáo theo yêu cầu của Bộ Tư pháp",
    "hình thức tuyên truyền phù hợp với từng nhóm đối tượng",
)
FOCUS_OPENERS = ("Nội dung tập trung vào {a} và {b}.", "Trọng tâm là {a}, {b}.",
                 "Các chuyên đề đề cập {a}; {b}.", "Nội dung chính gồm {a} cùng với {b}.")
CLOSINGS = (
    "Qua đó, nhận thức của {audience} về {topic} được nâng lên rõ rệt.",
    "Hoạt động được đánh giá thiết thực, phù hợp với điều kiện của địa phương.",
    "Kết quả là cơ sở để {lead_short} đề xuất giải pháp cho giai đoạn tiếp theo.",
    "Nhiều ý kiến đề nghị tiếp tục tổ chức hoạt động tương tự trong năm tới.",
    "Các kiến nghị phát sinh đã được tổng hợp, chuyển cơ quan có thẩm quyền xem xét.",
    "Việc triển khai bảo đảm đúng tiến độ, tiết kiệm và hiệu quả.",
    "Tài liệu của hoạt động được đăng tải để cán bộ ở cơ sở tiếp tục khai thác.",
    "Hoạt động nhận được sự hưởng ứng của {audience}.",
)
PLANNED = (
    "Hoạt động đang được chuẩn bị: đã xây dựng dự toán và dự kiến thành phần tham gia.",
    "Dự kiến triển khai tại {where} sau khi kế hoạch được phê duyệt.",
    "{lead_cap} đang hoàn thiện nội dung, tài liệu để triển khai trong {start_quarter}.",
)
PREPARING = (
    "Đã hoàn thành khâu chuẩn bị nội dung, tài liệu; hoạt động sẽ được tổ chức trong "
    "{start_quarter} năm {year}.",
    "{lead_cap} đã xây dựng kế hoạch chi tiết và đang phối hợp với {partner} để triển khai.",
    "Đang lựa chọn báo cáo viên, thống nhất thời gian và địa điểm với {partner}.",
)
POSTPONED = (
    "Hoạt động tạm hoãn do trùng thời điểm với các nhiệm vụ chính trị của địa phương.",
    "Do ảnh hưởng của mưa lũ, hoạt động được lùi sang {later}.",
    "Tạm hoãn để điều chỉnh nội dung cho phù hợp với văn bản pháp luật mới ban hành.",
    "Hoạt động tạm dừng do chưa bố trí được kinh phí.",
)
SCHEDULES = ("Dự kiến thực hiện từ tháng {month}", "Theo kế hoạch, hoạt động bắt đầu từ tháng "
             "{month}", "Dự kiến triển khai trong {start_quarter} năm {year}",
             "Hoạt động được lên lịch vào {start_quarter} năm {year}")
SCOPES = (", với khoảng {people} lượt người tham gia.", ", quy mô khoảng {items} {item}.")
SIZES = ("Quy mô dự kiến khoảng {people} lượt người tham gia.",
         "Quy mô dự kiến khoảng {items} {item}.")
CANCELLED_AFTER = (
    "Kinh phí dự kiến được điều chuyển cho nhiệm vụ khác.",
    "Nội dung sẽ được xem xét đưa vào kế hoạch năm {next_year}.",
    "{lead_cap} đã báo cáo {superior} về việc điều chỉnh.", "")
CANCELLED = (
    "Hoạt động không tổ chức do nội dung đã được lồng ghép vào chương trình khác.",
    "Không triển khai vì đã có cơ quan khác thực hiện nội dung tương tự.",
    "Hủy theo chỉ đạo điều chỉnh kế hoạch của {authority}.",
)
# Longer paragraphs for the few detailed descriptions (a pasted report section). Each
# carries the activity's own topic, place, partner or audience, so that no two detailed
# descriptions of an agency share a paragraph ({shortage}: the lack of materials in the
# minority language, where one is spoken).
DETAIL = (
    "Công tác chuẩn bị được thực hiện chu đáo: {lead_short} xây dựng kế hoạch chi tiết, dự toán "
    "kinh phí, biên soạn tài liệu về {topic} và thống nhất với {partner} về thành phần tham gia.",
    "Trong quá trình triển khai, {lead_short} thường xuyên phối hợp với {partner} để thống nhất "
    "nội dung, thời gian và địa điểm, nhất là ở {where}, bảo đảm không chồng chéo với các hoạt "
    "động khác trên địa bàn.",
    "Bên cạnh hình thức trực tiếp, nội dung về {topic} được đăng tải trên trang thông tin điện tử "
    "và các nhóm mạng xã hội của {lead_short}, giúp {audience} có thể tra cứu, khai thác khi cần.",
    "Nhiều ý kiến đã nêu vướng mắc phát sinh trong thực tiễn, nhất là ở {where}; các vướng mắc về "
    "{topic} được ghi nhận, giải đáp trực tiếp hoặc tổng hợp gửi {superior}.",
    "Việc lồng ghép nội dung về {topic} với các chương trình, đề án đang thực hiện ở {where} giúp "
    "tiết kiệm kinh phí và tận dụng được đội ngũ cán bộ sẵn có của {lead_short}.",
    "Kết quả khảo sát nhanh trong {start_quarter} cho thấy đa số {audience} đánh giá nội dung về "
    "{topic} thiết thực, dễ hiểu và mong muốn được tiếp tục cập nhật kiến thức.",
    "Tuy nhiên, việc triển khai ở {where} có lúc còn hình thức, chưa gắn với nhu cầu cụ thể của "
    "{audience}{shortage}.",
    "Thời gian tới, {lead_short} sẽ rà soát lại nhu cầu của {audience}, đổi mới hình thức, chú "
    "trọng {where} và các nhóm dễ bị tổn thương như phụ nữ, trẻ em, người khuyết tật.",
    "Kinh phí thực hiện được bố trí từ nguồn chi thường xuyên của {lead_short} và lồng ghép từ các "
    "chương trình mục tiêu; {partner} hỗ trợ một phần tài liệu; việc thanh quyết toán thực hiện "
    "đúng quy định.",
    "Hoạt động cũng góp phần triển khai các khuyến nghị về {topic} mà Ủy ban Nhân quyền Liên hợp "
    "quốc đưa ra sau phiên đối thoại về Báo cáo quốc gia của Việt Nam; kết quả được tổng hợp vào "
    "báo cáo năm {year} của {lead_short}.",
    "Các cơ quan, đơn vị phối hợp, trong đó có {partner}, đã cử cán bộ đầu mối theo dõi, cập nhật "
    "số liệu về {topic} và gửi báo cáo định kỳ cho {lead_short}.",
    "Từ thực tiễn triển khai ở {where}, có thể rút ra bài học về sự cần thiết của việc phân công "
    "rõ trách nhiệm, bố trí đủ nguồn lực và theo dõi, đánh giá kết quả sau từng hoạt động.",
)
PRODUCTS = (
    "Tài liệu được đăng tải trên trang thông tin điện tử của {lead_short}.",
    "Biên bản, danh sách đại biểu và ảnh tư liệu được lưu trữ đầy đủ.",
    "Báo cáo kết quả đã được gửi {superior}.",
    "Bộ câu hỏi – đáp được cập nhật vào tủ sách pháp luật điện tử.",
    "Các kiến nghị được tổng hợp thành phụ lục kèm báo cáo.",
)
# A challenge is a cause and what it led to; a next step is an action and its when or where.
# Lead-ins before a cause or an action (whose first letter is then lowered); the
# second set speaks of work under way, so only an activity that has started takes it.
CAUSE_CONTEXT = ("", "", "Tại {where}, ", "Khó khăn chủ yếu là ")
CAUSE_CONTEXT_STARTED = ("Trong quá trình triển khai, ", "Qua theo dõi, ",
                         "Bên cạnh kết quả đạt được, ")
ACTION_CONTEXT = ("", "", "Thời gian tới, ", "{lead_short} sẽ ", "Giải pháp: ",
                  "Trong thời gian tới, cần ")
_SLOW = ", ảnh hưởng đến tiến độ thực hiện."
FEWER = ", nên số người tham gia ở một số nơi chưa đạt dự kiến."
CAUSES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Kinh phí bố trí cho hoạt động còn hạn chế so với nhu cầu", (
        ", nên chưa mở rộng được hoạt động đến {where}.",
        "; việc huy động nguồn lực xã hội hóa còn khó khăn.", ".")),
    ("Đội ngũ báo cáo viên pháp luật ở cơ sở còn mỏng, phần lớn kiêm nhiệm", (
        ", chất lượng tuyên truyền ở một số nơi chưa đồng đều.", _SLOW, ".")),
    ("Địa bàn rộng, giao thông đến {remote} còn khó khăn vào mùa mưa", (FEWER, _SLOW, ".")),
    ("Một bộ phận {audience} chưa được tập huấn chuyên sâu về {topic}", (
        ", cần thêm thời gian để nắm vững và áp dụng.", ".")),
    ("Việc phối hợp giữa các cơ quan có lúc chưa chặt chẽ", (
        "; thông tin báo cáo vì vậy còn chậm.", _SLOW, ".")),
    ("Tài liệu bằng tiếng {language} còn ít", (
        ", chưa đáp ứng nhu cầu của đồng bào ở {where}.", ".")),
    ("Sau khi sắp xếp đơn vị hành chính, một số xã, phường chưa ổn định đội ngũ cán bộ", (
        _SLOW, "; việc tổng hợp số liệu gặp khó khăn.", ".")),
    ("Số liệu tách biệt theo giới tính, dân tộc chưa được thu thập đầy đủ", (
        ", gây khó khăn cho việc đánh giá kết quả.", ".")),
    ("Thời gian tổ chức trùng với mùa vụ", (FEWER, ".")),
    ("Hình thức tuyên truyền chưa thật phong phú", (
        ", chưa thu hút được sự quan tâm của người trẻ.", ".")),
    ("Cơ sở vật chất phục vụ hoạt động trực tuyến ở một số nơi chưa bảo đảm", (
        ", đường truyền có lúc gián đoạn.", ".")),
    ("Nội dung về {topic} tương đối mới", (
        ", cần thêm thời gian để cán bộ nắm vững và áp dụng.", ".")),
    ("Một số văn bản hướng dẫn của cấp trên ban hành chậm", (_SLOW, ".")),
    ("Nhu cầu của người dân ngày càng cao trong khi nguồn lực chưa tương xứng", (
        "; số lượng cán bộ chưa đáp ứng yêu cầu.", ".")),
)
_NEXT_YEAR = (" trong {quarter} năm {next_year}.", " ngay từ đầu năm {next_year}.", ".")
_FOCUS_ON = (", ưu tiên {where}.", " tại {where}.", ".")
# Next steps that fit any activity, those that follow work done, and those of one not begun.
ACTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Đề xuất bổ sung kinh phí trong dự toán năm {next_year}", (
        ".", " để mở rộng hoạt động ra {where}.", ", trình cấp có thẩm quyền xem xét.")),
    ("Biên soạn thêm tài liệu về {topic}, chú trọng hình thức ngắn gọn, dễ hiểu", _NEXT_YEAR),
    ("Tăng cường ứng dụng công nghệ thông tin, kết hợp hình thức trực tuyến và trực tiếp",
     _NEXT_YEAR),
    ("Rà soát, cập nhật số liệu phục vụ báo cáo năm {year}", (
        ".", " trước ngày 30/11/{year}.", " của {authority}.")),
    ("Bồi dưỡng thêm cho {audience} về {topic}", _NEXT_YEAR),
    ("Củng cố đội ngũ báo cáo viên, tuyên truyền viên", _FOCUS_ON + _NEXT_YEAR),
)
FOLLOW_UPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Tiếp tục tổ chức hoạt động", _NEXT_YEAR + _FOCUS_ON),
    ("Phối hợp với {partner} mở rộng hoạt động đến các nhóm đối tượng khác", _NEXT_YEAR),
    ("Kiểm tra, đánh giá hiệu quả sau hoạt động và báo cáo {superior}", (
        ".", " trước ngày 15/12/{year}.", " trong {quarter} năm {next_year}.",
        " theo định kỳ sáu tháng.")),
    ("Nhân rộng những cách làm hiệu quả", (" ra {where}.", ".")),
    ("Tổng hợp kiến nghị của cơ sở để đề xuất cấp có thẩm quyền", (".", " xem xét, giải quyết.")),
)
# Next steps of work begun and not finished (never of a completed activity).
UNFINISHED: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Hoàn thành các nội dung còn lại", (" trước ngày 15/12/{year}.", ".",
                                        " để kịp tổng hợp báo cáo năm {year}.")),
    ("Đề xuất bổ sung kinh phí cho các nội dung còn dang dở", (".", " trong dự toán năm "
                                                                "{next_year}.")),
)
BEFORE_START: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Hoàn thiện nội dung, tài liệu và dự toán kinh phí", (
        " trong {start_quarter} năm {year}.", " trước khi tổ chức.", ".")),
    ("Thống nhất với {partner} về thời gian, địa điểm và thành phần tham gia", (
        ".", " tại {where}.")),
    ("Trình {superior} cho ý kiến về kế hoạch chi tiết", (".", " trong {start_quarter}.")),
)
EVIDENCE = (
    "Kế hoạch số {n}/KH-{symbol} ngày {d}; báo cáo kết quả lưu tại cơ quan.",
    "Danh sách đại biểu, ảnh tư liệu, biên bản hội nghị.",
    "Quyết định số {n}/QĐ-{symbol} ngày {d}.",
    "Báo cáo số {n}/BC-{symbol} ngày {d}.",
    "Công văn số {n}/{symbol}-VP ngày {d} gửi {superior}.",
)
RESULT_NOTES = ("", "", "Số liệu sơ bộ", "Theo danh sách đại biểu",
                "Số liệu đến ngày 30/11", "Theo báo cáo của các đơn vị")
QUARTERS = ("quý I", "quý II", "quý III", "quý IV")
PLANNED_FOCUS = "Nội dung dự kiến gồm {a} và {b}."


def _text(item: Any) -> str:
    return item if isinstance(item, str) else str(item[0]) + " ".join(item[1])


# Parts that speak of people who came (a meeting, a class, a talk): a review of documents,
# an inspection or a leaflet run does not take them.
PEOPLE_ONLY = frozenset((
    CLOSINGS[0], CLOSINGS[3], CLOSINGS[7], DETAIL[3], DETAIL[5], DETAIL[6], PRODUCTS[1],
    "Đội ngũ báo cáo viên pháp luật ở cơ sở còn mỏng, phần lớn kiêm nhiệm",
    "Thời gian tổ chức trùng với mùa vụ", "Hình thức tuyên truyền chưa thật phong phú",
))
_VARIANTS: dict[tuple[int, bool, bool, bool], tuple[Any, ...]] = {}


def variant(pool: tuple[Any, ...], own_subject: bool, language: bool,
            people: bool = True) -> tuple[Any, ...]:
    """The pool's parts that fit: none naming another topic for a work whose title names its
    own subject, none naming a minority language where none is spoken, none speaking of
    participants for work that reaches no one."""
    key = (id(pool), own_subject, language, people)
    if key not in _VARIANTS:
        _VARIANTS[key] = tuple(
            p for p in pool if not (own_subject and "{topic}" in _text(p))
            and (language or "{language}" not in _text(p))
            and (people or (p if isinstance(p, str) else p[0]) not in PEOPLE_ONLY))
    return _VARIANTS[key]


def thousands(n: int) -> str:
    """1234567 as 1.234.567 (Vietnamese grouping)."""
    return f"{n:,}".replace(",", ".")


def rate(value: float) -> str:
    """92.5 as 92,5 and 95.0 as 95."""
    return (f"{value:.1f}".rstrip("0").rstrip(".")).replace(".", ",")


def day(rng: random.Random, year: int, last_month: int = 12) -> str:
    """A date of the year as dd/mm/yyyy (days up to the 28th: valid in every month)."""
    month, mday = 1 + int(rng.random() * last_month), 1 + int(rng.random() * 28)
    return f"{mday:02d}/{month:02d}/{year}"


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]
