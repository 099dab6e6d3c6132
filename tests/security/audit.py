"""Read a rendered page the way a browser would and list every piece of live markup that
editor text (or request input) managed to create.

Our templates produce a known set of tags and attributes. Anything else, any event
handler, any htmx attribute other than ours, any dangerous URL, and any XSS marker found
inside a tag's attribute list, a comment or a script/style element is a finding.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

MARKER_RE = re.compile(r"XSS\d{3}")

# Every tag our templates (and the sanitiser's allow-list) produce on public pages.
KNOWN_TAGS = frozenset(
    {
        "html",
        "head",
        "meta",
        "title",
        "link",
        "script",
        "body",
        "a",
        "header",
        "nav",
        "main",
        "footer",
        "section",
        "article",
        "h1",
        "h2",
        "h3",
        "p",
        "ul",
        "ol",
        "li",
        "div",
        "span",
        "dl",
        "dt",
        "dd",
        "form",
        "label",
        "select",
        "option",
        "input",
        "button",
        "fieldset",
        "legend",
        "details",
        "summary",
        "time",
        "cite",
        "strong",
        "em",
        "br",
        "blockquote",
        "ins",
        "del",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "q",
    }
)
# Tags editor content must never produce, whatever else is allowed.
DANGEROUS_TAGS = frozenset(
    {
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "applet",
        "svg",
        "math",
        "base",
        "style",
        "img",
        "video",
        "audio",
        "source",
        "image",
        "isindex",
        "template",
        "noscript",
        "textarea",
        "keygen",
        "marquee",
        "xmp",
        "plaintext",
    }
)
KNOWN_ATTRIBUTES = frozenset(
    {
        "class",
        "id",
        "href",
        "rel",
        "title",
        "role",
        "lang",
        "charset",
        "name",
        "content",
        "property",
        "type",
        "src",
        "defer",
        "nonce",
        "method",
        "action",
        "for",
        "value",
        "selected",
        "checked",
        "readonly",
        "rows",
        # the Follow by email form (apps/alerts)
        "required",
        "maxlength",
        "autocomplete",
        "aria-invalid",
        "aria-describedby",
        "hidden",
        "tabindex",
        "open",
        "datetime",
        "scope",
        "aria-label",
        "aria-labelledby",
        "aria-live",
        "aria-hidden",
        "data-canonical",
        "data-copy-target",
        "data-hx-get",
        "data-hx-target",
        "data-hx-swap",
        "data-hx-push-url",
        "data-hx-trigger",
        "data-hx-headers",
        "data-announce",
    }
)
# Attributes whose value is shown as text (escaped editor text may live there).
TEXT_ATTRIBUTES = frozenset({"content", "title", "aria-label", "value", "data-canonical"})
URL_ATTRIBUTES = frozenset(
    {
        "href",
        "src",
        "action",
        "formaction",
        "xlink:href",
        "poster",
        "data",
        "background",
        "srcdoc",
        "lowsrc",
        "dynsrc",
        "cite",
        "longdesc",
        "ping",
        "manifest",
        "codebase",
        "archive",
        "icon",
        "to",
        "from",
        "values",
    }
)
LINK_RELS = frozenset({"stylesheet", "canonical", "alternate", "icon"})
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
HTMX_CONFIG = (
    '{"historyRestoreAsHxRequest": false, "includeIndicatorStyles": false, "allowEval": false}'
)
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
_STRIP = "".join(chr(c) for c in range(0x21))


def url_scheme(value: str) -> str | None:
    """The scheme a browser would read in an (already entity-decoded) URL, lowercased."""
    cleaned = value.strip(_STRIP)
    cleaned = cleaned.replace("\t", "").replace("\n", "").replace("\r", "")
    match = _SCHEME.match(cleaned)
    return match.group(1).lower() if match else None


def unsafe_url(value: str) -> bool:
    scheme = url_scheme(value)
    return scheme is not None and scheme not in SAFE_SCHEMES


class _Auditor(HTMLParser):
    def __init__(self, *, editor_only: bool):
        super().__init__(convert_charrefs=True)
        self.editor_only = editor_only
        self.problems: list[str] = []
        self.stack: list[str] = []
        self.tags: set[str] = set()

    def _problem(self, text: str) -> None:
        self.problems.append(text)

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        where = f"<{tag} {' '.join(f'{k}={v!r}' for k, v in attrs)[:300]}>"
        allowed_tags = (
            {"p", "br", "em", "strong", "ul", "ol", "li", "blockquote", "a"}
            if self.editor_only
            else KNOWN_TAGS
        )
        values = dict(attrs)
        # Our own read-only snippet box (the "Embed" control) is the one textarea a page has.
        ours = (
            not self.editor_only
            and tag == "textarea"
            and values.get("class") == "embed-code"
            and "readonly" in values
        )
        if not ours and (tag not in allowed_tags or tag in DANGEROUS_TAGS):
            self._problem(f"unexpected tag {where}")
        if tag == "script":
            src = values.get("src") or ""
            if not src.startswith("/static/") or MARKER_RE.search(src):
                self._problem(f"script that is not one of our static files: {where}")
        if tag == "meta":
            if "http-equiv" in values:
                self._problem(f"meta http-equiv: {where}")
            if values.get("name") == "htmx-config" and values.get("content") != HTMX_CONFIG:
                self._problem(f"htmx-config meta that is not ours: {where}")
        if tag == "link" and values.get("rel") not in LINK_RELS:
            self._problem(f"unexpected link rel: {where}")
        for name, value in attrs:
            value = value or ""
            if MARKER_RE.search(name):
                self._problem(f"marker in an attribute name: {where}")
            if name.startswith("on"):
                self._problem(f"event handler attribute {name!r}: {where}")
            if name not in KNOWN_ATTRIBUTES:
                self._problem(f"unexpected attribute {name!r}: {where}")
            # Our htmx attributes sit on these elements only; anywhere else one is injected.
            if name.startswith("data-hx-") and tag not in {
                "body",
                "form",
                "a",
                "details",
                "section",
            }:
                self._problem(f"htmx attribute {name!r} on <{tag}>: {where}")
            if name.startswith(("hx-", "data-hx-")) and MARKER_RE.search(value):
                self._problem(f"marker in htmx attribute {name!r}: {where}")
            if name in URL_ATTRIBUTES and unsafe_url(value):
                self._problem(f"dangerous URL in {name!r}: {where}")
            if name == "style":
                self._problem(f"inline style: {where}")
            # A link the sanitiser kept may quote a neutralised payload as a relative URL
            # ("&#0;javascript:…" arrives as the literal text, entity not decoded): inert.
            relative_link = tag == "a" and name == "href" and url_scheme(value) is None
            if MARKER_RE.search(value) and name not in TEXT_ATTRIBUTES and not relative_link:
                self._problem(f"marker inside attribute {name!r}: {where}")
        if tag not in {"meta", "link", "input", "br"}:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if self.stack and self.stack[-1] == tag:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass

    def handle_data(self, data):
        if self.stack and self.stack[-1] in {"script", "style"} and MARKER_RE.search(data):
            self._problem(f"marker inside <{self.stack[-1]}>: {data[:200]!r}")

    def handle_comment(self, data):
        if MARKER_RE.search(data):
            self._problem(f"marker inside a live comment: {data[:200]!r}")

    def handle_pi(self, data):
        self._problem(f"processing instruction in HTML: {data[:200]!r}")

    def unknown_decl(self, data):
        self._problem(f"declaration in HTML: {data[:200]!r}")


# A browser reads a <textarea>'s content as text up to the first </textarea> (RCDATA), while
# Python's parser reads tags there; "<" inside is escaped first so both read it the same way.
_TEXTAREA = re.compile(r"(<textarea\b[^>]*>)(.*?)(</textarea\s*>)", re.IGNORECASE | re.DOTALL)


def _textarea_as_text(match: re.Match) -> str:
    return match.group(1) + match.group(2).replace("<", "&lt;") + match.group(3)


def audit_html(html: str, *, editor_only: bool = False) -> list[str]:
    """Findings for a whole page (or, with editor_only, a fragment of sanitised editor HTML)."""
    auditor = _Auditor(editor_only=editor_only)
    auditor.feed(_TEXTAREA.sub(_textarea_as_text, html))
    auditor.close()
    return auditor.problems


def raw_payload_leaks(html: str, payloads: list[str]) -> list[str]:
    """Plain-text payloads that open a tag must never appear unescaped.

    (Quotes may legitimately stay unescaped in text; a quote that broke out of an attribute
    shows up as an unexpected attribute, which `audit_html` reports.)"""
    return [p for p in payloads if "<" in p and p in html]


ATOM = "{http://www.w3.org/2005/Atom}"


def audit_atom(xml_bytes: bytes) -> list[str]:
    """Parse an Atom feed as XML; audit HTML content as HTML, check every link's scheme."""
    problems: list[str] = []
    try:
        root = ET.fromstring(xml_bytes)
    except ET.ParseError as exc:
        return [f"feed is not well-formed XML: {exc}"]
    for element in root.iter():
        for name, value in element.attrib.items():
            if name == "href" and unsafe_url(value):
                problems.append(f"dangerous URL in feed <{element.tag} href={value!r}>")
            if MARKER_RE.search(name) or (name != "href" and MARKER_RE.search(value)):
                problems.append(f"marker in a feed attribute: {element.tag} {name}={value!r}")
        kind = element.attrib.get("type", "text")
        if kind in {"html", "xhtml"}:
            text = "".join(element.itertext())
            for p in audit_html(text, editor_only=True):
                problems.append(f"{element.tag.removeprefix(ATOM)} (type={kind}): {p}")
        if not element.tag.startswith(ATOM):
            problems.append(f"element outside the Atom namespace: {element.tag}")
    return problems
