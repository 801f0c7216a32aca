#!/usr/bin/python3
"""The participant page in a real browser (Debian's chromium, headless,
driven by selenium): add notes, lose the connection, come back, and the board
holds each note exactly once. Loopback only.

    test-room-browser.py RUNNER SCREENSHOT_DIR
"""
import os
import sys

from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

sys.dont_write_bytecode = True   # no __pycache__ in the source tree

from roomdriver import DEADLINE, add_note, page_errors, phone, screenshot, status, tap_vote

def main():
    runner_path, shots = sys.argv[1], sys.argv[2]
    os.makedirs(shots, exist_ok=True)
    with phone(runner_path, "nl", os.path.join(shots, "room-failure.png")) as (runner, driver):
        # A list redrawn by the room's state leaves stale elements: try again.
        wait = WebDriverWait(driver, DEADLINE, ignored_exceptions=[StaleElementReferenceException])
        driver.get(runner.url)
        wait.until(lambda d: status(d) == "Verbonden")
        # The token left the address bar; the page speaks the board's language.
        assert "#t=" not in driver.current_url, driver.current_url
        assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "nl"
        assert driver.find_element(By.ID, "prompt-title").text != ""

        driver.find_element(By.ID, "name").send_keys("Sam")
        add_note(driver, "Eerste idee <script>alert(1)</script>")
        notes = runner.wait_for_notes(1, "the first note")
        assert notes[0]["author"] == "Sam", notes
        # Escaped, not run: the text shows as text.
        wait.until(lambda d: "<script>" in d.find_element(By.ID, "my-notes").text)

        # The connection drops (the room is paused); notes wait on the phone.
        runner.command("stop", "stopped")
        wait.until(lambda d: status(d).startswith("De sessie is gesloten"))
        add_note(driver, "Tweede idee")
        add_note(driver, "Derde idee\nover twee regels")
        wait.until(lambda d: d.find_element(By.ID, "my-notes").text.count("wacht op verzenden") == 2)
        assert len(runner.notes()) == 1

        # The phone drops the page (a locked screen, a discarded tab); the
        # room comes back; the page is opened again, without the token.
        driver.get("about:blank")
        runner.command("start", "started")
        driver.get(runner.url.split("#")[0])
        wait.until(lambda d: status(d) == "Verbonden")
        notes = runner.wait_for_notes(3, "the notes from the outbox")
        wait.until(lambda d: "wacht op verzenden" not in d.find_element(By.ID, "my-notes").text)

        # Acks lost: the phone sends everything again. Nothing doubles.
        driver.execute_script("""
            const key = Object.keys(localStorage).find(k => k.endsWith(':outbox'));
            const again = arguments[0].map(n => ({type: 'note', id: n.id, text: n.text,
                                                  color: 'yellow', name: 'Sam'}));
            localStorage.setItem(key, JSON.stringify(again));""", notes)
        driver.refresh()
        wait.until(lambda d: status(d) == "Verbonden")
        wait.until(lambda d: d.execute_script(
            "const k = Object.keys(localStorage).find(k => k.endsWith(':outbox'));"
            "return JSON.parse(localStorage.getItem(k)).length === 0;"))
        notes = runner.notes()
        texts = sorted(n["text"] for n in notes)
        assert texts == sorted(["Eerste idee <script>alert(1)</script>", "Tweede idee",
                                "Derde idee\nover twee regels"]), texts
        assert len({n["id"] for n in notes}) == 3

        # The page ran without errors (a CSP violation shows up here too).
        errors = page_errors(driver)
        assert not errors, errors

        driver.find_element(By.ID, "text").send_keys("Nog een gedachte")
        screenshot(driver, shots, "room-phone-390x844.png")

        # Dot voting: two votes each; the page spends them, the room counts.
        runner.command("vote 2", "voting")
        wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#vote-list li")) == 3)
        first = driver.find_elements(By.CSS_SELECTOR, "#vote-list li")[0]
        voted_text = first.find_element(By.TAG_NAME, "div").text
        for count in (1, 2):
            # The list is redrawn when the room's state comes in: a button
            # found just before that is gone, so find and tap it again.
            wait.until(lambda d: tap_vote(d, "Stem"))
            wait.until(lambda d: f"jouw stemmen: {count}" in
                       d.find_elements(By.CSS_SELECTOR, "#vote-list li")[0].text)
        wait.until(lambda d: d.find_element(By.ID, "votes-left").text == "Nog 0 van 2 stemmen")
        wait.until(lambda d: all(not b.is_enabled() for b in d.find_elements(
            By.XPATH, "//ul[@id='vote-list']//button[text()='Stem']")))
        voted = {n["text"]: n["votes"] for n in runner.notes("votes 2")}
        assert voted[voted_text] == 2 and sum(voted.values()) == 2, voted
        driver.execute_script("document.getElementById('voting').scrollIntoView()")
        screenshot(driver, shots, "room-phone-voting-390x844.png")

        # Moderation: a note waits for approval on the phone, then is on the
        # board; a rejected one says so and never reaches the board.
        runner.command("moderate", "moderated")
        add_note(driver, "Eerst goedkeuren")
        wait.until(lambda d: "wacht op goedkeuring" in d.find_element(By.ID, "my-notes").text)
        assert len(runner.notes()) == 3
        driver.execute_script("document.getElementById('my-notes').lastElementChild.scrollIntoView()")
        screenshot(driver, shots, "room-phone-queued-390x844.png")
        runner.command("approve", "approved 0")
        runner.wait_for_notes(4, "the approved note")
        wait.until(lambda d: "wacht op goedkeuring" not in d.find_element(By.ID, "my-notes").text)
        add_note(driver, "Liever niet")
        wait.until(lambda d: "wacht op goedkeuring" in d.find_element(By.ID, "my-notes").text)
        runner.command("reject", "rejected 0")
        wait.until(lambda d: "niet op het bord gezet" in d.find_element(By.ID, "my-notes").text)
        assert "Liever niet" not in [n["text"] for n in runner.notes()]
        print("ok: 3 notes, each once, after a dropped connection and a resend; "
              "moderation approves and rejects")


if __name__ == "__main__":
    main()
