"""The annexes' line breaking is reportlab's simpleSplit, line for line (issue 11).

``pdf_kit.split_lines`` measures each word once instead of at every cell; the PDF must
stay the same, so its lines must be exactly simpleSplit's for any text, font and width.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.lib.utils import simpleSplit

from desktop_app.core.exchange import pdf_kit

WORDS = ["Hội", "thảo", "tập", "huấn", "Ủy", "ban", "nhân", "dân", "tỉnh", "Vĩnh", "Long",
         "người", "khuyết", "tật", "Công-ước-quốc-tế-về-các-quyền-dân-sự-và-chính-trị",
         "ICCPR", "2025", "15.000.000", "—", "(CCPR/C/VNM/CO/3)", "a", "đ"]

text = st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from([" ", "  ", "\n", "\t"]),
                          st.text(max_size=12)), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(value=text, width=st.floats(min_value=0, max_value=400, allow_nan=False),
       font=st.sampled_from(["Tinos", "Tinos-Bold", "Tinos-Italic"]),
       size=st.sampled_from([pdf_kit.TABLE_SIZE, 10.5, 13]))
def test_split_lines_is_simple_split(value: str, width: float, font: str, size: float) -> None:
    pdf_kit.register_fonts()
    assert pdf_kit.split_lines(value, font, size, width) == simpleSplit(value, font, size,
                                                                        width)


def test_wrap_is_the_same_twice_and_measures_each_word_once() -> None:
    pdf_kit.register_fonts()
    sentence = "Tập huấn nâng cao nhận thức về quyền dân sự và chính trị cho cán bộ tư pháp"
    first = pdf_kit.wrap(sentence, 60)
    assert first == "\n".join(simpleSplit(sentence, "Tinos", pdf_kit.TABLE_SIZE,
                                          60 - 2 * pdf_kit.PAD))
    assert pdf_kit.wrap(sentence, 60) == first and "\n" in first
