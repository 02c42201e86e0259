"""The command line's own words in Vietnamese: argparse's messages and every help string.

argparse words its headings ("usage:", "options"), its own help line and its complaints
("the following arguments are required", "invalid choice") through gettext; `speak(lang)`
installs a translation function for them, so `--lang vi --help` and a Vietnamese usage
error read in Vietnamese. The help strings written in parser.py stay in English there;
`said(text, lang)` gives their Vietnamese from HELP below, so translating a new help
string is one line in that table. A help string missing from it is remembered
(`untranslated()`), and a test fails on it.
"""

from __future__ import annotations

import argparse
import gettext

# argparse's own messages (Python 3.11 to 3.13), English msgid -> Vietnamese.
ARGPARSE: dict[str, str] = {
    "usage: ": "cách dùng: ",
    "argument %(argument_name)s: %(message)s": "tham số %(argument_name)s: %(message)s",
    "unknown parser %(parser_name)r (choices: %(choices)s)":
        "không có lệnh %(parser_name)r (chọn một trong: %(choices)s)",
    "can't open '%(filename)s': %(error)s": "không mở được '%(filename)s': %(error)s",
    "positional arguments": "tham số theo vị trí",
    "options": "tùy chọn",
    "optional arguments": "tùy chọn",
    "show this help message and exit": "hiện hướng dẫn này rồi thoát",
    "unrecognized arguments: %s": "tham số không nhận ra: %s",
    "not allowed with argument %s": "không được dùng cùng tham số %s",
    "ignored explicit argument %r": "giá trị %r bị bỏ qua",
    "the following arguments are required: %s": "thiếu các tham số bắt buộc: %s",
    "one of the arguments %s is required": "cần một trong các tham số %s",
    "expected one argument": "cần đúng một giá trị",
    "expected at most one argument": "cần nhiều nhất một giá trị",
    "expected at least one argument": "cần ít nhất một giá trị",
    "expected %s argument": "cần %s giá trị",
    "expected %s arguments": "cần %s giá trị",
    "ambiguous option: %(option)s could match %(matches)s":
        "tùy chọn không rõ: %(option)s có thể là %(matches)s",
    "unexpected option string: %s": "tùy chọn đặt không đúng chỗ: %s",
    "invalid %(type)s value: %(value)r": "giá trị %(type)s không hợp lệ: %(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "lựa chọn không hợp lệ: %(value)r (chọn một trong: %(choices)s)",
    "%(prog)s: error: %(message)s\n": "%(prog)s: lỗi: %(message)s\n",
    "show program's version number and exit": "hiện số phiên bản rồi thoát",
}

# Every help string of parser.py, English -> Vietnamese. One line per new help string.
HELP: dict[str, str] = {
    "database file (default: per-user data folder)":
        "tệp cơ sở dữ liệu (mặc định: thư mục dữ liệu của người dùng)",
    "language of messages and window": "ngôn ngữ của thông báo và cửa sổ",
    "open the separate demo database": "mở cơ sở dữ liệu mẫu riêng",
    "render the main window to a PNG file and exit": "vẽ cửa sổ chính ra tệp PNG rồi thoát",
    "list agency codes and names": "liệt kê mã và tên các cơ quan",
    "set up a database for one role": "thiết lập cơ sở dữ liệu cho một vai trò",
    "contact person": "người liên hệ",
    "the role of this installation": "vai trò của bản cài đặt này",
    "agency code (role agency)": "mã cơ quan (vai trò cơ quan)",
    "fill the database with demo data": "điền dữ liệu mẫu vào cơ sở dữ liệu",
    "number of demo activities": "số hoạt động mẫu",
    "seed of the demo data (same seed, same data)":
        "hạt giống của dữ liệu mẫu (cùng hạt giống, cùng dữ liệu)",
    "reporting period (year)": "kỳ báo cáo (năm)",
    "what the database holds": "cơ sở dữ liệu đang chứa gì",
    "print as JSON": "in ra dạng JSON",
    "write this agency's submission (xlsx or pdf)": "ghi báo cáo của cơ quan này (xlsx hoặc pdf)",
    "file format": "định dạng tệp",
    "file to write": "tệp sẽ ghi",
    "write the blank template workbook": "ghi mẫu báo cáo trống",
    "lock or unlock a reporting period": "khóa hoặc mở khóa một kỳ báo cáo",
    "lock the period against edits": "khóa kỳ báo cáo, không cho sửa",
    "unlock the period, with a reason": "mở khóa kỳ báo cáo, kèm lý do",
    "why the period is unlocked": "lý do mở khóa",
    "import agencies' submission files (focal point)":
        "nhập tệp báo cáo của các cơ quan (đầu mối)",
    "submission files to import": "các tệp báo cáo cần nhập",
    "show what would happen; write nothing": "cho biết điều sẽ xảy ra; không ghi gì",
    "accept files edited after export (validated like a template)":
        "chấp nhận tệp đã sửa sau khi xuất (được kiểm tra như mẫu báo cáo)",
    "accept a file signed by another key than its agency's pinned one (the pin is replaced), "
    "or an unsigned file over a signed agency":
        "chấp nhận tệp ký bằng khóa khác khóa đã ghi nhận của cơ quan (khóa ghi nhận được "
        "thay), hoặc tệp không ký của cơ quan đã ký",
    "undo the last import command (the whole batch)": "hoàn tác lần nhập gần nhất (cả đợt)",
    "write the national consolidated report (focal point; xlsx or pdf)":
        "ghi báo cáo tổng hợp quốc gia (đầu mối; xlsx hoặc pdf)",
    "grade a recommendation's implementation (focal point)":
        "đánh giá việc thực hiện một khuyến nghị (đầu mối)",
    "recommendation code": "mã khuyến nghị",
    "the Committee's A-E scale": "thang A-E của Ủy ban",
    "level of implementation": "mức độ thực hiện",
    "note on the assessment": "ghi chú về đánh giá",
    "default: the current year if the catalog has it":
        "mặc định: năm hiện tại nếu danh mục có năm đó",
    "publish or install a catalog update": "phát hành hoặc cài đặt bản cập nhật danh mục",
    "write the catalog to a file": "ghi danh mục ra tệp",
    "install a newer catalog": "cài đặt danh mục mới hơn",
    "catalog file": "tệp danh mục",
    "accept an update signed by a key other than the focal point's pinned one, or an "
    "unsigned one":
        "chấp nhận bản cập nhật ký bằng khóa khác khóa đã ghi nhận của đầu mối, hoặc "
        "bản không ký",
    "signing keys: this installation's and the pinned ones":
        "khóa ký: của bản cài đặt này và các khóa đã ghi nhận",
    "this installation's key (agency); also every pinned agency key (focal point)":
        "khóa của bản cài đặt này (cơ quan); cả các khóa cơ quan đã ghi nhận (đầu mối)",
    "copy the database to a file": "sao lưu cơ sở dữ liệu ra tệp",
    "backup file to write": "tệp sao lưu sẽ ghi",
    "replace the database with a backup": "thay cơ sở dữ liệu bằng một bản sao lưu",
    "backup file to restore": "tệp sao lưu cần khôi phục",
    "restore a backup of the other role (focal point / agency)":
        "khôi phục bản sao lưu của vai trò kia (đầu mối / cơ quan)",
    # the commands and options of issues 10, 14 and 16
    "a spreadsheet or CSV, through a column mapping; preview, then one transaction":
        "tệp Excel hoặc CSV, đọc theo cách đọc cột; xem trước, rồi ghi trong một lần",
    "copy a focal point's database to an empty PostgreSQL database":
        "sao chép cơ sở dữ liệu của cơ quan đầu mối sang một cơ sở dữ liệu PostgreSQL trống",
    "load an official list of recommendations (focal point)":
        "nạp danh sách khuyến nghị chính thức (cơ quan đầu mối)",
    "preview only": "chỉ xem trước",
    "that document's date": "ngày của văn bản đó",
    "the Committee's document": "văn bản của Ủy ban Nhân quyền",
    "the Committee's follow-up grade, a fact from its document":
        "mức đánh giá theo dõi của Ủy ban Nhân quyền, theo văn bản của Ủy ban",
    "the audit log: who changed what, when": "nhật ký thay đổi: ai đã thay đổi gì, khi nào",
    "the catalog source, e.g. UPR4": "nguồn khuyến nghị trong danh mục, ví dụ UPR4",
    "the element of the recommendation graded (default: all of it)":
        "nội dung của khuyến nghị được đánh giá (mặc định: toàn bộ khuyến nghị)",
    "the focal point's judgment of a recommendation (--implementation) or the Committee's "
    "grade of it, from its document (--committee-grade)":
        "nhận định của cơ quan đầu mối về một khuyến nghị (--implementation) hoặc mức đánh "
        "giá của Ủy ban Nhân quyền, theo văn bản của Ủy ban (--committee-grade)",
    "the focal point's own judgment for the period":
        "nhận định của chính cơ quan đầu mối cho kỳ báo cáo",
    "uhri, upr-matrix (default) or a mapping saved in the window":
        "uhri, upr-matrix (mặc định) hoặc một cách đọc cột đã lưu trong cửa sổ",
    "write the audit log (.xlsx)": "ghi nhật ký thay đổi (.xlsx)",
}

_VIETNAMESE = set(ARGPARSE.values()) | set(HELP.values())
_missing: set[str] = set()
_lang = "en"


def said(text: str, lang: str) -> str:
    """The help string in the language; one missing from HELP stays English, remembered."""
    if lang != "vi" or text in _VIETNAMESE or text == argparse.SUPPRESS:
        return text
    if text in ARGPARSE:  # a default help of argparse's, given in parser.py
        return ARGPARSE[text]
    if text not in HELP:
        _missing.add(text)
        return text
    return HELP[text]


def untranslated() -> set[str]:
    """Help strings met while building a Vietnamese parser that HELP has no words for."""
    return set(_missing)


def _gettext(message: str) -> str:
    return ARGPARSE.get(message, message) if _lang == "vi" else gettext.gettext(message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    if _lang == "vi":
        return ARGPARSE.get(singular if n == 1 else plural, singular if n == 1 else plural)
    return gettext.ngettext(singular, plural, n)


def speak(lang: str) -> None:
    """argparse words its headings and complaints in this language from now on."""
    global _lang
    _lang = lang
    # argparse took gettext's functions by name when imported: its domain is these two.
    argparse._ = _gettext  # type: ignore[attr-defined]
    argparse.ngettext = _ngettext  # type: ignore[attr-defined]
