"""Ten browser users for two minutes: one Chromium, one context (cookie jar) per user.

Each user signs in, then loops over what a commune officer does in a morning: home, the plan,
the nonconformity register (filter), one nonconformity, "Việc của tôi", the documents, and —
for the roles that may — records a nonconformity; 1–3 s of thinking between clicks.

A measurement runs from the click to the rendered result: the target's heading or message is
on screen and Streamlit's script run that the click started has finished (a MutationObserver
counts the app's ``data-test-script-state`` changes to ``notRunning``). Errors: an exception
box, a lost connection, an HTTP 5xx answer, or a timeout.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import time
from dataclasses import dataclass, field
from pathlib import Path

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Page, async_playwright

from bench.cluster_nginx import ROUTE_COOKIE

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
TIMEOUT_MS = 30_000
SHOTS = Path(__file__).resolve().parent / "tmp" / "cluster" / "errors"
# The chairman, the viewer and the administrator may not record a nonconformity (nc.create).
WRITERS_EXCLUDED = frozenset({"bennv", "tungbv", "quantri"})
NAV = {  # action → (sidebar link, heading of the page)
    "home": ("Trang chủ", "🏠 Trang chủ"),
    "plan": ("Kế hoạch CCHC", "📋 Kế hoạch CCHC"),
    "nc_register": ("Sự không phù hợp, khắc phục", "⚠️ Sự không phù hợp, khắc phục"),
    "my_work": ("Việc của tôi", "📌 Việc của tôi"),
    "documents": ("Quy trình, tài liệu", "📑 Quy trình, tài liệu"),
}
OBSERVER = """
window.__qmsRuns = 0; window.__qmsMsgs = 0; window.__qmsLastMsg = 0;
new MutationObserver((records) => {
  for (const r of records) {
    if (r.target.getAttribute('data-test-script-state') === 'notRunning'
        && r.oldValue !== 'notRunning') window.__qmsRuns += 1;
  }
}).observe(document, {attributes: true, attributeFilter: ['data-test-script-state'],
                      attributeOldValue: true, subtree: true});
const Socket = window.WebSocket;
window.WebSocket = class extends Socket {
  constructor(...args) {
    super(...args);
    this.addEventListener('message', () => {
      window.__qmsMsgs += 1; window.__qmsLastMsg = performance.now();
    });
  }
};
"""
MARK = "() => [window.__qmsRuns || 0, window.__qmsMsgs || 0]"
# Done: a run finished since the click — seen as the state flipping back to notRunning, or, when
# a busy tab rendered the whole run at once (React batched "running" away), as messages from
# the server since the click, then 300 ms of quiet with the app not running.
RUN_DONE = """([runs, msgs]) => {
  const state = document.querySelector('[data-testid="stApp"]')
    ?.getAttribute('data-test-script-state');
  if (state !== 'notRunning') return false;
  return window.__qmsRuns > runs
    || (window.__qmsMsgs > msgs && performance.now() - window.__qmsLastMsg > 300);
}"""
IDLE = """() => !document.querySelector('[role=listbox]') && document.querySelector(
  '[data-testid="stApp"]')?.getAttribute('data-test-script-state') === 'notRunning'"""
STATE = """() => [window.__qmsRuns, window.__qmsMsgs, document.querySelector(
  '[data-testid="stApp"]')?.getAttribute('data-test-script-state')]"""


@dataclass(frozen=True)
class Sample:
    user: str
    action: str
    seconds: float
    error: str | None = None


@dataclass
class LoadResult:
    samples: list[Sample] = field(default_factory=list)
    http_5xx: list[str] = field(default_factory=list)
    routes: dict[str, str] = field(default_factory=dict)  # user → route cookie
    chromium: str = ""
    wall_seconds: float = 0.0


class User:
    """One signed-in browser and the actions it measures."""

    def __init__(self, page: Page, name: str, password: str, url: str,
                 rng: random.Random) -> None:
        self.page, self.name, self.password, self.url, self.rng = page, name, password, url, rng
        self.writes = 0

    async def _runs(self) -> list[int]:
        return list(await self.page.evaluate(MARK))

    async def _settled(self, before: list[int]) -> None:
        try:
            await self.page.wait_for_function(RUN_DONE, arg=before, timeout=TIMEOUT_MS,
                                              polling=50)
        except PlaywrightError as exc:
            state = await self.page.evaluate(STATE)
            raise RuntimeError(f"timeout: run not finished (runs {before} → {state})") from exc

    async def _check(self) -> None:
        """An exception box or a lost connection counts as an error even when the page shows."""
        app = self.page.locator('[data-testid="stApp"]')
        if await app.get_attribute("data-test-connection-state") != "CONNECTED":
            raise RuntimeError("connection lost")
        if await self.page.locator('[data-testid="stException"]').count():
            raise RuntimeError("exception shown")

    async def sign_in(self) -> None:
        page = self.page
        await page.goto(f"{self.url}/")
        await page.get_by_role("heading", name="Đăng nhập").wait_for()
        await page.get_by_label("Tên đăng nhập").fill(self.name)
        await page.get_by_label("Mật khẩu", exact=True).fill(self.password)
        before = await self._runs()
        await page.get_by_role("button", name="Đăng nhập").click()
        await page.get_by_role("heading", name=NAV["home"][1]).wait_for()
        await self._settled(before)

    async def navigate(self, action: str) -> None:
        link, heading = NAV[action]
        before = await self._runs()
        sidebar = self.page.locator('[data-testid="stSidebar"]')
        await sidebar.get_by_role("link", name=link).first.click()
        await self.page.get_by_role("heading", name=heading, exact=True).wait_for()
        await self._settled(before)

    async def _choose(self, label: str, pick: str | None = None) -> str:
        """Pick an option of a selectbox (``pick``, or a random one other than the current: a
        choice that changes nothing starts no run); its text."""
        page = self.page
        # A run still rendering would close the dropdown under the click, and the previous
        # dropdown may still be closing: its options must not be mistaken.
        await page.wait_for_function(IDLE, polling=50)
        combo = page.get_by_label(label, exact=True)
        # Room for the dropdown: at the viewport's edge a scroll to the option would close it.
        await combo.evaluate("el => el.scrollIntoView({block: 'center'})")
        await combo.click()
        listbox = page.get_by_role("listbox")
        options = listbox.get_by_role("option")
        await options.first.wait_for()
        texts = [t.strip() for t in await options.all_inner_texts()]
        selected = listbox.locator('[role=option][aria-selected="true"]')
        current = (await selected.first.inner_text()).strip() if await selected.count() else None
        if pick is not None and pick == current:
            await page.keyboard.press("Escape")
            return pick
        text = pick if pick is not None else self.rng.choice([t for t in texts if t != current])
        before = await self._runs()
        await options.nth(texts.index(text)).click()
        await self._settled(before)
        return text

    async def nc_filter(self) -> None:
        """A status filter, then back to all (the register must stay usable for the detail)."""
        await self._choose("Tình trạng")
        await self._check()
        await self._choose("Tình trạng", "Tất cả")

    async def nc_detail(self) -> None:
        text = await self._choose("Mở phiếu")
        await self.page.get_by_role("heading", name=text, exact=True).wait_for()  # the detail

    async def nc_record(self) -> float:
        """Fill in a nonconformity (not measured: typing is the user's time) and submit it;
        returns when the submit was clicked."""
        page = self.page
        form = page.locator('[data-testid="stForm"]').filter(
            has=page.get_by_role("button", name="Ghi nhận sự không phù hợp", exact=True))
        if not await form.count():  # the expander reruns the page as it opens
            before = await self._runs()
            await page.get_by_text("➕ Ghi nhận sự không phù hợp mới").click()
            await form.wait_for()
            await self._settled(before)
        await self._choose("Bộ phận liên quan")
        self.writes += 1
        await form.get_by_label("Tóm tắt").fill(f"Tải thử {self.name} lần {self.writes}")
        await form.get_by_label("Mô tả sự không phù hợp").fill(
            "Hồ sơ trả chậm phát hiện khi kiểm tra tải (bench-cluster).")
        before = await self._runs()
        clicked = time.perf_counter()
        await form.get_by_role("button", name="Ghi nhận sự không phù hợp").click()
        await page.get_by_text("Đã ghi nhận sự không phù hợp.").wait_for()
        await self._settled(before)
        return clicked

    def mix(self) -> list[str]:
        """One round; it starts away from the home page, where sign-in leaves the user (a link
        to the page already open starts no run)."""
        steps = ["plan", "nc_register", "nc_filter", "nc_detail", "my_work", "documents",
                 "home"]
        if self.name not in WRITERS_EXCLUDED:
            steps[4:4] = ["nc_record"]  # recorded from the register, before "my work"
        return steps

    async def act(self, action: str) -> float | None:
        """Do ``action``; the time of its click when that is not the start of the action."""
        clicked = None
        if action in NAV:
            await self.navigate(action)
        else:
            clicked = await getattr(self, action)()
        await self._check()
        return clicked


async def _measure(user: User, action: str) -> Sample:
    start = time.perf_counter()
    try:
        clicked = await user.act(action)
    except (PlaywrightError, RuntimeError) as exc:
        lines = str(exc).splitlines()
        where = next((x.strip(" -") for x in lines if "waiting for" in x), "")
        kind = f"{lines[0][:120]} {where[:160]}".strip()
        SHOTS.mkdir(parents=True, exist_ok=True)
        shot = SHOTS / f"{user.name}-{action}-{int(time.time())}.png"
        with contextlib.suppress(PlaywrightError):
            await user.page.screenshot(path=str(shot))
        return Sample(user.name, action, time.perf_counter() - start, kind)
    return Sample(user.name, action, time.perf_counter() - (clicked or start))


async def _recover(page: Page, url: str) -> None:
    try:
        await page.goto(f"{url}/")
        await page.get_by_role("heading", name=NAV["home"][1]).wait_for()
    except PlaywrightError:
        pass  # the next action will fail and say so


async def _user(browser, url: str, name: str, password: str, seconds: float,  # type: ignore[no-untyped-def]
                result: LoadResult, seed: int) -> None:
    context = await browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    context.set_default_timeout(TIMEOUT_MS)
    await context.add_init_script(OBSERVER)
    page = await context.new_page()
    page.on("response", lambda r: r.status >= 500 and result.http_5xx.append(
        f"{name} {r.status} {r.url}"))
    rng = random.Random(seed)
    user = User(page, name, password, url, rng)
    await asyncio.sleep(rng.uniform(0, 3))  # users do not all arrive in the same second
    start = time.perf_counter()
    sample = await _measure(user, "sign_in")
    result.samples.append(sample)
    if sample.error:
        await context.close()
        return
    deadline = start + seconds
    while time.perf_counter() < deadline:
        for action in user.mix():
            await asyncio.sleep(rng.uniform(1, 3))
            if time.perf_counter() >= deadline:
                break
            sample = await _measure(user, action)
            result.samples.append(sample)
            if sample.error:  # start the next loop from a fresh page (still signed in)
                await _recover(page, url)
                break
    for cookie in await context.cookies():
        if cookie["name"] == ROUTE_COOKIE:
            result.routes[name] = cookie["value"]
    await context.close()


async def run(url: str, usernames: list[str], password: str, seconds: float) -> LoadResult:
    """Run every user concurrently for ``seconds``; the samples and what nginx routed."""
    result = LoadResult()
    started = time.perf_counter()
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                          args=CHROMIUM_ARGS)
        result.chromium = browser.version
        await asyncio.gather(*(_user(browser, url, name, password, seconds, result, i)
                               for i, name in enumerate(usernames)))
        await browser.close()
    result.wall_seconds = time.perf_counter() - started
    return result
