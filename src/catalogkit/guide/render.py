"""Guides as Markdown, print-ready HTML and JSON. Jinja2 is kept behind this module;
HTML autoescapes every value, Markdown escapes catalog text, and the JSON-LD block
cannot close its script element."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from functools import lru_cache
from typing import Any

import jinja2

from .build import Guide
from .labels import LABELS

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|!])")


def md(text: object) -> str:
    """Catalog text as literal Markdown: no markup, no raw HTML, one line."""
    return _MD_SPECIAL.sub(r"\\\1", str(text)).replace("\n", " ")


@lru_cache(maxsize=2)
def _environment(html: bool) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("catalogkit.guide", "templates"),
        autoescape=html,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    env.globals.update(md=md, cell=md)
    return env


def json_ld(g: Guide) -> str:
    """schema.org GovernmentService, safe inside <script> (no `<` left unescaped)."""
    channels = [
        {
            "@type": "ServiceChannel",
            "name": stop.venue,
            "serviceLocation": {
                "@type": "GovernmentOffice",
                "name": stop.venue,
                "address": stop.address,
            },
            "servicePhone": [{"@type": "ContactPoint", "telephone": p} for p in stop.phones],
        }
        for stop in g.route
    ]
    body = {
        "@context": "https://schema.org",
        "@type": "GovernmentService",
        "name": g.matter["name"],
        "identifier": g.matter["implementation_code"],
        "serviceType": g.matter["type"],
        "serviceOperator": {"@type": "GovernmentOrganization", "name": g.matter["department"]},
        "jurisdiction": {
            "@type": "AdministrativeArea",
            "name": g.locality["name"],
            "identifier": g.locality["code"],
        },
        "audience": {
            "@type": "Audience",
            "audienceType": "、".join(g.matter["service_objects"] or []),
        },
        "availableChannel": channels,
    }
    if g.matter["service_objects"] is None:  # not known yet (a draft): not said at all
        del body["audience"]
    text = json.dumps(body, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


# The print button's only script: no inline event handler, so that a page served with
# a Content-Security-Policy can allow exactly this text by its hash (`csp_hashes`).
PRINT_SCRIPT = (
    'document.addEventListener("DOMContentLoaded",function(){'
    'var b=document.querySelector("button.print");'
    'if(b){b.addEventListener("click",function(){window.print();});}});'
)


@lru_cache(maxsize=1)
def guide_css() -> str:
    """The print stylesheet inlined into HTML guides (a guide is one self-contained file)."""
    return _environment(False).get_template("guide.css.j2").render()


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


@lru_cache(maxsize=1)
def csp_hashes() -> tuple[str, str]:
    """CSP sources for the HTML guide's one <style> and one <script>: (style, script)."""
    return _hash(guide_css()), _hash(PRINT_SCRIPT)


def render(g: Guide, fmt: str, lang: str = "zh") -> str:
    if fmt == "json":
        return json.dumps(g.as_dict(), ensure_ascii=False, indent=2) + "\n"
    html = fmt == "html"
    template = _environment(html).get_template("guide.html.j2" if html else "guide.md.j2")
    context: dict[str, Any] = {"g": g, "labels": LABELS[lang], "lang": lang}
    if html:
        context.update(jsonld=json_ld(g), css=guide_css(), script=PRINT_SCRIPT)
    return template.render(**context)


def render_page(template: str, **context: Any) -> str:
    """A printable HTML page (venue list, booklet) with every value escaped."""
    return _environment(True).get_template(template).render(**context)
