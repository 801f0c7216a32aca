/* room.js — the participant page of a Missiecanvas room.
 *
 * Plain script, no framework, nothing that needs a secure context (the page
 * is served over http:// on a LAN address). Text from the room is only ever
 * put on the page with textContent.
 *
 * Nothing is lost: every note gets its id here; notes and deletions wait in
 * an outbox in localStorage until the laptop acknowledges them, and are sent
 * again after a dropped connection or a locked screen. The room ignores a
 * resend, so nothing is doubled.
 */
"use strict";

(function () {
  const TEXTS = {
    en: {
      "app": "Missiecanvas",
      "join-title": "Join the room",
      "code-label": "Room code",
      "join": "Join",
      "waiting": "Waiting for the facilitator to open a question.",
      "note-label": "Your note",
      "name-label": "Your name (optional)",
      "color-label": "Colour",
      "add": "Add note",
      "save": "Save changes",
      "cancel": "Cancel",
      "vote-title": "Vote",
      "mine-title": "Your notes",
      "mine-empty": "You have not added a note yet.",
      "edit": "Edit",
      "delete": "Delete",
      "vote-add": "Vote",
      "vote-remove": "Remove vote",
      "counter": "{n} of {max} characters",
      "votes-left": "{n} of {max} votes left",
      "your-votes": "your votes: {n}",
      "online": "Connected",
      "offline": "Offline: your notes wait here",
      "connecting": "Connecting…",
      "pending": "waiting to be sent",
      "held": "hidden until the reveal",
      "queued": "waiting for approval",
      "rejected": "not put on the board",
      "closed": "The round is closed.",
      "round-closed": "The round is closed: notes cannot be added or changed now.",
      "bad-link": "This link no longer works. Ask for the new code or QR code.",
      "bad-code": "That code is not right.",
      "too-fast": "Too many tries. Wait a moment.",
      "empty": "Write something first.",
      "err-rate": "You are sending notes quickly: yours will follow in a moment.",
      "err-text": "This note is empty or too long.",
      "err-taken": "That note cannot be changed.",
      "err-gone": "The facilitator removed this note.",
      "err-rejected": "The facilitator did not put this note on the board.",
      "err-full": "The room is full.",
      "err-budget": "You have used all your votes.",
      "room-closed": "The room is closed. Your notes wait here until it opens again.",
      "said-pending": "Saved on this phone: it is sent when the connection is back.",
      "said-sent": "Note sent.",
      "said-sent-n": "{n} notes sent.",
      "said-queued": "Note sent: it waits for approval.",
      "said-held": "Note sent: it stays hidden until the reveal.",
      "said-shown": "Your note is on the board.",
      "colors": { yellow: "Yellow", orange: "Orange", pink: "Pink", purple: "Purple", blue: "Blue", green: "Green" },
    },
    nl: {
      "app": "Missiecanvas",
      "join-title": "Doe mee",
      "code-label": "Code van de sessie",
      "join": "Meedoen",
      "waiting": "Wacht tot de begeleider een vraag opent.",
      "note-label": "Je notitie",
      "name-label": "Je naam (niet verplicht)",
      "color-label": "Kleur",
      "add": "Notitie toevoegen",
      "save": "Wijziging bewaren",
      "cancel": "Annuleren",
      "vote-title": "Stemmen",
      "mine-title": "Je notities",
      "mine-empty": "Je hebt nog geen notitie toegevoegd.",
      "edit": "Bewerken",
      "delete": "Verwijderen",
      "vote-add": "Stem",
      "vote-remove": "Stem terug",
      "counter": "{n} van {max} tekens",
      "votes-left": "Nog {n} van {max} stemmen",
      "your-votes": "jouw stemmen: {n}",
      "online": "Verbonden",
      "offline": "Geen verbinding: je notities wachten hier",
      "connecting": "Verbinden…",
      "pending": "wacht op verzenden",
      "held": "verborgen tot de onthulling",
      "queued": "wacht op goedkeuring",
      "rejected": "niet op het bord gezet",
      "closed": "De ronde is gesloten.",
      "round-closed": "De ronde is gesloten: notities toevoegen of wijzigen kan nu niet.",
      "bad-link": "Deze link werkt niet meer. Vraag om de nieuwe code of QR-code.",
      "bad-code": "Die code klopt niet.",
      "too-fast": "Te veel pogingen. Wacht even.",
      "empty": "Schrijf eerst iets.",
      "err-rate": "Je stuurt snel notities: de jouwe volgen zo.",
      "err-text": "Deze notitie is leeg of te lang.",
      "err-taken": "Deze notitie kun je niet wijzigen.",
      "err-gone": "De begeleider heeft deze notitie verwijderd.",
      "err-rejected": "De begeleider heeft deze notitie niet op het bord gezet.",
      "err-full": "De sessie is vol.",
      "err-budget": "Je hebt al je stemmen gebruikt.",
      "room-closed": "De sessie is gesloten. Je notities wachten hier tot ze weer opengaat.",
      "said-pending": "Bewaard op deze telefoon: hij wordt verstuurd zodra er weer verbinding is.",
      "said-sent": "Notitie verstuurd.",
      "said-sent-n": "{n} notities verstuurd.",
      "said-queued": "Notitie verstuurd: hij wacht op goedkeuring.",
      "said-held": "Notitie verstuurd: hij blijft verborgen tot de onthulling.",
      "said-shown": "Je notitie staat op het bord.",
      "colors": { yellow: "Geel", orange: "Oranje", pink: "Roze", purple: "Paars", blue: "Blauw", green: "Groen" },
    },
  };
  const COLORS = ["yellow", "orange", "pink", "purple", "blue", "green"];
  const PREFIX = "mc-room:" + location.host + ":";

  /* The board's language: the laptop puts it on the page (the join form
   * shows before the room's first word); the room's state keeps it. */
  let lang = document.documentElement.lang === "nl" ? "nl" : "en";
  let token = null;
  let ws = null;
  let opened = false;
  let retryDelay = 500;
  let retryTimer = null;
  let roomClosed = false;   /* the laptop closed the room: said until it is back */
  let resendTimer = null;
  let state = null;
  let editing = null;   /* id of the note being edited */
  const drawn = { mine: "", voting: "" };   /* what the lists show now */
  let told = null;   /* Map: note id → the state last said (null: not yet drawn) */
  const toSay = new Map();   /* what sayNow() says: key → how many notes */
  let sayTimer = null;

  const $ = (id) => document.getElementById(id);

  /* Storage: survives a locked screen, a reload and a closed tab. */
  function load(key, fallback) {
    try {
      const value = localStorage.getItem(PREFIX + key);
      return value === null ? fallback : JSON.parse(value);
    } catch (e) {
      return fallback;
    }
  }
  function save(key, value) {
    try {
      localStorage.setItem(PREFIX + key, JSON.stringify(value));
    } catch (e) {
      /* Private browsing without storage: the outbox lives in memory. */
    }
  }

  function randomHex(bytes) {
    const values = new Uint8Array(bytes);
    crypto.getRandomValues(values);
    return Array.from(values, (b) => b.toString(16).padStart(2, "0")).join("");
  }
  function newNoteId() {
    const h = randomHex(16).split("");
    h[12] = "4";
    h[16] = "89ab"[parseInt(h[16], 16) & 3];
    const s = h.join("");
    return s.slice(0, 8) + "-" + s.slice(8, 12) + "-" + s.slice(12, 16) + "-" + s.slice(16, 20) + "-" + s.slice(20);
  }

  let session = load("session", null);
  if (!/^[0-9a-f]{32}$/.test(session || "")) {
    session = randomHex(16);
    save("session", session);
  }
  /* Messages not yet acknowledged, in order; notes by id. */
  let outbox = load("outbox", []);
  let pendingVotes = load("votes", null);

  function t(key, values) {
    let text = TEXTS[lang][key] || TEXTS.en[key] || key;
    for (const name in values || {})
      text = text.replace("{" + name + "}", String(values[name]));
    return text;
  }

  let statusKey = "";

  function setStatus(key) {
    const status = $("status");
    statusKey = key;
    status.textContent = key ? t(key) : "";
    status.className = key === "offline" || key === "room-closed" ? "offline" : "";
  }

  /* What happened to the participant's notes, for a screen reader: said
   * once per change, in the live region #said. */
  function noteState(note) {
    return note.pending ? "pending" : note.queued ? "queued" : note.rejected ? "rejected"
      : note.held ? "held" : "";
  }

  function sayChanges(notes) {
    if (!state)
      return;   /* the room's word first: what it already had is no news */
    const before = told;
    told = new Map(notes.map((note) => [note.id, noteState(note)]));
    if (before === null)
      return;   /* the page's first drawing: nothing happened yet */
    for (const [id, now] of told) {
      const was = before.has(id) ? before.get(id) : null;
      let key = null;
      if (now === was)
        continue;
      if (now === "pending")
        key = opened ? null : "said-pending";
      else if (now === "rejected")
        key = "err-rejected";
      else if (now === "queued" || now === "held")
        key = "said-" + now;
      else if (was === "pending" || was === null)
        key = "said-sent";
      else if (was === "queued" || was === "held")
        key = "said-shown";
      if (key)
        toSay.set(key, (toSay.get(key) || 0) + 1);
    }
    /* Acks come one by one: what happens together is said once. */
    if (toSay.size > 0 && !sayTimer)
      sayTimer = setTimeout(sayNow, 300);
  }

  function sayNow() {
    const parts = [];
    for (const [key, n] of toSay)
      parts.push(key === "said-sent" && n > 1 ? t("said-sent-n", { n: n }) : t(key));
    toSay.clear();
    sayTimer = null;
    const region = $("said");
    /* The same words again are still news: a changed node is read. */
    const text = parts.join(" ");
    region.textContent = region.textContent === text ? text + "\u00a0" : text;
  }

  function applyLanguage() {
    document.documentElement.lang = lang;
    for (const element of document.querySelectorAll("[data-text]"))
      element.textContent = t(element.dataset.text);
    for (const input of document.querySelectorAll("#colors input"))
      input.nextElementSibling.title = TEXTS[lang].colors[input.value];
    for (const input of document.querySelectorAll("#colors input"))
      input.setAttribute("aria-label", TEXTS[lang].colors[input.value]);
    $("send").textContent = t(editing ? "save" : "add");
    setStatus(statusKey);
    updateCounter();
  }

  function buildColors() {
    const fieldset = $("colors");
    const chosen = load("color", "yellow");
    for (const color of COLORS) {
      const label = document.createElement("label");
      const input = document.createElement("input");
      const swatch = document.createElement("span");
      label.className = "swatch";
      input.type = "radio";
      input.name = "color";
      input.value = color;
      input.checked = color === chosen;
      input.addEventListener("change", () => save("color", color));
      swatch.className = "c-" + color;
      label.append(input, swatch);
      fieldset.append(label);
    }
  }

  function chosenColor() {
    const input = document.querySelector("#colors input:checked");
    return input ? input.value : "yellow";
  }

  function limit() {
    return state && state.limit ? state.limit : 500;
  }

  function updateCounter() {
    const text = $("text");
    text.maxLength = limit();
    $("counter").textContent = t("counter", { n: text.value.length, max: limit() });
  }

  /* The connection */

  function send(message) {
    if (ws && ws.readyState === WebSocket.OPEN)
      ws.send(JSON.stringify(message));
  }

  function flush() {
    clearTimeout(resendTimer);
    if (!opened)
      return;
    for (const message of outbox)
      send(message);
    if (pendingVotes)
      send({ type: "votes", votes: pendingVotes });
    /* Anything not acknowledged by then goes again. */
    if (outbox.length > 0 || pendingVotes)
      resendTimer = setTimeout(flush, 5000);
  }

  function queue(message) {
    outbox = outbox.filter((m) => m.id !== message.id);
    outbox.push(message);
    save("outbox", outbox);
    send(message);
    render();
    clearTimeout(resendTimer);
    resendTimer = setTimeout(flush, 5000);
  }

  function settle(id) {
    outbox = outbox.filter((m) => m.id !== id);
    save("outbox", outbox);
  }

  function connect() {
    clearTimeout(retryTimer);
    if (ws && (ws.readyState === WebSocket.OPEN || ws.readyState === WebSocket.CONNECTING))
      return;
    /* Retries keep the trouble on screen: no flicker to "Connecting…". */
    if (statusKey !== "offline" && statusKey !== "room-closed")
      setStatus("connecting");
    ws = new WebSocket("ws://" + location.host + "/ws?t=" + encodeURIComponent(token));
    opened = false;
    ws.onopen = () => {
      opened = true;
      roomClosed = false;
      retryDelay = 500;
      setStatus("online");
      send({ type: "hello", session: session, name: $("name").value });
      flush();
    };
    ws.onmessage = (event) => {
      let message;
      try {
        message = JSON.parse(event.data);
      } catch (e) {
        return;
      }
      receive(message);
    };
    ws.onclose = (event) => {
      const wasOpen = opened;
      opened = false;
      ws = null;
      /* 1001: the laptop closed the room (retries then find nothing there);
       * anything else: the network. */
      roomClosed = roomClosed || event.code === 1001;
      setStatus(roomClosed ? "room-closed" : "offline");
      if (!wasOpen)
        checkToken();
      retryTimer = setTimeout(connect, retryDelay);
      retryDelay = Math.min(retryDelay * 2, 8000);
    };
  }

  /* A handshake that fails may mean the link is stale (a new token). */
  function checkToken() {
    fetch("/api/prompt?t=" + encodeURIComponent(token), { cache: "no-store" })
      .then((response) => {
        if (response.status === 403) {
          clearTimeout(retryTimer);
          save("token", null);
          token = null;
          showJoin(t("bad-link"));
        }
      })
      .catch(() => {});
  }

  function receive(message) {
    switch (message.type) {
    case "state":
      state = message;
      if (message.lang === "nl" || message.lang === "en")
        lang = message.lang;
      applyLanguage();
      render();
      break;
    case "ack":
      if (message.id)
        settle(message.id);
      else if (pendingVotes) {
        pendingVotes = null;
        save("votes", null);
      }
      $("note-error").textContent = "";
      render();
      break;
    case "error":
      refused(message);
      break;
    }
  }

  function refused(message) {
    const code = message.code;
    if (code === "rate")
      return;   /* stays in the outbox; flush() tries again */
    if (code === "budget" || code === "votes") {
      pendingVotes = null;
      save("votes", null);
    }
    if (code === "closed" && !message.id) {
      pendingVotes = null;
      save("votes", null);
    }
    /* Refused for good: keep the text in the box so nothing is lost. */
    const lost = outbox.find((m) => m.id === message.id);
    if (message.id)
      settle(message.id);
    if (lost && lost.type === "note" && $("text").value === "")
      $("text").value = lost.text;
    const key = code === "closed" ? "round-closed" : "err-" + code;
    $("note-error").textContent = TEXTS[lang][key] ? t(key) : code;
    render();
  }

  /* Drawing */

  /* A note in a list; its buttons are described by its text, so "Delete"
   * or "Vote" says which note (prefix keeps the two lists' ids apart). */
  function noteItem(note, extra, prefix) {
    const item = document.createElement("li");
    const text = document.createElement("div");
    item.className = "note c-" + (COLORS.includes(note.color) ? note.color : "yellow");
    text.id = prefix + "-" + note.id;
    text.textContent = note.text;
    item.append(text);
    if (extra) {
      const meta = document.createElement("span");
      meta.className = "meta";
      meta.textContent = extra;
      item.append(meta);
    }
    return item;
  }

  function button(label, onClick, disabled, describedBy) {
    const element = document.createElement("button");
    element.type = "button";
    element.setAttribute("aria-describedby", describedBy);
    element.textContent = label;
    element.disabled = !!disabled;
    element.addEventListener("click", onClick);
    return element;
  }

  function myNotes() {
    const notes = new Map();
    for (const note of (state && state.mine) || [])
      notes.set(note.id, { id: note.id, text: note.text, color: note.color, held: note.held,
                          queued: note.queued, rejected: note.rejected });
    for (const message of outbox) {
      if (message.type === "note")
        notes.set(message.id, { id: message.id, text: message.text, color: message.color, pending: true });
      else if (message.type === "delete")
        notes.delete(message.id);
    }
    return Array.from(notes.values());
  }

  function render() {
    const open = !!(state && state.open);
    const prompt = state && state.prompt;

    $("prompt-title").textContent = prompt ? prompt.title : "";
    const questions = $("questions");
    questions.replaceChildren();
    for (const question of (prompt && prompt.questions) || []) {
      const item = document.createElement("li");
      item.textContent = question;
      questions.append(item);
    }
    $("waiting").hidden = open;
    if (state && prompt && !open)
      $("waiting").textContent = t("closed");
    else
      $("waiting").textContent = t("waiting");
    $("note-form").hidden = !open;

    const list = $("my-notes");
    const notes = myNotes();
    /* Redrawn only when something changed: a button under a finger stays. */
    const key = JSON.stringify([lang, open, notes]);
    if (key !== drawn.mine) {
      drawn.mine = key;
      drawMine(list, notes, open);
    }
    $("mine-empty").hidden = notes.length > 0;
    sayChanges(notes);

    renderVoting();
  }

  function drawMine(list, notes, open) {
    list.replaceChildren();
    for (const note of notes) {
      const extra = note.pending ? t("pending") : note.queued ? t("queued")
        : note.rejected ? t("rejected") : note.held ? t("held") : "";
      const item = noteItem(note, extra, "mine");
      const row = document.createElement("div");
      row.className = "row";
      row.append(button(t("edit"), () => startEdit(note), !open || !!note.rejected, "mine-" + note.id),
                 button(t("delete"), () => queue({ type: "delete", id: note.id }), !open, "mine-" + note.id));
      item.append(row);
      list.append(item);
    }
  }

  function renderVoting() {
    const voting = state && state.voting;
    $("voting").hidden = !voting;
    if (!voting) {
      drawn.voting = "";
      return;
    }
    const mine = pendingVotes || voting.votes || {};
    let used = 0;
    for (const id in mine)
      used += mine[id];
    $("votes-left").textContent = t("votes-left", { n: voting.budget - used, max: voting.budget });

    const shut = voting.open === false;
    const key = JSON.stringify([lang, voting.budget, voting.notes, mine, shut]);
    if (key === drawn.voting)
      return;
    drawn.voting = key;
    const list = $("vote-list");
    list.replaceChildren();
    for (const note of voting.notes) {
      const count = mine[note.id] || 0;
      const item = noteItem(note, t("your-votes", { n: count }), "vote");
      const row = document.createElement("div");
      row.className = "row";
      row.append(button(t("vote-remove"), () => vote(note.id, -1), shut || count === 0, "vote-" + note.id),
                 button(t("vote-add"), () => vote(note.id, +1), shut || used >= voting.budget,
                        "vote-" + note.id));
      item.append(row);
      list.append(item);
    }
  }

  function vote(id, delta) {
    const voting = state && state.voting;
    if (!voting)
      return;
    const votes = Object.assign({}, pendingVotes || voting.votes || {});
    votes[id] = Math.max(0, (votes[id] || 0) + delta);
    if (votes[id] === 0)
      delete votes[id];
    pendingVotes = votes;
    save("votes", votes);
    send({ type: "votes", votes: votes });
    renderVoting();
  }

  function startEdit(note) {
    editing = note.id;
    $("text").value = note.text;
    $("cancel").hidden = false;
    $("send").textContent = t("save");
    updateCounter();
    $("text").focus();
  }

  function stopEdit() {
    editing = null;
    $("text").value = "";
    $("cancel").hidden = true;
    $("send").textContent = t("add");
    updateCounter();
  }

  function submitNote(event) {
    event.preventDefault();
    const text = $("text").value.trim();
    if (text === "") {
      $("note-error").textContent = t("empty");
      return;
    }
    $("note-error").textContent = "";
    save("name", $("name").value);
    queue({ type: "note", id: editing || newNoteId(), text: text,
            color: chosenColor(), name: $("name").value });
    stopEdit();
  }

  /* Joining */

  function showJoin(error) {
    $("room").hidden = true;
    $("join").hidden = false;
    $("join-error").textContent = error || "";
    setStatus("");
  }

  function start() {
    $("join").hidden = true;
    $("room").hidden = false;
    render();
    connect();
  }

  function submitCode(event) {
    event.preventDefault();
    fetch("/api/join", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ code: $("code").value.trim() }),
    }).then((response) => {
      if (response.status === 429)
        throw new Error(t("too-fast"));
      if (!response.ok)
        throw new Error(t("bad-code"));
      return response.json();
    }).then((answer) => {
      token = answer.token;
      save("token", token);
      start();
    }).catch((error) => {
      $("join-error").textContent = error.message;
    });
  }

  function init() {
    const match = /[#&]t=([0-9a-f]{32})/.exec(location.hash);
    if (match) {
      token = match[1];
      save("token", token);
      /* The token stays out of the address bar (and of screenshots). */
      history.replaceState(null, "", location.pathname);
    } else {
      token = load("token", null);
    }

    buildColors();
    $("name").value = load("name", "");
    $("text").addEventListener("input", updateCounter);
    $("note-form").addEventListener("submit", submitNote);
    $("cancel").addEventListener("click", stopEdit);
    $("join-form").addEventListener("submit", submitCode);
    applyLanguage();

    /* A phone that wakes up or gets its network back reconnects at once. */
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "visible" && token)
        connect();
    });
    window.addEventListener("online", () => { if (token) connect(); });
    window.addEventListener("pageshow", () => { if (token) connect(); });

    if (token)
      start();
    else
      showJoin("");
  }

  init();
})();
