"""A corpus of messy leaked documents, generated here (texts written for the tests), each
with the provisions the importer must find: label and body (sanitised HTML), pinned.

PDFs are made with fpdf2 (running headers and footers, pages broken mid-sentence, one with
no text layer at all), the Word document with python-docx (automatic numbering, two list
levels), the web page by hand (navigation, advertising, comments around the article), and
the photographed page with Pillow (for OCR).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

FONT = Path(__file__).resolve().parents[2] / "apps" / "pictures" / "fonts" / "DejaVuSans.ttf"


@dataclass
class Case:
    name: str  # a file name: its extension tells the importer what it is
    build: Callable[[], bytes]
    expected: list[tuple[str, str]]  # (label, body)
    ocr: bool = False


def p(text: str) -> str:
    return f"<p>{text}</p>"


def ul(*items: str) -> str:
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


# --- PDF -----------------------------------------------------------------------------------


def pdf(pages: list[list[str]], *, header=None, footer=None) -> bytes:
    """A PDF whose pages hold exactly these lines, under `header(n, total)` lines and over
    `footer(n, total)` lines."""
    from fpdf import FPDF

    total = len(pages)

    class Leak(FPDF):
        def header(self):
            if header:
                self.set_font("helvetica", size=8)
                for line in header(self.page_no(), total):
                    self.cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")
                self.ln(4)

        def footer(self):
            if footer:
                self.set_y(-20)
                self.set_font("helvetica", size=8)
                for line in footer(self.page_no(), total):
                    self.cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")

    document = Leak()
    document.set_auto_page_break(False)
    for lines in pages:
        document.add_page()
        document.set_font("helvetica", size=11)
        for line in lines:
            document.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(document.output())


def pdf_framework() -> bytes:
    return pdf(
        [
            [
                "Framework for a settlement",
                "",
                "Security guarantees",
                "",
                "1. Ukraine receives a guarantee modelled on",
                "Article 5 of the Washington Treaty.",
                "2. Europe joins the guarantee.",
                "3. The guarantee lapses if Ukraine",
            ],
            [
                "invades Russia.",
                "",
                "Territory",
                "",
                "4. Crimea is recognised de facto.",
                "5. The line of contact is frozen",
                "along the positions held on the day",
            ],
            ["the agreement is signed.", "6. Elections are held within 100 days."],
        ],
        header=lambda n, total: [f"DRAFT - NOT FOR DISTRIBUTION    Page {n} of {total}"],
        footer=lambda n, total: ["6 December 2026", f"- {n} -"],
    )


PDF_FRAMEWORK = [
    ("1", p("Ukraine receives a guarantee modelled on Article 5 of the Washington Treaty.")),
    ("2", p("Europe joins the guarantee.")),
    ("3", p("The guarantee lapses if Ukraine invades Russia.")),
    ("4", p("Crimea is recognised de facto.")),
    (
        "5",
        p(
            "The line of contact is frozen along the positions held on the day the agreement "
            "is signed."
        ),
    ),
    ("6", p("Elections are held within 100 days.")),
]


def pdf_articles() -> bytes:
    return pdf(
        [
            [
                "Article 1",
                "(1) The parties cease fire at midnight.",
                "(2) Observers verify the ceasefire.",
                "Article 2 - Prisoners",
                "All prisoners are exchanged, all for all.",
            ],
            [
                "Article 3: Sanctions are lifted in stages:",
                "a) first those on food and fertiliser;",
                "b) then those on banks.",
            ],
        ],
        header=lambda n, total: ["SECRET // REL TO EU", "Ministry of Foreign Affairs"],
        footer=lambda n, total: [f"Page {n}"],
    )


PDF_ARTICLES = [
    ("1", ul("(1) The parties cease fire at midnight.", "(2) Observers verify the ceasefire.")),
    ("2", p("All prisoners are exchanged, all for all.")),
    (
        "3",
        p("Sanctions are lifted in stages:")
        + ul("a) first those on food and fertiliser;", "b) then those on banks."),
    ),
]


# --- Word ----------------------------------------------------------------------------------


def docx_numbered() -> bytes:
    """Word's automatic numbering: "1." at the first level, "a)" at the second, written
    nowhere in the text, only in the numbering definitions."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.append(
        parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
            '<w:lvlText w:val="%1."/></w:lvl>'
            '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/>'
            '<w:lvlText w:val="%2)"/></w:lvl></w:abstractNum>'
        )
    )
    numbering.append(
        parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>')
    )

    def item(text: str, level: int) -> None:
        paragraph = document.add_paragraph(text)
        paragraph._p.get_or_add_pPr().append(
            parse_xml(
                f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'
            )
        )

    document.add_heading("Joint statement on the ceasefire", 1)
    document.add_paragraph("The parties agree as follows.")
    item("The ceasefire starts on the day of signature.", 0)
    item("A commission monitors it:", 0)
    item("with members from both sides;", 1)
    item("chaired by a neutral country.", 1)
    item("Heavy weapons withdraw 15 km.", 0)
    document.add_paragraph("Bullets stay bullets:", style="List Bullet")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


DOCX_NUMBERED = [
    # A title over introductory text: proposed as the preamble, for the editor to untick.
    ("—", p("Joint statement on the ceasefire") + p("The parties agree as follows.")),
    ("1", p("The ceasefire starts on the day of signature.")),
    (
        "2",
        p("A commission monitors it:")
        + ul("a) with members from both sides;", "b) chaired by a neutral country."),
    ),
    ("3", p("Heavy weapons withdraw 15 km.") + ul("Bullets stay bullets:")),
]


# --- Web page ------------------------------------------------------------------------------

ARTICLE_PAGE = """<!doctype html>
<html lang="en"><head><title>Exclusive: the plan | Daily Example</title>
<script>var ads = [];</script><style>body { color: red }</style></head>
<body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<div class="cookie-banner">We use cookies. 1. Accept all.</div></header>
<div class="ad-slot">Advertisement: 2. Buy now.</div>
<main>
<article>
<h1>Exclusive: the full text of the plan</h1>
<p class="byline">By A. Reporter, 6 December 2026</p>
<p>The document, seen by the Daily Example, reads:</p>
<ol>
<li>The parties cease fire along the line of contact.</li>
<li>Foreign troops leave within &quot;90 days&quot; &amp; bases close.</li>
<li>A referendum is held in the spring.</li>
</ol>
<div class="related-links"><ul><li>Related: 3. Earlier drafts</li></ul></div>
</article>
<section class="comments"><h2>Comments</h2><p>4. First!</p></section>
</main>
<aside>Most read: 5. Something else</aside>
<footer>Copyright 2026 Daily Example</footer>
</body></html>
"""

HTML_ARTICLE = [
    (
        "—",
        p("Exclusive: the full text of the plan")
        + p("The document, seen by the Daily Example, reads:"),
    ),
    ("1", p("The parties cease fire along the line of contact.")),
    ("2", p('Foreign troops leave within "90 days" &amp; bases close.')),
    ("3", p("A referendum is held in the spring.")),
]


# --- Images for OCR ------------------------------------------------------------------------

OCR_LINES = [
    "1. The ceasefire starts at noon.",
    "2. Prisoners are exchanged.",
    "3. Sanctions are lifted in stages.",
    "4. Elections are held in spring.",
    "5. A commission monitors the deal.",
]
OCR_EXPECTED = [(line[0], p(line[3:])) for line in OCR_LINES]


def page_image(lines: list[str], *, fmt: str = "PNG") -> bytes:
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(str(FONT), 28)
    image = Image.new("RGB", (1100, 120 + 52 * len(lines)), "white")
    draw = ImageDraw.Draw(image)
    for row, line in enumerate(lines):
        draw.text((60, 60 + 52 * row), line, fill="black", font=font)
    buffer = io.BytesIO()
    image.save(buffer, format=fmt)
    return buffer.getvalue()


def scanned_pdf() -> bytes:
    """A PDF with no text layer: one image of a page, as a scanner makes it."""
    from fpdf import FPDF

    document = FPDF()
    document.add_page()
    document.image(io.BytesIO(page_image(OCR_LINES)), x=10, y=10, w=190)
    return bytes(document.output())


# --- Texts, one numbering style each -------------------------------------------------------


def text(value: str) -> Callable[[], bytes]:
    return lambda: value.encode()


CASES = [
    Case("framework.pdf", pdf_framework, PDF_FRAMEWORK),
    Case("articles.pdf", pdf_articles, PDF_ARTICLES),
    Case("statement.docx", docx_numbered, DOCX_NUMBERED),
    Case("article.html", lambda: ARTICLE_PAGE.encode(), HTML_ARTICLE),
    Case("photo.png", lambda: page_image(OCR_LINES), OCR_EXPECTED, ocr=True),
    Case("photo.jpg", lambda: page_image(OCR_LINES, fmt="JPEG"), OCR_EXPECTED, ocr=True),
    Case("scan.pdf", scanned_pdf, OCR_EXPECTED, ocr=True),
    Case(
        "spaced.txt",
        text("10. Ten.\n11 . Eleven, as typed.\n12 ) Twelve.\n"),
        [("10", p("Ten.")), ("11", p("Eleven, as typed.")), ("12", p("Twelve."))],
    ),
    Case(
        "brackets.txt",
        text("(1) Troops withdraw.\n(2) Mines are cleared\nwithin a year.\n"),
        [("1", p("Troops withdraw.")), ("2", p("Mines are cleared within a year."))],
    ),
    Case(
        "points.md",
        text("**Point 1:** Borders are frozen.\n\nPoint 2 - Trade resumes.\n"),
        [("1", p("Borders are frozen.")), ("2", p("Trade resumes."))],
    ),
    Case(
        "paragraphs.txt",
        text("§ 1 The treaty enters into force.\n§2. It is registered\nwith the UN.\n"),
        [("1", p("The treaty enters into force.")), ("2", p("It is registered with the UN."))],
    ),
    Case(
        "decimal.txt",
        text("1. Security\n1.1 A joint commission.\n1.2 A hotline.\n2. Economy recovers.\n"),
        [("1", ul("1.1 A joint commission.", "1.2 A hotline.")), ("2", p("Economy recovers."))],
    ),
    Case(
        "sections.txt",
        text(
            "I. Security guarantees\n1. A guarantee is given.\n2. Europe joins it.\n\n"
            "II. Territory\n1. Crimea is recognised.\n2. The line is frozen.\n"
        ),
        [
            ("I.1", p("A guarantee is given.")),
            ("I.2", p("Europe joins it.")),
            ("II.1", p("Crimea is recognised.")),
            ("II.2", p("The line is frozen.")),
        ],
    ),
    Case(
        "roman.txt",
        text("I. The parties agree to a ceasefire.\nII. Prisoners are exchanged.\n"),
        [("I", p("The parties agree to a ceasefire.")), ("II", p("Prisoners are exchanged."))],
    ),
    Case(
        "letters.txt",
        text("1. The parties:\n(a) meet monthly;\nb. Agree by consensus.\n2. Bullets:\n• one\n"),
        [
            ("1", p("The parties:") + ul("(a) meet monthly;", "b. Agree by consensus.")),
            ("2", p("Bullets:") + ul("one")),
        ],
    ),
    Case(
        "pages.txt",
        text(
            "CONFIDENTIAL\n1. The first point runs\nRev. 3 - 6/12/2026\n\fCONFIDENTIAL\n"
            "onto the next page.\n2. Second.\nRev. 3 - 6/12/2026\n\fCONFIDENTIAL\n"
            "3. Third.\nRev. 3 - 6/12/2026\n"
        ),
        [
            ("1", p("The first point runs onto the next page.")),
            ("2", p("Second.")),
            ("3", p("Third.")),
        ],
    ),
]
