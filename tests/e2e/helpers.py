"""What the browser tests share: signing a member of staff in, and checking a page with axe-core (WCAG 2.0,
2.1 and 2.2 A and AA) at a phone's and a desktop's width, with a screenshot of each and nothing scrolling
sideways."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.conf import settings
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

# axe-core's tags for WCAG 2.0, 2.1 and 2.2 at levels A and AA (axe has no wcag22a tag: its rules for
# the criteria new in WCAG 2.2 are all AA).
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
RUN_AXE = """async (tags) => await axe.run(document, {
  runOnly: {type: "tag", values: tags},
  resultTypes: ["violations"],
})"""
WIDTHS = (1280, 375)


def sign_in(page: Any, client: Any, live_server: Any, user: Any, *, verified: bool = False) -> None:
    """The browser takes over a session the test client signed `user` in to (any earlier one is dropped);
    `verified` adds the code from their authenticator app, as administrators need."""
    client.force_login(user)
    if verified:
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = TOTPDevice.objects.get(user=user, confirmed=True).persistent_id
        session.save()
    page.context.clear_cookies()
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )


def describe(url: str, violations: list[dict[str, Any]]) -> str:
    """axe-core's violations as lines a person can act on: the rule, its impact and each element."""
    lines = [f"axe-core found {len(violations)} accessibility violation(s) on {url}:"]
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']} <{v['helpUrl']}>")
        for node in v["nodes"]:
            lines.append(f"    target {node['target']}: {' '.join(node['failureSummary'].split())}")
    return "\n".join(lines)


def axe_check(page: Any, axe_js: Path, shot: Path, *, width: int | None = None) -> None:
    """axe-core on the page as it is now, a full-page screenshot (named for `width` if given) and no
    sideways scrolling."""
    page.add_script_tag(path=str(axe_js))
    results = page.evaluate(RUN_AXE, WCAG_TAGS)
    file = shot.with_name(f"{shot.stem}-{width}.png") if width else shot
    page.screenshot(path=str(file), full_page=True)
    print(f"Screenshot of {page.url}: {file}")
    assert results["violations"] == [], describe(page.url, results["violations"])
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{page.url} at {width or 'this'} px scrolls sideways by {overflow}px"


def axe_here(page: Any, axe_js: Path, shot: Path) -> None:
    """axe_check on the page as it is now (say after a form was sent) at each width, back to the widest."""
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        axe_check(page, axe_js, shot, width=width)
    page.set_viewport_size({"width": WIDTHS[0], "height": 900})


def axe_at(
    page: Any,
    live_server: Any,
    path: str,
    axe_js: Path,
    shot: Path,
    *,
    status: int = 200,
    then: Callable[[Any], None] | None = None,
) -> None:
    """Loads `path` at each width (expecting `status`), does `then` if given (say submits the form), and
    runs axe_check."""
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        response = page.goto(f"{live_server.url}{path}", wait_until="load")
        assert response is not None and response.status == status, path
        if then is not None:
            then(page)
        axe_check(page, axe_js, shot, width=width)


def watch(page: Any, *, allow: tuple[int, ...] = ()) -> list[str]:
    """From now on, collects HTTP errors (other than the statuses in `allow`), failed requests, and console
    and script errors: a page can pass axe and still have broken on the way."""
    problems: list[str] = []
    page.on(
        "response",
        lambda r: (
            problems.append(f"HTTP {r.status}: {r.url}")
            if r.status >= 400 and r.status not in allow
            else None
        ),
    )
    page.on("console", lambda m: problems.append(f"console error: {m.text}") if m.type == "error" else None)
    page.on("requestfailed", lambda r: problems.append(f"request failed: {r.url}"))
    page.on("pageerror", lambda e: problems.append(f"script error: {e}"))
    return problems


def axe_at_cleanly(page: Any, live_server: Any, path: str, axe_js: Path, shot: Path) -> None:
    """axe_at, with nothing going wrong on the way (`watch`)."""
    problems = watch(page)
    axe_at(page, live_server, path, axe_js, shot)
    assert problems == [], "\n".join(problems)
