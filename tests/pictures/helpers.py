"""Parse the SVG pictures out of a page, as XML."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

NS = {"svg": "http://www.w3.org/2000/svg"}


def svg(html: str, css_class: str) -> ET.Element:
    match = re.search(rf'<svg class="{css_class}".*?</svg>', html, re.S)
    assert match, f"no <svg class={css_class!r}> on the page"
    return ET.fromstring(match.group(0))


def q(tag: str) -> str:
    """A tag name in the SVG namespace, for find/findall/iter."""
    return f"{{{NS['svg']}}}{tag}"


def text_of(element: ET.Element) -> str:
    return " ".join("".join(element.itertext()).split())
