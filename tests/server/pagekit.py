"""Reading the server's HTML pages in tests: links, asset references, GET forms and
which section each link sits in (html.parser only, no browser)."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlencode, urljoin, urlsplit

ASSET_ATTRS = {("script", "src"), ("link", "href"), ("img", "src"), ("source", "src")}


@dataclass
class Form:
    action: str
    method: str
    buttons: list[tuple[str, str]] = field(default_factory=list)  # (name, value)


@dataclass
class Page(HTMLParser):
    """One parsed page: every href/src, the assets, GET forms, links per section id."""

    links: list[str] = field(default_factory=list)
    assets: list[str] = field(default_factory=list)
    forms: list[Form] = field(default_factory=list)
    sections: dict[str, list[str]] = field(default_factory=dict)
    _open: list[str | None] = field(default_factory=list)

    def __post_init__(self) -> None:
        HTMLParser.__init__(self, convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "section":
            self._open.append(a.get("id"))
        for name in ("href", "src"):
            if name in a:
                (self.assets if (tag, name) in ASSET_ATTRS else self.links).append(a[name])
                if tag == "a":
                    for sid in filter(None, self._open):
                        self.sections.setdefault(sid, []).append(a[name])
        if tag == "form":
            self.forms.append(Form(a.get("action", ""), a.get("method", "get").lower()))
        if tag == "button" and self.forms and a.get("name"):
            self.forms[-1].buttons.append((a["name"], a.get("value", "")))

    def handle_endtag(self, tag: str) -> None:
        if tag == "section" and self._open:
            self._open.pop()


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    return page


def same_site(base: str, ref: str) -> str | None:
    """The path and query of a reference on this site, or None (other sites, mailto:,
    tel:, fragments within the page)."""
    if ref.startswith(("#", "tel:", "mailto:")):
        return None
    full = urlsplit(urljoin(base, ref))
    if full.scheme not in ("http", "https", "") or (full.netloc and full.netloc != "testserver"):
        return None
    return full.path + (f"?{full.query}" if full.query else "")


def targets(base: str, page: Page) -> list[str]:
    """Every same-site URL a reader can reach from the page: links, assets, and each
    named submit button of a GET form (as a browser would submit it)."""
    refs = [*page.links, *page.assets]
    for form in page.forms:
        if form.method == "get":
            refs += [f"{form.action}?{urlencode({n: v})}" for n, v in form.buttons]
    return [t for r in refs if (t := same_site(base, r)) is not None]
