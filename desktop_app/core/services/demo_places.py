"""Where a province's demo work happens: a few well-known communes and wards of each unit.

Since 1 July 2025 local government has two levels (province, commune) and many
provinces were merged, so the demo names communes, wards and special zones that lie
inside the merged unit (Vĩnh Long's work happens in Long Hồ or Trà Vinh, never in
Ea Súp). The table is a small illustrative selection for demo text, not a reference
list; a unit without an entry gets "xã, phường trên địa bàn tỉnh" wording. The rough
share of ethnic minorities and the minority language of leaflets make the
beneficiary counts and the bilingual materials plausible for the place.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Locality:
    places: tuple[str, ...]  # "xã Long Hồ", "phường Trà Vinh", "đặc khu Phú Quốc"
    minority_share: float  # rough share of ethnic minorities in the population
    language: str = ""  # a minority language materials are printed in, if any


UNITS: dict[str, Locality] = {
    "HNI": Locality(("phường Hoàn Kiếm", "phường Ba Đình", "phường Hà Đông", "phường Sơn Tây",
                     "xã Sóc Sơn", "xã Ba Vì"), 0.02),
    "HUE": Locality(("phường Thuận Hóa", "phường Phú Xuân", "phường Hương Thủy",
                     "phường Hương Trà", "phường Phong Điền"), 0.04, "Tà Ôi"),
    "HPG": Locality(("phường Hồng Bàng", "phường Lê Chân", "phường Hải Dương",
                     "đặc khu Cát Hải", "đặc khu Bạch Long Vĩ"), 0.01),
    "DNG": Locality(("phường Hải Châu", "phường Sơn Trà", "phường Tam Kỳ", "phường Hội An",
                     "xã Nam Giang"), 0.05, "Cơ Tu"),
    "HCM": Locality(("phường Sài Gòn", "phường Bến Thành", "phường Thủ Dầu Một",
                     "phường Vũng Tàu", "xã Cần Giờ", "đặc khu Côn Đảo"), 0.05),
    "CTO": Locality(("phường Ninh Kiều", "phường Cái Răng", "phường Sóc Trăng",
                     "phường Vị Thanh", "xã Cù Lao Dung"), 0.2, "Khmer"),
    "LCU": Locality(("phường Tân Phong", "phường Đoàn Kết", "xã Sìn Hồ", "xã Mường Tè",
                     "xã Phong Thổ"), 0.85, "Mông"),
    "DBN": Locality(("phường Điện Biên Phủ", "phường Mường Lay", "xã Mường Nhé",
                     "xã Tủa Chùa"), 0.8, "Thái"),
    "SLA": Locality(("phường Tô Hiệu", "xã Sốp Cộp", "xã Mường La", "xã Quỳnh Nhai"),
                    0.83, "Thái"),
    "LSN": Locality(("phường Lương Văn Tri", "phường Tam Thanh", "phường Đông Kinh",
                     "xã Đồng Đăng", "xã Bắc Sơn"), 0.83, "Tày"),
    "QNH": Locality(("phường Hạ Long", "phường Bãi Cháy", "phường Móng Cái 1",
                     "đặc khu Vân Đồn", "đặc khu Cô Tô"), 0.12, "Dao"),
    "THA": Locality(("phường Hạc Thành", "phường Sầm Sơn", "phường Bỉm Sơn", "xã Mường Lát",
                     "xã Thọ Xuân"), 0.17, "Thái"),
    "NAN": Locality(("phường Trường Vinh", "phường Thành Vinh", "phường Cửa Lò",
                     "xã Con Cuông", "xã Tương Dương"), 0.15, "Thái"),
    "HTH": Locality(("phường Thành Sen", "phường Trần Phú", "xã Hương Khê", "xã Vũ Quang"),
                    0.01),
    "CBG": Locality(("phường Thục Phán", "phường Nùng Trí Cao", "phường Tân Giang",
                     "xã Trùng Khánh", "xã Bảo Lạc"), 0.95, "Tày"),
    "TQG": Locality(("phường Minh Xuân", "phường Hà Giang 1", "phường Hà Giang 2",
                     "xã Đồng Văn", "xã Mèo Vạc", "xã Lũng Cú"), 0.75, "Mông"),
    "LCI": Locality(("phường Lào Cai", "phường Cam Đường", "phường Sa Pa", "phường Yên Bái",
                     "xã Bát Xát", "xã Mù Cang Chải"), 0.6, "Mông"),
    "TNN": Locality(("phường Phan Đình Phùng", "phường Đức Xuân", "phường Bắc Kạn",
                     "xã Định Hóa", "xã Chợ Đồn"), 0.4, "Tày"),
    "PTO": Locality(("phường Việt Trì", "phường Vĩnh Yên", "phường Hòa Bình",
                     "phường Phúc Yên", "xã Tam Đảo"), 0.3, "Mường"),
    "BNH": Locality(("phường Kinh Bắc", "phường Bắc Giang", "phường Từ Sơn", "xã Lục Ngạn",
                     "xã Sơn Động"), 0.08, "Nùng"),
    "HYN": Locality(("phường Phố Hiến", "phường Thái Bình", "phường Sơn Nam", "xã Hưng Hà"),
                    0.01),
    "NBH": Locality(("phường Hoa Lư", "phường Nam Định", "phường Phủ Lý", "phường Tam Điệp"),
                    0.01),
    "QTI": Locality(("phường Đông Hà", "phường Đồng Hới", "phường Quảng Trị", "xã Khe Sanh",
                     "đặc khu Cồn Cỏ"), 0.07, "Vân Kiều"),
    "QNI": Locality(("phường Cẩm Thành", "phường Kon Tum", "phường Đức Phổ",
                     "đặc khu Lý Sơn"), 0.3, "Xơ Đăng"),
    "GLI": Locality(("phường Pleiku", "phường Quy Nhơn", "phường An Nhơn", "phường Ayun Pa",
                     "phường An Khê"), 0.3, "Gia Rai"),
    "KHA": Locality(("phường Nha Trang", "phường Cam Ranh", "phường Phan Rang",
                     "phường Ninh Hòa", "đặc khu Trường Sa"), 0.1, "Chăm"),
    "LDG": Locality(("phường Lâm Viên – Đà Lạt", "phường Phan Thiết", "phường Bắc Gia Nghĩa",
                     "xã Lạc Dương", "đặc khu Phú Quý"), 0.2, "Cơ Ho"),
    "DLK": Locality(("phường Buôn Ma Thuột", "phường Tuy Hòa", "phường Buôn Hồ",
                     "xã Ea Súp"), 0.3, "Ê Đê"),
    "DNI": Locality(("phường Trấn Biên", "phường Biên Hòa", "phường Đồng Xoài",
                     "phường Long Khánh", "phường Bình Long"), 0.08, "Xtiêng"),
    "TNH": Locality(("phường Tân Ninh", "phường Tân An", "phường Long An", "phường Hòa Thành"),
                    0.02, "Khmer"),
    "VLG": Locality(("phường Long Châu", "phường Thanh Đức", "xã Long Hồ", "xã Cái Nhum",
                     "phường Trà Vinh", "phường Long Đức", "phường Nguyệt Hóa", "xã Trà Cú",
                     "xã Càng Long"), 0.15, "Khmer"),
    "DTP": Locality(("phường Cao Lãnh", "phường Sa Đéc", "phường Mỹ Tho", "phường Gò Công",
                     "phường Hồng Ngự"), 0.01),
    "CMU": Locality(("phường An Xuyên", "phường Bạc Liêu", "phường Giá Rai", "xã Đất Mũi"),
                    0.05, "Khmer"),
    "AGG": Locality(("phường Long Xuyên", "phường Châu Đốc", "phường Rạch Giá",
                     "phường Hà Tiên", "đặc khu Phú Quốc"), 0.1, "Khmer"),
}

FALLBACK = Locality((), 0.05)

# What a ministry's work names as its place: national venues and regions.
NATIONAL_PLACES = (
    "tại Hà Nội", "tại Thành phố Hồ Chí Minh", "tại Đà Nẵng", "tại Cần Thơ",
    "cho các tỉnh khu vực phía Bắc", "cho các tỉnh khu vực miền Trung – Tây Nguyên",
    "cho các tỉnh, thành phố khu vực phía Nam", "theo hình thức trực tiếp kết hợp trực tuyến",
)


def locality(code: str, successor: str | None = None) -> Locality:
    """The unit's table entry (a former province answers with its successor's)."""
    return UNITS.get(code) or (UNITS.get(successor, FALLBACK) if successor else FALLBACK)


def every_place() -> dict[str, tuple[str, ...]]:
    """Each unit's places, for checks that a province's work stays inside it."""
    return {code: unit.places for code, unit in UNITS.items()}
