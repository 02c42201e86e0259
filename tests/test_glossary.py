"""One word for each idea: the glossary's forbidden variants appear nowhere people read.

The glossary (resources/glossary.json) gives each recurring idea its Vietnamese and English
words and the variants that drifted from them. This test reads the words of the command
line and the window's messages (desktop_app/messages.py), the Vietnamese translations of
the window (resources/translations/*.ts) and every string the report modules draw
(docstrings aside), and fails on any forbidden variant, naming where it is.
"""

from __future__ import annotations

import ast
import json
import re
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from desktop_app import messages
from desktop_app.core.paths import resources_dir

ROOT = Path(__file__).resolve().parents[1]
REPORT_MODULES = ("pdf_kit", "agency_pdf", "national_pdf", "national_annexes", "national_xlsx",
                  "report_model", "assessment_words", "reminders_xlsx")


def glossary() -> dict[str, Any]:
    return json.loads((resources_dir() / "glossary.json").read_text(encoding="utf-8"))


def forbidden(lang: str) -> list[tuple[str, re.Pattern[str]]]:
    return [(term["id"], re.compile(pattern, re.IGNORECASE))
            for term in glossary()["terms"] for pattern in term.get(f"forbidden_{lang}", [])]


def offences(texts: list[tuple[str, str]], lang: str) -> list[str]:
    """ "where: 'variant' (term)" for every forbidden variant found in ``texts``."""
    found = []
    rules = forbidden(lang)
    for where, value in texts:
        clean = unicodedata.normalize("NFC", value)
        for term, rule in rules:
            match = rule.search(clean)
            if match:
                found.append(f"{where}: {match.group(0)!r} ({term})")
    return found


def message_texts() -> dict[str, list[tuple[str, str]]]:
    vi: list[tuple[str, str]] = []
    en: list[tuple[str, str]] = []
    for table_name in ("MESSAGES", "OS_DETAILS"):
        for code, (v, e) in getattr(messages, table_name).items():
            vi.append((f"messages.{table_name}[{code}]", v))
            en.append((f"messages.{table_name}[{code}]", e))
    return {"vi": vi, "en": en}


def translation_texts() -> list[tuple[str, str]]:
    out = []
    for ts in sorted((resources_dir() / "translations").glob("*_vi.ts")):
        for context in ET.parse(ts).getroot().iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                text = message.findtext("translation") or ""
                out.append((f"{ts.name} {name}: {message.findtext('source')!r}", text))
    return out


def module_strings(path: Path) -> list[tuple[str, str]]:
    """Every string constant of a module but its docstrings (f-string parts included)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docstrings.add(id(first.value))
    return [(f"{path.name}:{node.lineno}", node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and id(node) not in docstrings]


def report_texts() -> list[tuple[str, str]]:
    folder = ROOT / "desktop_app" / "core" / "exchange"
    out = []
    for name in REPORT_MODULES:
        path = folder / f"{name}.py"
        assert path.is_file(), path
        out += module_strings(path)
    return out


def test_the_glossary_is_bilingual_and_its_rules_compile() -> None:
    terms = glossary()["terms"]
    ids = [t["id"] for t in terms]
    assert len(ids) == len(set(ids))
    for term in terms:
        assert term["vi"].strip() and term["en"].strip(), term["id"]
        assert unicodedata.is_normalized("NFC", term["vi"]), term["id"]
    words = {t["id"]: t for t in terms}
    assert words["consolidated_report"]["vi"] == "báo cáo tổng hợp"
    assert words["excel_file"]["vi"] == "tệp Excel"
    assert words["follow_up_procedure"]["vi"] == "thủ tục theo dõi"
    for lang in ("vi", "en"):
        assert forbidden(lang)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_messages_use_the_glossary(lang: str) -> None:
    assert offences(message_texts()[lang], lang) == []


def test_the_vietnamese_translations_use_the_glossary() -> None:
    texts = translation_texts()
    assert len(texts) > 100
    assert offences(texts, "vi") == []


def test_the_reports_use_the_glossary() -> None:
    texts = report_texts()
    assert offences(texts, "vi") == []
    assert offences(texts, "en") == []


def test_a_drifting_word_is_caught() -> None:
    planted = [("here", "Lưu thành Sổ tính Excel"), ("there", "Báo cáo quốc gia năm 2026"),
               ("ok", "Báo cáo quốc gia lần thứ tư của Việt Nam"),
               ("also", "khuyến nghị ưu tiên theo dõi")]
    found = offences(planted, "vi")
    assert {f.split(":")[0] for f in found} == {"here", "there", "also"}
    assert offences([("en", "Wrote the national report")], "en")
