"""Read an uploaded leak into text for the parser: PDF (text layer, or OCR when it has none),
Word (.docx, its automatic numbering written out as labels), a saved web page (the article's
main text), a photographed or scanned page (OCR with Tesseract), or plain text.

Pages are separated by form feeds, so the parser's furniture detection sees the PDF's page
boundaries. Every refusal is an UnreadableFile whose message is meant for the editor: a
file over the configured size or page count, an encrypted, corrupt or decompression-bomb
file, or OCR missing on the server.
"""

from __future__ import annotations

import hashlib
import io
import re
import shutil
import subprocess
import zipfile
from dataclasses import dataclass
from html.parser import HTMLParser

from django.conf import settings

OCR_TIMEOUT = 120  # seconds per page image
MAX_UNZIPPED = 50 * 1024 * 1024  # bytes a .docx may unpack to (its XML), a zip-bomb guard
MAX_UNZIP_RATIO = 200  # and at most this many times its own size


class UnreadableFile(ValueError):
    """The file cannot be imported; the message says why, for the editor."""


@dataclass
class Extracted:
    text: str  # pages separated by form feeds
    kind: str  # "PDF", "Word document", "web page", "image", "text"
    pages: int = 1
    ocr: bool = False


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def extract(name: str, data: bytes) -> Extracted:
    """The text of the uploaded file `name` with contents `data`, or UnreadableFile."""
    limit = settings.IMPORT_MAX_FILE_BYTES
    if len(data) > limit:
        raise UnreadableFile(
            f"{name} is too large to import ({len(data) / 1e6:.1f} MB; at most "
            f"{limit / 1e6:.1f} MB)."
        )
    if not data:
        raise UnreadableFile(f"{name} is empty.")
    lower = name.lower()
    if data.startswith(b"%PDF"):
        return _pdf(name, data)
    if data.startswith(b"PK\x03\x04"):
        if lower.endswith(".docx"):
            return _docx(name, data)
        raise UnreadableFile(f"{name} is a zip archive; upload a .docx, PDF or text file.")
    if data.startswith((b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")):
        return _image(name, data)
    if lower.endswith((".doc", ".odt", ".rtf", ".pages")):
        raise UnreadableFile(f"{name}: save it as .docx or PDF first.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UnreadableFile(
            f"{name} is neither a PDF, a .docx, a PNG or JPEG image, nor UTF-8 text."
        ) from None
    if lower.endswith((".html", ".htm")) or re.match(r"\s*<(?:!doctype|html)", text, re.I):
        return Extracted(main_text(text), "web page")
    return Extracted(text, "text")


# --- PDF ---------------------------------------------------------------------------------


def _pdf(name: str, data: bytes) -> Extracted:
    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError, LimitReachedError, PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise FileNotDecryptedError
        count = len(reader.pages)
        _check_pages(name, count)
        texts = [page.extract_text() or "" for page in reader.pages]
        if any(t.strip() for t in texts):
            return Extracted("\f".join(texts), "PDF", count)
        # No text layer: a scan. Its pages are images; read them with OCR.
        pages = []
        for page in reader.pages:
            pages.append("\n".join(ocr(image.data) for image in page.images))
        return Extracted("\f".join(pages), "PDF", count, ocr=True)
    except FileNotDecryptedError:
        raise UnreadableFile(
            f"{name} is encrypted (password-protected): save an unprotected copy and upload that."
        ) from None
    except LimitReachedError:
        raise UnreadableFile(
            f"{name} unpacks to far more data than a document holds (a “zip bomb”, or a "
            "damaged file): it was not read."
        ) from None
    except UnreadableFile:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        raise UnreadableFile(
            f"{name} is damaged or not a valid PDF: it could not be read."
        ) from None


def _check_pages(name: str, count: int) -> None:
    limit = settings.IMPORT_MAX_PAGES
    if count > limit:
        raise UnreadableFile(f"{name} has {count:,} pages; at most {limit:,} can be imported.")


# --- Word ----------------------------------------------------------------------------------

_FORMATS = {
    "decimal": str,
    "lowerLetter": lambda n: _letters(n),
    "upperLetter": lambda n: _letters(n).upper(),
    "lowerRoman": lambda n: _roman(n).lower(),
    "upperRoman": lambda n: _roman(n),
}


def _docx(name: str, data: bytes) -> Extracted:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile:
        raise UnreadableFile(f"{name} is damaged or not a valid .docx file.") from None
    if unpacked > min(MAX_UNZIPPED, MAX_UNZIP_RATIO * len(data)):
        raise UnreadableFile(
            f"{name} unpacks to far more data than a document holds (a “zip bomb”, or a "
            "damaged file): it was not read."
        )
    try:
        document = docx.Document(io.BytesIO(data))
        return Extracted(_docx_text(document), "Word document")
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile):
        raise UnreadableFile(f"{name} is damaged or not a valid .docx file.") from None
    except Exception as exc:  # lxml's syntax errors and the like: a damaged file
        if exc.__class__.__module__.startswith(("lxml", "docx")):
            raise UnreadableFile(f"{name} is damaged or not a valid .docx file.") from None
        raise


def _docx_text(document) -> str:
    """The body's paragraphs, one a line, each automatic list number written out ("3.",
    "b)") as Word shows it; headings stand alone as paragraphs."""
    numbering = _Numbering(document)
    lines = []
    for paragraph in document.paragraphs:
        text = paragraph.text.strip()
        if not text:
            lines.append("")
            continue
        style = paragraph.style.name if paragraph.style is not None else ""
        if style.startswith(("Heading", "Title")):
            lines.extend(["", text, ""])
            continue
        label = numbering.label(paragraph)
        lines.append(f"{label} {text}" if label else text)
    return "\n".join(lines)


class _Numbering:
    """Word's list numbering, counted as Word counts it: per list, per level, a level's
    counter restarting whenever a higher level moves on."""

    def __init__(self, document) -> None:
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.counters: dict[str, list[int]] = {}
        try:
            root = document.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            return
        abstract = {}
        for node in root.findall(_w("abstractNum")):
            levels = {}
            for lvl in node.findall(_w("lvl")):
                fmt = _val(lvl.find(_w("numFmt")), "decimal")
                text = _val(lvl.find(_w("lvlText")), "")
                start = int(_val(lvl.find(_w("start")), "1") or 1)
                levels[int(lvl.get(_w("ilvl"), "0"))] = (fmt, text, start)
            abstract[node.get(_w("abstractNumId"))] = levels
        for num in root.findall(_w("num")):
            ref = num.find(_w("abstractNumId"))
            self.levels[num.get(_w("numId"))] = abstract.get(_val(ref, ""), {})

    def label(self, paragraph) -> str:
        num_id, level = _num_pr(paragraph)
        if num_id is None or num_id == "0" or num_id not in self.levels:
            return ""
        levels = self.levels[num_id]
        fmt, text, start = levels.get(level, ("decimal", f"%{level + 1}.", 1))
        if fmt == "bullet" or fmt == "none":
            return "•" if fmt == "bullet" else ""
        counters = self.counters.setdefault(num_id, [])
        while len(counters) <= level:
            depth = len(counters)
            counters.append(levels.get(depth, ("", "", 1))[2] - 1)
        counters[level] += 1
        for deeper in range(level + 1, len(counters)):
            counters[deeper] = levels.get(deeper, ("", "", 1))[2] - 1
        label = text
        for depth in range(level, -1, -1):
            depth_fmt = levels.get(depth, ("decimal", "", 1))[0]
            shown = _FORMATS.get(depth_fmt, str)(max(counters[depth], 1))
            label = label.replace(f"%{depth + 1}", shown)
        return label


def _num_pr(paragraph) -> tuple[str | None, int]:
    """The paragraph's list (numId) and level, set on it or on its style (or the style's
    base styles, as "List Number" does)."""
    candidates = [paragraph._p.pPr]
    style = paragraph.style
    while style is not None:
        candidates.append(style.element.pPr)
        style = style.base_style
    for ppr in candidates:
        if ppr is None or ppr.numPr is None:
            continue
        num_pr = ppr.numPr
        num_id = num_pr.numId.val if num_pr.numId is not None else None
        level = num_pr.ilvl.val if num_pr.ilvl is not None else 0
        if num_id is not None:
            return str(num_id), int(level)
    return None, 0


def _w(tag: str) -> str:
    return f"{{http://schemas.openxmlformats.org/wordprocessingml/2006/main}}{tag}"


def _val(node, default: str) -> str:
    return default if node is None else node.get(_w("val"), default)


def _letters(n: int) -> str:
    # Word's a…z, then aa, bb…
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _roman(n: int) -> str:
    out = ""
    for value, numeral in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while n >= value:
            out, n = out + numeral, n - value
    return out


# --- Web pages -----------------------------------------------------------------------------

_SKIPPED = frozenset(
    {"script", "style", "noscript", "template", "svg", "iframe", "form", "button", "select"}
    | {"nav", "header", "footer", "aside", "figure", "head", "title"}
)
_BLOCKS = frozenset(
    {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section"}
    | {"article", "main", "br", "tr", "dd", "dt", "pre", "ul", "ol", "table"}
)
_VOID = frozenset({"br", "img", "hr", "meta", "link", "input", "wbr", "source", "area", "col"})
# Class or id names of a page's clutter: advertising, comments, sharing, related links…
_CLUTTER = re.compile(
    r"(?:^|[-_ ])(?:ad|ads|advert\w*|sponsor\w*|promo\w*|comments?|share|sharing|social|"
    r"related|recommended|newsletter|subscribe|cookie\w*|banner|sidebar|menu|nav\w*|"
    r"breadcrumbs?|footer|header|byline|caption|paywall|outbrain|taboola)(?:$|[-_ ])",
    re.IGNORECASE,
)


class _PageReader(HTMLParser):
    """The text of a web page's main article: inside <article> (or <main>) if it has one,
    without navigation, headers and footers, asides, scripts, forms, or elements whose
    class or id marks them as advertising, comments or sharing. Ordered lists get their
    numbers back ("3."), since the browser drew them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # (tag, skipped)
        self.chunks: list[tuple[int, str]] = []  # (article depth > 0, text)
        self.lists: list[list[int]] = []  # per open list: [ordered?, counter]
        self.in_article = 0
        self.saw_article = False

    def handle_starttag(self, tag, attrs):
        if tag in _VOID:
            if tag == "br":
                self._text("\n")
            return
        attrs = dict(attrs)
        marker = " ".join(filter(None, [attrs.get("class"), attrs.get("id"), attrs.get("role")]))
        skipped = self._skipping() or tag in _SKIPPED or bool(_CLUTTER.search(marker))
        if tag in {"article", "main"} and not skipped:
            self.in_article += 1
            self.saw_article = True
        self.stack.append((tag, skipped))
        if tag in {"ol", "ul"}:
            start = attrs.get("start") or "1"
            self.lists.append([tag == "ol", int(start) - 1 if start.isdigit() else 0])
        if tag in _BLOCKS:
            self._text("\n\n" if tag in {"p", "h1", "h2", "h3", "h4", "h5", "h6"} else "\n")
        if tag == "li" and self.lists and self.lists[-1][0]:
            self.lists[-1][1] += 1
            self._text(f"{self.lists[-1][1]}. ")

    def handle_endtag(self, tag):
        if tag in _VOID or not any(t == tag for t, _ in self.stack):
            return
        while self.stack:
            open_tag, skipped = self.stack.pop()
            if open_tag in {"article", "main"} and not skipped:
                self.in_article -= 1
            if open_tag in {"ol", "ul"} and self.lists:
                self.lists.pop()
            if open_tag == tag:
                break
        if tag in _BLOCKS:
            self._text("\n\n" if tag in {"p", "h1", "h2", "h3", "h4", "h5", "h6"} else "\n")

    def handle_data(self, data):
        if not self._skipping():
            self._text(" ".join(data.split()) if data.strip() else (" " if data else ""))

    def _skipping(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def _text(self, text: str) -> None:
        self.chunks.append((self.in_article > 0, text))

    def text(self) -> str:
        chunks = [t for inside, t in self.chunks if inside or not self.saw_article]
        joined = "".join(chunks)
        lines = [line.strip() for line in joined.split("\n")]
        return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def main_text(page: str) -> str:
    reader = _PageReader()
    reader.feed(page)
    reader.close()
    return reader.text()


# --- OCR -----------------------------------------------------------------------------------


def ocr_available() -> bool:
    return shutil.which("tesseract") is not None


def _image(name: str, data: bytes) -> Extracted:
    return Extracted(ocr(data, name=name), "image", ocr=True)


def ocr(data: bytes, *, name: str = "the image") -> str:
    """The text Tesseract reads in an image (greyscale PNG on its standard input)."""
    from PIL import Image, UnidentifiedImageError

    if not ocr_available():
        raise UnreadableFile(
            "Reading images needs Tesseract OCR, which is not installed on this server "
            "(Debian: apt-get install tesseract-ocr; `make ocr`)."
        )
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            grey = image.convert("L")
    except Image.DecompressionBombError:
        raise UnreadableFile(
            f"{name} has far more pixels than a photographed page: it was not read."
        ) from None
    except (UnidentifiedImageError, OSError, ValueError):
        raise UnreadableFile(f"{name} is damaged or not an image that can be read.") from None
    png = io.BytesIO()
    grey.save(png, format="PNG")
    try:
        done = subprocess.run(
            # One block of text: with page segmentation, the column of point numbers at
            # the margin is read as a column of its own, and lost from the points.
            ["tesseract", "stdin", "stdout", "--psm", "6", "-l", "eng"],
            input=png.getvalue(),
            capture_output=True,
            timeout=OCR_TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise UnreadableFile(f"Reading {name} with OCR took too long.") from None
    if done.returncode != 0:
        raise UnreadableFile(f"OCR could not read {name}.")
    return done.stdout.decode("utf-8", "replace")
