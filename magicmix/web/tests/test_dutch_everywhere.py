"""Every page every role can reach, crawled in Dutch: no English message id and no internal code
may reach the user.

English is recognised by the message ids of the project's own .po files (a message id whose
Dutch translation differs, shown untranslated) and Django's own empty choice; internal codes by
their shape (snake_case words) and by the codes of the target groups and choices in the data."""

from __future__ import annotations

import re
from collections import deque
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

import pytest
from django.conf import settings
from django.test import Client

from magicmix.accounts.models import Role
from magicmix.people.models import TargetGroup

from .scene import scene, with_proposal

pytestmark = pytest.mark.django_db

MAX_PAGES = 150  # per role: the scene is small, so this bounds a crawl gone astray
SKIP = re.compile(r"^/(static|i18n|logout)/|\.(csv|pdf|xlsx)$|/export")
SNAKE = re.compile(r"\b[a-z]+(?:_[a-z]+)+\b")
# Where codes are what the user defines or types: the catalogue and the legal value forms.
CODES_ARE_CONTENT = re.compile(r"^/(persons/target-groups|legal/manage)/")
# Staff, residents and caseworkers are addressed with "u", as applicants are.
INFORMAL = re.compile(r"\b(je|jij|jou|jouw|jezelf)\b", re.IGNORECASE)


class _Text(HTMLParser):
    """The text a user reads (and hears), and the links on the page."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.links: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        values = dict(attrs)
        if tag == "a" and values.get("href"):
            self.links.append(values["href"] or "")
        for name in ("aria-label", "title", "placeholder", "alt"):
            if values.get(name):
                self.parts.append(values[name] or "")
        if tag == "input" and values.get("type") in ("submit", "button") and values.get("value"):
            self.parts.append(values["value"] or "")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def english_ids() -> list[str]:
    """Message ids of two words or more whose Dutch differs: shown as they are, they are
    English on a Dutch page."""
    found = {"- Select an option -", "---------"}
    for po in Path(settings.BASE_DIR, "magicmix").glob("*/locale/nl/LC_MESSAGES/django.po"):
        for msgid, msgstr in _entries(po.read_text()):
            if msgid != msgstr and len(msgid.split()) >= 2 and "%(" not in msgid:
                found.add(msgid)
    return sorted(found, key=len, reverse=True)


def _entries(text: str) -> list[tuple[str, str]]:
    entries = []
    for block in text.split("\n\n"):
        if block.lstrip().startswith("#~"):
            continue
        msgid = _field(block, "msgid")
        msgstr = _field(block, "msgstr") or _field(block, r"msgstr\[0\]")
        if msgid:
            entries.append((msgid, msgstr))
    return entries


def _field(block: str, name: str) -> str:
    match = re.search(rf'^{name} ((?:".*"\n?)+)', block, re.MULTILINE)
    if not match:
        return ""
    parts = re.findall(r'"(.*)"', match.group(1))
    return "".join(parts).replace('\\"', '"').replace("\\n", "\n")


def crawl(client: Client) -> dict[str, str]:
    """Path → visible text of every HTML page reachable from the start page by links."""
    seen, pages = {"/"}, dict[str, str]()
    queue = deque(["/"])
    while queue and len(pages) < MAX_PAGES:
        path = queue.popleft()
        response = client.get(path)
        if response.status_code != 200 or "text/html" not in response["Content-Type"]:
            continue
        parser = _Text()
        parser.feed(response.content.decode())
        pages[path] = " ".join(" ".join(parser.parts).split())
        for href in parser.links:
            link = urldefrag(href).url
            if not link.startswith("/") or SKIP.search(urlsplit(link).path) or link in seen:
                continue
            seen.add(link)
            queue.append(link)
    return pages


def test_no_role_meets_english_or_codes(client: Client) -> None:
    scene_ = scene()
    proposal = with_proposal(scene_)
    assert proposal.status == proposal.Status.DONE
    english = english_ids()
    group_codes = {
        code for code in TargetGroup.objects.values_list("code", flat=True) if "-" in code
    }
    problems: list[str] = []
    for role in Role:
        client.force_login(scene_.users[role])
        client.cookies.load({settings.LANGUAGE_COOKIE_NAME: "nl"})
        pages = crawl(client)
        assert pages, role
        if role == Role.LETTING:  # the crawl reaches the pages where codes used to show
            complex_ = scene_.complex.pk
            reached = {f"/rounds/{proposal.pk}/", f"/complexes/{complex_}/policy/"}
            reached |= {f"/complexes/{complex_}/mix/", f"/applications/{scene_.waiting.pk}/"}
            assert reached <= set(pages), reached - set(pages)
        for path, text in pages.items():
            problems += [f"{role} {path}: English “{m}”" for m in english if m in text]
            problems += [f"{role} {path}: code “{c}”" for c in set(SNAKE.findall(text))]
            problems += [f"{role} {path}: “{m}”" for m in set(INFORMAL.findall(text))]
            problems += [
                f"{role} {path}: group code “{c}”"
                for c in group_codes
                if not CODES_ARE_CONTENT.match(path)
                and re.search(rf"(?<![\w-]){re.escape(c)}(?![\w-])", text)
            ]
    assert not problems, "\n".join(sorted(set(problems)))
