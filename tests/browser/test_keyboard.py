"""Keyboard only: tab order, a visible focus indicator, the skip link, scrollable tables."""

from __future__ import annotations

from .support import interact

# Describe document.activeElement: where it is and whether its focus can be seen.
ACTIVE = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  const hash = el.hash ? decodeURIComponent(el.hash.slice(1)) : "";
  const target = hash ? document.getElementById(hash) : null;
  const steps = document.querySelector(".kg-steps");
  const inSteps = node => !!node && !!steps && (steps.contains(node) || node.nextElementSibling === steps);
  return {
    tag: el.tagName, cls: el.className || "", text: (el.textContent || el.value || "").trim().slice(0, 60),
    skip: el.classList.contains("md-skip"),
    lang: el.classList.contains("kg-lang__link"),
    search: el.classList.contains("md-search__input"),
    steps: inSteps(el) || inSteps(target),
    content: !!el.closest(".md-content"),
    outline: style.outlineStyle, outlineWidth: parseFloat(style.outlineWidth) || 0,
  };
}"""


def tab_through(page, limit: int = 80) -> list[dict]:
    seen = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        info = page.evaluate(ACTIVE)
        if info["tag"] == "BODY":
            break
        seen.append(info)
        if info["steps"]:
            break
    return seen


def first(seen: list[dict], what: str) -> int:
    return next((i for i, info in enumerate(seen) if info[what]), -1)


def test_tab_order_and_visible_focus(new_page, page_type):
    url = page_type("service").urls["fi"]
    page = new_page(1280)
    page.goto(url)
    seen = tab_through(page)
    order = [f"{i}: {s['tag']}.{s['cls']} {s['text']!r}" for i, s in enumerate(seen)]
    positions = {what: first(seen, what) for what in ("skip", "lang", "search", "steps")}
    assert positions["skip"] == 0, "the skip link must be the first tab stop:\n" + "\n".join(order)
    assert all(p >= 0 for p in positions.values()), f"not reached: {positions}\n" + "\n".join(order)
    assert positions["skip"] < positions["lang"] < positions["search"] < positions["steps"], \
        f"unexpected tab order {positions}:\n" + "\n".join(order)
    invisible = [o for o, s in zip(order, seen, strict=False) if s["outline"] == "none" or s["outlineWidth"] <= 0]
    assert not invisible, "focused without a visible outline:\n" + "\n".join(invisible)


def test_focus_is_visible_while_material_has_not_run(new_page, page_type):
    """Material's scripts load on the first interaction (overrides/main.html); until they have run,
    its polyfill has marked nothing `.focus-visible`. Held back here for good, the focus must still
    show on every tab stop (the browser's own :focus-visible, kg.css)."""
    page = new_page(1280)
    page.route("**/assets/javascripts/bundle.*", lambda route: route.abort())
    page.goto(page_type("service").urls["fi"])
    seen = tab_through(page)
    assert len(seen) > 5 and not page.evaluate("() => !!window.document$")
    invisible = [f"{s['tag']}.{s['cls']}" for s in seen if s["outline"] == "none" or s["outlineWidth"] <= 0]
    assert not invisible, "focused without a visible outline:\n" + "\n".join(invisible)


def test_skip_link_moves_past_the_navigation(new_page, page_type):
    page = new_page(1280)
    page.goto(page_type("service").urls["sv"])
    page.keyboard.press("Tab")
    assert page.evaluate(ACTIVE)["skip"]
    assert page.locator(".md-skip").is_visible(), "the skip link must show when it has focus"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    info = page.evaluate(ACTIVE)
    assert info["content"], f"after the skip link, Tab should land in the content, not on {info}"


def test_scrolling_tables_are_focusable(new_page, page_type):
    """Whatever scrolls must be a tab stop (tabindex=0, a name; role=region unless it is the table
    itself). Before Material's scripts load (on the first interaction) the table scrolls; after,
    Material's .md-typeset__scrollwrap does, and the tab stop moves to it."""
    page = new_page(375)
    page.goto(page_type("schedule").urls["fi"])
    for state in ("before Material", "after Material"):
        if state == "after Material":
            interact(page)
        boxes = page.evaluate("""() => [...document.querySelectorAll(
            '.md-typeset__scrollwrap, .md-typeset table')]
          .map(el => ({cls: el.className || el.tagName, scrolls: el.scrollWidth > el.clientWidth + 1,
                       tabindex: el.getAttribute('tabindex'), role: el.getAttribute('role'),
                       label: el.getAttribute('aria-label')}))""")
        scrolling = [b for b in boxes if b["scrolls"]]
        assert scrolling, f"{state}: the schedule table should scroll at 375 px: {boxes}"
        for box in scrolling:
            role = None if box["cls"] == "TABLE" else "region"
            assert box["tabindex"] == "0" and box["role"] == role and box["label"], (state, box)
        stray = [b for b in boxes if not b["scrolls"] and b["tabindex"] is not None]
        assert not stray, f"{state}: tab stops on boxes that do not scroll: {stray}"
    # And the keyboard really scrolls it.
    page.focus(".md-typeset__scrollwrap[tabindex='0']")
    page.keyboard.press("ArrowRight")
    # A function, not an expression string: Playwright would eval() the string, which the
    # site's CSP (served with its _headers) rightly refuses.
    page.wait_for_function("() => document.activeElement.scrollLeft > 0", timeout=3000)
