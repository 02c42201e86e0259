"""How the reports word an assessment: the Committee's grades and the focal point's own
judgment, never mixed, and where a recommendation is in its document.

The Committee's A–E grades are its assessment, in its follow-up procedure, of what the
State did — facts with the document and date they came in ("Ủy ban Nhân quyền đánh giá
… ở mức E (…) (văn bản của Ủy ban ngày 11/11/2022)"); a grade recorded here without them
is said to be still to check (so are the grades stored before the two were kept apart).
The focal point's judgment is its own: "đã thực hiện đầy
đủ / một phần / chưa thực hiện", with its note. A recommendation is named by paragraph
and document ("đoạn 24, CCPR/C/VNM/CO/3"), never by the catalog's code.
"""

from __future__ import annotations

from desktop_app.core.domain.enums import Implementation
from desktop_app.core.domain.labels import label_of
from desktop_app.core.domain.text import nfc
from desktop_app.core.exchange.national_model import (
    CommitteeGrade,
    NationalReport,
    RecommendationView,
)
from desktop_app.core.exchange.pdf_kit import date_vi
from desktop_app.core.exchange.report_model import reference


def sentence(value: str) -> str:
    """Text without its closing full stop or semicolon (the caller adds its own)."""
    return " ".join(nfc(value).split()).rstrip(" .;")


def grade_words(r: NationalReport, grade: str) -> str:
    """ "mức C (trả lời/hành động chưa đạt yêu cầu …)"."""
    meaning = r.grade(grade)
    said = sentence(meaning.meaning_vi) if meaning is not None else ""
    if said:
        said = said[0].lower() + said[1:]
    return f"mức {grade} ({said})" if said else f"mức {grade}"


def _source_vi(g: CommitteeGrade) -> str:
    """ "(văn bản CCPR/C/… của Ủy ban ngày 11/11/2022)", or what is still to check."""
    document = f" {g.document}" if g.document else ""
    if g.on is None:
        return (f" (văn bản{document} của Ủy ban; chưa rõ ngày, cần đối chiếu)" if document
                else " (theo ghi nhận trước đây của cơ quan đầu mối; cần đối chiếu văn bản "
                     "và ngày của Ủy ban)")
    said = f" (văn bản{document} của Ủy ban ngày {date_vi(g.on)}"
    return said + (")" if g.verified else "; chưa đối chiếu với văn bản gốc)")


def committee_text(r: NationalReport, rec: RecommendationView) -> str:
    """The Committee's own assessment of the State's follow-up, with its document and
    date; a grade recorded without them is said to be still to check."""
    said = []
    for g in rec.committee_grades:
        element = sentence(g.element_vi)
        element = f" về {element[:1].lower()}{element[1:]}" if element else ""
        said.append(f"Ủy ban Nhân quyền đánh giá việc thực hiện{element} ở "
                    f"{grade_words(r, g.grade)}{_source_vi(g)}")
    return "; ".join(said)


def committee_cell(g: CommitteeGrade) -> str:
    """One grade in a table cell, both languages: "E — CCPR/C/…, 2022-11-11", its element
    first when it grades one, "cần đối chiếu / to check" when not verified."""
    element = f"{sentence(g.element_vi)}: " if g.element_vi else ""
    where = ", ".join(x for x in (g.document, g.on.isoformat() if g.on else "") if x)
    said = f"{element}{g.grade}" + (f" — {where}" if where else "")
    return said if g.verified else f"{said} (cần đối chiếu / to check)"


def judgment_text(rec: RecommendationView) -> str:
    """The focal point's own judgment: "đã thực hiện một phần", with its note."""
    a = rec.assessment
    if a is None or not a.implementation:
        return "chưa đánh giá"
    said = label_of(Implementation, a.implementation, "vi").lower()
    if a.note:
        said += f". {sentence(a.note)}"
    return said


def checked_note(rec: RecommendationView) -> str:
    """ "" for a text checked against its document; otherwise what it is, in brackets."""
    if rec.illustrative:
        return "(tóm tắt theo chủ đề, chưa phải nguyên văn khuyến nghị; cần đối chiếu văn bản)"
    if not rec.verified:
        return "(nội dung chưa đối chiếu với văn bản gốc)"
    return ""


def checked_cell(rec: RecommendationView) -> str:
    """Both languages, for a table cell."""
    if rec.illustrative:
        return "Tóm tắt theo chủ đề, cần đối chiếu / Illustrative summary, to check"
    return "Đã đối chiếu / Checked" if rec.verified else "Cần đối chiếu / To check"


def where(rec: RecommendationView) -> str:
    """Where the recommendation is: "đoạn 24, CCPR/C/VNM/CO/3" (never its code)."""
    return reference(rec.source_symbol, rec.paragraph, rec.source_title_vi) or "danh mục"
