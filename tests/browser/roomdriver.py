"""What the participant page's browser tests share: the room without the app
(mc-room-runner), a phone-sized headless chromium, and checks of what a
phone shows and what its screen reader gets."""
import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile

from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

DEADLINE = 60 * float(os.environ.get("MC_TEST_TIMEOUT_MULTIPLIER", "1"))


class Runner:
    """The room without the app (tests/browser/mc-room-runner.c)."""

    def __init__(self, path, lang="nl"):
        self.process = subprocess.Popen([path, "--lang", lang], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, text=True, bufsize=1)
        line = self.process.stdout.readline().strip()
        assert line.startswith("url "), "runner said: " + line
        self.url = line[4:]

    def command(self, word, answer):
        self.process.stdin.write(word + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline().strip()
        assert line.startswith(answer), f"runner answered {line!r} to {word!r}"
        return line

    def notes(self, word="notes"):
        count = int(self.command(word, "notes ").split()[1])
        return [json.loads(self.process.stdout.readline()) for _ in range(count)]

    def wait_for_notes(self, count, what):
        """The runner answers once the board holds count notes (its own
        deadline turns a hang into a failure)."""
        notes = self.notes(f"wait {count}")
        assert len(notes) >= count, f"timed out waiting for {what}: {notes}"
        return notes

    def close(self):
        if self.process.poll() is None:
            self.process.stdin.close()
            self.process.wait(timeout=DEADLINE)


def browser(profile):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--user-data-dir=" + profile, "--window-size=390,844"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    # A phone: 390 × 844 CSS pixels at twice the density, touch.
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True})
    driver.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": True})
    # A phone opens the page on http://192.168.…, not a secure context; the
    # test's 127.0.0.1 is one. Take away what only a secure context has, so
    # a page that used it would fail here too.
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": INSECURE_SCRIPT})
    return driver


INSECURE_SCRIPT = """
Object.defineProperty(window, "isSecureContext", { value: false });
for (const [owner, names] of [[Crypto.prototype, ["subtle", "randomUUID"]],
                              [Navigator.prototype, ["serviceWorker", "clipboard", "credentials",
                                                     "storage", "mediaDevices", "geolocation"]],
                              [window, ["caches"]]])
  for (const name of names)
    delete owner[name];
"""


def status(driver):
    return driver.find_element(By.ID, "status").text


def add_note(driver, text):
    box = driver.find_element(By.ID, "text")
    box.clear()
    box.send_keys(text)
    driver.find_element(By.ID, "send").click()




def screenshot(driver, shots, name):
    path = os.path.join(shots, name)
    driver.save_screenshot(path)
    print("screenshot:", path)


# What a phone and its screen reader get from the page as it is now, as a
# list of problems (empty: none): every visible control has its role and a
# name, is at least 44 × 44 CSS pixels (buttons, fields, the colour radios'
# swatches) with its label on one line (one_line), and nothing is wider
# than the screen or cut off.
AUDIT_SCRIPT = """
const problems = [];
const width = document.documentElement.clientWidth;
const shown = (e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== "hidden";
if (document.documentElement.scrollWidth > width)
  problems.push("page wider than the screen: " + document.documentElement.scrollWidth);
for (const e of document.querySelectorAll("button, input, textarea")) {
  const target = e.type === "radio" ? e.nextElementSibling : e;
  if (!shown(target))
    continue;
  const box = target.getBoundingClientRect();
  const what = (e.id || e.type) + " " + JSON.stringify(e.textContent || e.value);
  if (box.width < 44 || box.height < 44)
    problems.push("small target " + what + ": " + box.width + " x " + box.height);
  /* A button's words on one line (at the normal text size): two lines
   * make it taller than 3rem. */
  if (arguments[0] && e.tagName === "BUTTON" && box.height > 50)
    problems.push("label wraps " + what + ": " + box.height + " tall");
  if (box.left < 0 || box.right > width)
    problems.push("off screen " + what + ": " + box.left + " to " + box.right);
}
for (const e of document.querySelectorAll("h1, h2, p, label, legend, li, button, .meta")) {
  if (!shown(e) || e.classList.contains("visually-hidden"))
    continue;
  if (e.scrollWidth > e.clientWidth + 1)
    problems.push("cut off: " + (e.id || e.tagName) + " " + JSON.stringify(e.textContent));
}
return problems;
"""

ROLES = {"button": "button", "textarea": "textbox", "text": "textbox", "radio": "radio"}


def audit(driver, what, one_line=True):
    """Asserts the checks above and, through chromium's accessibility tree
    (WebDriver's computed role and label), that every visible control is a
    real form control with a name."""
    problems = driver.execute_script(AUDIT_SCRIPT, one_line)
    for element in driver.find_elements(By.CSS_SELECTOR, "button, input, textarea"):
        kind = element.get_attribute("type") if element.tag_name == "input" else element.tag_name
        if kind == "submit":
            kind = "button"
        visible = element.is_displayed() or (kind == "radio" and driver.execute_script(
            "return arguments[0].nextElementSibling.getClientRects().length > 0", element))
        if not visible:
            continue
        role, name = element.aria_role, element.accessible_name
        if role != ROLES.get(kind, role):
            problems.append(f"{element.get_attribute('id') or kind}: role {role!r}, not {ROLES[kind]!r}")
        if not name.strip():
            problems.append(f"{element.get_attribute('id') or kind} ({role}) has no name")
    assert not problems, f"{what}: " + "; ".join(problems)


def texts_on_screen(driver):
    """Every piece of text the page shows, with the controls' names."""
    return driver.execute_script("""
        const out = [document.body.innerText];
        for (const e of document.querySelectorAll("[aria-label], [title]"))
          out.push(e.getAttribute("aria-label") || "", e.getAttribute("title") || "");
        return out.join("\\n");""")


@contextlib.contextmanager
def phone(runner_path, lang, failure):
    """A room (the runner, in lang) and a phone's browser on a profile of
    its own; on a failure, a screenshot to the path failure and the
    browser's log; everything closed afterwards."""
    profile = tempfile.mkdtemp(prefix="mc-room-chromium-")
    runner = Runner(runner_path, lang)
    driver = None
    if os.path.exists(failure):
        os.remove(failure)
    try:
        driver = browser(profile)
        yield runner, driver
    except Exception:
        if driver is not None:
            driver.save_screenshot(failure)
            for entry in driver.get_log("browser"):
                print("browser:", entry, file=sys.stderr)
        raise
    finally:
        if driver is not None:
            driver.quit()
        runner.close()
        shutil.rmtree(profile, ignore_errors=True)


def page_errors(driver, *expected):
    """The page's errors, but for refused connections while the room was
    closed and the answers named in expected (a wrong code's 403, …)."""
    return [e for e in driver.get_log("browser")
            if e["level"] == "SEVERE" and "/ws" not in e["message"]
            and "ERR_CONNECTION_REFUSED" not in e["message"]
            and not any(word in e["message"] for word in expected)]


def tap_vote(driver, word):
    """Taps the button word on the first note to vote on; False when the
    list was redrawn meanwhile (try again)."""
    try:
        first = driver.find_elements(By.CSS_SELECTOR, "#vote-list li")[0]
        first.find_element(By.XPATH, f".//button[text()='{word}']").click()
        return True
    except StaleElementReferenceException:
        return False
