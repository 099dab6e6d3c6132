"""Importing documents: the corpus of messy leaks (PDF, Word, web page, photographs and
scans), exactly right label by label and body by body; refusals with a message for files
too large, too long, encrypted, damaged or unpacking to a bomb."""

from __future__ import annotations

import io
import zipfile
import zlib

import pytest

from apps.imports.files import UnreadableFile, extract, ocr_available
from apps.imports.parser import parse
from tests.imports.corpus import CASES, pdf

needs_ocr = pytest.mark.skipif(
    not ocr_available(), reason="Tesseract OCR is not installed (make ocr installs it)"
)


def read(case):
    return [(p.label, p.body) for p in parse(extract(case.name, case.build()).text).proposals]


@pytest.mark.parametrize(
    "case",
    [pytest.param(c, id=c.name, marks=[needs_ocr] if c.ocr else []) for c in CASES],
)
def test_each_corpus_document_gives_exactly_its_provisions(case):
    assert read(case) == case.expected


def test_the_corpus_scores(capsys):
    """The share of provisions whose label and body come out exactly right: all of them
    from text layers; at least 95% of the labels from OCR (skipped cases excluded)."""
    scores = {"text": [0, 0, 0], "ocr": [0, 0, 0]}  # provisions, right, labels right
    for case in CASES:
        if case.ocr and not ocr_available():
            continue
        got = read(case)
        score = scores["ocr" if case.ocr else "text"]
        score[0] += len(case.expected)
        for index, (label, body) in enumerate(case.expected):
            found = got[index] if index < len(got) else ("", "")
            score[1] += found == (label, body)
            score[2] += found[0] == label
    text, ocr = scores["text"], scores["ocr"]
    with capsys.disabled():
        print(
            f"\nimport corpus: text layer {text[1]}/{text[0]} provisions exactly right; "
            f"OCR {ocr[1]}/{ocr[0]} exactly right, {ocr[2]}/{ocr[0]} labels right"
        )
    assert len(CASES) >= 12
    assert text[1] == text[0]
    if ocr[0]:
        assert ocr[2] / ocr[0] >= 0.95


def test_pdf_pages_arrive_as_pages():
    extracted = extract("framework.pdf", CASES[0].build())
    assert extracted.kind == "PDF"
    assert extracted.pages == 3
    assert extracted.text.count("\f") == 2
    assert "Page 2 of 3" in extracted.text.split("\f")[1]


def test_a_file_over_the_size_limit_is_refused(settings):
    settings.IMPORT_MAX_FILE_BYTES = 1000
    with pytest.raises(UnreadableFile) as refused:
        extract("big.txt", b"1. x\n" * 300)
    assert str(refused.value) == "big.txt is too large to import (0.0 MB; at most 0.0 MB)."


def test_a_pdf_over_the_page_limit_is_refused(settings):
    settings.IMPORT_MAX_PAGES = 2
    with pytest.raises(UnreadableFile, match="has 3 pages; at most 2 can be imported"):
        extract("long.pdf", CASES[0].build())


def test_an_encrypted_pdf_is_refused_with_a_message():
    from fpdf import FPDF

    document = FPDF()
    document.add_page()
    document.set_font("helvetica", size=11)
    document.cell(0, 6, "1. Secret point.")
    document.set_encryption(owner_password="owner", user_password="reader")
    with pytest.raises(UnreadableFile, match="is encrypted \\(password-protected\\)"):
        extract("locked.pdf", bytes(document.output()))


@pytest.mark.parametrize(
    "data",
    [
        pdf([["1. A point."]])[:400],  # cut short
        b"%PDF-1.7\n" + b"\x00garbage" * 100,
    ],
    ids=["truncated", "garbage"],
)
def test_a_damaged_pdf_is_refused_with_a_message(data):
    with pytest.raises(UnreadableFile, match="is damaged or not a valid PDF"):
        extract("broken.pdf", data)


def bomb_pdf(size: int) -> bytes:
    """A one-page PDF whose content stream inflates to `size` bytes of spaces."""
    stream = zlib.compress(b" " * size, 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def test_a_pdf_zip_bomb_is_refused_with_a_message():
    data = bomb_pdf(80_000_000)  # over pypdf's 75 MB limit for one stream
    assert len(data) < 200_000
    with pytest.raises(UnreadableFile, match="zip bomb"):
        extract("bomb.pdf", data)


def test_a_docx_zip_bomb_is_refused_before_it_is_unpacked():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"<" + b" " * 60_000_000 + b">")
    with pytest.raises(UnreadableFile, match="zip bomb"):
        extract("bomb.docx", buffer.getvalue())


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("broken.docx", b"PK\x03\x04" + b"\x00" * 50, "is damaged or not a valid .docx"),
        ("old.doc", b"\xd0\xcf\x11\xe0binary", "save it as .docx or PDF first"),
        ("blob.bin", b"\xff\xfe\x00binary\x80", "is neither a PDF, a .docx"),
        ("empty.pdf", b"", "is empty"),
        ("archive.zip", b"PK\x03\x04" + b"\x00" * 50, "is a zip archive"),
    ],
)
def test_other_unreadable_files_are_refused_with_a_message(name, data, message):
    with pytest.raises(UnreadableFile, match=message):
        extract(name, data)


@needs_ocr
def test_a_damaged_image_is_refused_with_a_message():
    with pytest.raises(UnreadableFile, match="damaged or not an image"):
        extract("photo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 40)


@needs_ocr
def test_an_image_with_far_too_many_pixels_is_refused_unread():
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("1", (20_000, 10_000)).save(buffer, format="PNG")  # 200 million pixels
    with pytest.raises(UnreadableFile, match="far more pixels than a photographed page"):
        extract("huge.png", buffer.getvalue())
