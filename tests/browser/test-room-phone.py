#!/usr/bin/python3
"""A whole session on a phone (390 × 844, headless chromium), as a
participant goes through it: join by the QR code's link and by typing the
room code, write notes, lose the connection and come back, vote within the
budget, private mode and the reveal, the facilitator locks the round, the
room closes. At every step: a screenshot, the page in the board's language
(Dutch, then the same page in English), and what a screen reader gets
(roles, names, the live regions). Loopback only.

    test-room-phone.py RUNNER SCREENSHOT_DIR
"""
import os
import sys

from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

sys.dont_write_bytecode = True   # no __pycache__ in the source tree

from roomdriver import (DEADLINE, add_note, audit, page_errors, phone, screenshot, status, tap_vote,
                        texts_on_screen)

# What each language says, as the page words it (data/room/room.js).
WORDS = {
    "nl": {
        "online": "Verbonden", "closed-room": "De sessie is gesloten",
        "bad-code": "Die code klopt niet.", "pending": "wacht op verzenden",
        "said-pending": "Bewaard op deze telefoon", "said-sent": "notities verstuurd.", "said-sent-1": "Notitie verstuurd.",
        "said-held": "Notitie verstuurd: hij blijft verborgen tot de onthulling.",
        "said-shown": "Je notitie staat op het bord.",
        "held": "verborgen tot de onthulling", "vote": "Stem", "left-0": "Nog 0 van 2 stemmen",
        "round-closed": "De ronde is gesloten.",
        # Words that must not show in the other language.
        "foreign": ["Connected", "Your note", "Add note", "Vote", "Delete", "waiting to be sent"],
    },
    "en": {
        "online": "Connected", "closed-room": "The room is closed",
        "bad-code": "That code is not right.", "pending": "waiting to be sent",
        "said-pending": "Saved on this phone", "said-sent": "notes sent.", "said-sent-1": "Note sent.",
        "said-held": "Note sent: it stays hidden until the reveal.",
        "said-shown": "Your note is on the board.",
        "held": "hidden until the reveal", "vote": "Vote", "left-0": "0 of 2 votes left",
        "round-closed": "The round is closed.",
        "foreign": ["Verbonden", "Je notitie", "toevoegen", "Stemmen", "Verwijderen", "wacht op"],
    },
}


def said(driver):
    return driver.find_element(By.ID, "said").get_attribute("textContent")


def session(runner_path, lang, shots):
    words = WORDS[lang]
    with phone(runner_path, lang, os.path.join(shots, f"phone-{lang}-failure.png")) as (runner, driver):
        shot = lambda name: screenshot(driver, shots, f"phone-{lang}-{name}.png")  # noqa: E731
        wait = WebDriverWait(driver, DEADLINE, ignored_exceptions=[StaleElementReferenceException])

        # 1. The QR code's link: in at once, the token out of the address bar.
        driver.get(runner.url)
        wait.until(lambda d: status(d) == words["online"])
        assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == lang
        assert driver.find_element(By.ID, "prompt-title").text != ""
        assert driver.execute_script("return typeof crypto.randomUUID + typeof crypto.subtle + "
                                     "typeof navigator.serviceWorker + isSecureContext") \
            == "undefinedundefinedundefinedfalse"
        shot("1-joined")
        audit(driver, "joined by the link")
        # The phone's largest text (twice the size): labels may wrap, but
        # nothing is cut off or wider than the screen.
        driver.execute_script("document.documentElement.style.fontSize = '200%'")
        shot("1-joined-large-text")
        audit(driver, "large text", one_line=False)
        driver.execute_script("document.documentElement.style.fontSize = ''")

        # 2. Typing the address and the room code (another phone: nothing
        # stored). A wrong code says so; the right one lets in.
        driver.execute_script("localStorage.clear()")
        driver.get(runner.url.split("#")[0])
        code = runner.command("code", "code ").split()[1]
        wait.until(lambda d: d.find_element(By.ID, "code").is_displayed())
        audit(driver, "the join form")
        box = driver.find_element(By.ID, "code")
        box.send_keys("000000" if code != "000000" else "111111")
        driver.find_element(By.CSS_SELECTOR, "#join-form button").click()
        wait.until(lambda d: d.find_element(By.ID, "join-error").text == words["bad-code"])
        assert driver.find_element(By.ID, "join-error").get_attribute("role") == "alert"
        shot("2-wrong-code")
        box.clear()
        box.send_keys(code)
        driver.find_element(By.CSS_SELECTOR, "#join-form button").click()
        wait.until(lambda d: status(d) == words["online"])

        # 3. A note, sent: the live region says so.
        driver.find_element(By.ID, "name").send_keys("Noor")
        add_note(driver, "Het rooster past niet bij de stage" if lang == "nl"
                 else "The timetable does not fit the placement")
        runner.wait_for_notes(1, "the first note")
        wait.until(lambda d: said(d) == words["said-sent-1"])
        audit(driver, "a note sent")

        # 4. The connection drops: notes wait on the phone, and the screen
        # reader hears that they are kept; back again, each arrives once.
        runner.command("stop", "stopped")
        wait.until(lambda d: status(d).startswith(words["closed-room"]))
        add_note(driver, "Twee" if lang == "nl" else "Two")
        add_note(driver, "Drie\nover twee regels" if lang == "nl" else "Three\nover two lines")
        wait.until(lambda d: d.find_element(By.ID, "my-notes").text.count(words["pending"]) == 2)
        wait.until(lambda d: said(d).startswith(words["said-pending"]))
        assert len(runner.notes()) == 1
        # Retries that find nothing do not turn "closed" into "no network".
        assert status(driver).startswith(words["closed-room"]), status(driver)
        shot("3-offline")
        audit(driver, "offline")
        runner.command("start", "started")
        notes = runner.wait_for_notes(3, "the notes from the outbox")
        wait.until(lambda d: words["pending"] not in d.find_element(By.ID, "my-notes").text)
        wait.until(lambda d: said(d).startswith("2 " + words["said-sent"]))
        notes = runner.notes()
        assert len(notes) == 3 and len({n["id"] for n in notes}) == 3, notes
        assert all(n["author"] == "Noor" for n in notes), notes

        # 5. Voting, two votes: the page spends them, the room counts them.
        runner.command("vote 2", "voting")
        wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#vote-list li")) == 3)
        for _ in range(2):
            wait.until(lambda d: tap_vote(d, words["vote"]))
        wait.until(lambda d: d.find_element(By.ID, "votes-left").text == words["left-0"])
        voted = {n["text"]: n["votes"] for n in runner.notes("votes 2")}
        assert sum(voted.values()) == 2, voted
        driver.execute_script("document.getElementById('voting').scrollIntoView()")
        shot("4-voted")
        audit(driver, "voting")
        # Each vote button says which note it is about.
        button = driver.find_elements(By.CSS_SELECTOR, "#vote-list li button")[0]
        described = button.get_attribute("aria-describedby")
        assert driver.find_element(By.ID, described).text in voted, described

        # 6. Private: the note stays off the wall until the reveal.
        runner.command("private", "private")
        add_note(driver, "Geheim" if lang == "nl" else "Secret")
        wait.until(lambda d: words["held"] in d.find_element(By.ID, "my-notes").text)
        wait.until(lambda d: said(d) == words["said-held"])
        assert len(runner.notes()) == 3
        driver.execute_script("document.getElementById('my-notes').lastElementChild.scrollIntoView()")
        shot("5-private")
        runner.command("reveal", "revealed 0")
        runner.wait_for_notes(4, "the revealed note")
        wait.until(lambda d: words["held"] not in d.find_element(By.ID, "my-notes").text)
        wait.until(lambda d: said(d) == words["said-shown"])

        # 7. The facilitator locks the round: no form, no edits.
        runner.command("lock", "locked")
        wait.until(lambda d: not d.find_element(By.ID, "note-form").is_displayed())
        wait.until(lambda d: d.find_element(By.ID, "waiting").text == words["round-closed"])
        assert all(not b.is_enabled() for b in driver.find_elements(By.CSS_SELECTOR, "#my-notes button"))
        # Votes too: the room refuses them while locked.
        wait.until(lambda d: all(not b.is_enabled()
                                 for b in d.find_elements(By.CSS_SELECTOR, "#vote-list button")))
        driver.execute_script("window.scrollTo(0, 0)")
        shot("6-locked")
        audit(driver, "locked")

        # 8. The room closes: the phone says so, in words.
        runner.command("stop", "stopped")
        wait.until(lambda d: status(d).startswith(words["closed-room"]))
        shot("7-closed")
        audit(driver, "closed")

        # One language throughout.
        shown = texts_on_screen(driver)
        for word in words["foreign"]:
            assert word not in shown, f"{word!r} on the {lang} page"
        errors = page_errors(driver, "/api/join")
        assert not errors, errors
        print(f"ok: a whole session on a phone in {lang}")


def main():
    runner_path, shots = sys.argv[1], sys.argv[2]
    os.makedirs(shots, exist_ok=True)
    for lang in ("nl", "en"):
        session(runner_path, lang, shots)


if __name__ == "__main__":
    main()
