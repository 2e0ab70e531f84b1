/* Online safety help for parents: the embeddable chat widget (no dependencies).
 * Embed: <script src="https://HOST/webhooks/widget/widget.js" defer></script>
 * Options on that tag: data-exit-url (Quick exit target, default https://www.google.com),
 * data-lang (sent as metadata.lang, default "en"), data-country (an ISO code sent as
 * metadata.country: a hint for sites without a fixed country, e.g. a country picker).
 * Privacy: no cookies; nothing is stored until the chat is opened, then only sessionStorage
 * keys starting "osw-". Server and user text is only ever set with textContent.
 * The school's look (title, greeting, starter questions, colours, position) comes from the
 * server's /webhooks/widget/config for this page's origin, never from the page. */
(() => {
"use strict";
if (window.__oswWidget) return;
window.__oswWidget = true;

const PATH = "/webhooks/widget/widget.js";
const KEY = "osw-state";
const MAX = 1000; // characters per message (the API's limit)
const MAX_LOG = 200;

const pathOf = (src) => {
  try { return new URL(src, document.baseURI).pathname; } catch (e) { return ""; }
};
const isOurs = (src) => pathOf(src).slice(-PATH.length) === PATH;

// document.currentScript is only set while this script first runs: capture it now.
let script = document.currentScript;
if (!script || !script.src) {
  script = [].slice.call(document.getElementsByTagName("script")).reverse()
    .find((s) => s.src && isOurs(s.src));
}
if (!script) return;

// An absolute http(s) URL, or null. Only such URLs become links or the exit target.
const safeUrl = (value, base) => {
  if (typeof value !== "string" || !value) return null;
  try {
    const u = base ? new URL(value, base) : new URL(value);
    return u.protocol === "https:" || u.protocol === "http:" ? u.href : null;
  } catch (e) { return null; }
};

const srcUrl = new URL(script.src, document.baseURI);
const BASE = srcUrl.origin + (isOurs(script.src) ? srcUrl.pathname.slice(0, -PATH.length) : "");
const ENDPOINT = BASE + "/webhooks/widget/webhook";
const FEEDBACK = BASE + "/webhooks/widget/feedback";
// The setup page's preview names its site; the server honours that on its own origin only.
const PREVIEW = script.getAttribute("data-preview") || "";
const CONFIG = BASE + "/webhooks/widget/config" +
  (/^[A-Za-z0-9_-]{1,64}$/.test(PREVIEW) ? "?preview=" + PREVIEW : "");
const TITLE = "Online safety help for parents";
const ASK = "Ask about apps, games, settings or a worry about your child online.";
// "Was this helpful?" after No: the codes the server accepts (bot/insights/feedback.py).
const REASONS = [["not_answered", "Didn't answer my question"], ["out_of_date", "Out of date"],
  ["wrong_app", "Wrong app"], ["too_long", "Too long"], ["hard_to_follow", "Hard to follow"]];
const EXIT_URL = safeUrl(script.getAttribute("data-exit-url"), document.baseURI) ||
  "https://www.google.com";
let LANG = (script.getAttribute("data-lang") || "en").toLowerCase();
if (!/^[a-z]{2,3}(-[a-z0-9]{2,8})?$/.test(LANG)) LANG = "en";
const COUNTRY = (script.getAttribute("data-country") || "").toUpperCase();
const PAGE_META = /^[A-Z]{2}$/.test(COUNTRY) ? { lang: LANG, country: COUNTRY } : { lang: LANG };

/* ---- state; sessionStorage is written only after the parent opens the chat ---- */

let state = { sender: null, open: false, log: [] };
let active = false; // the chat has been opened in this tab session
let busy = false; // a message is on its way
let gen = 0; // bumped by Clear and Quick exit, so a late reply is dropped
let waitUntil = 0; // rate-limited until (ms)
let look = { greeting: "", starters: [] }; // the site's settings (config), once they arrive

const store = () => { try { return window.sessionStorage; } catch (e) { return null; } };
const str = (v, max) => (typeof v === "string" ? v.slice(0, max || 20000) : "");
const list = (v, max, keep) => (Array.isArray(v) ? v.filter(keep).slice(0, max) : []);
const obj = (v) => !!v && typeof v === "object";

const cleanSources = (v) => list(v, 20, (s) => obj(s) && str(s.title) && safeUrl(s.url))
  .map((s) => ({ title: str(s.title, 300), url: safeUrl(s.url) }));
const cleanButtons = (v) => list(v, 10, (b) => obj(b) && str(b.title) && str(b.payload))
  .map((b) => ({ title: str(b.title, 200), payload: str(b.payload, MAX) }));
// A web address from the data ("iwf.org.uk/report") as a link target: https:// is added.
const webUrl = (w) => safeUrl(/^https?:\/\//i.test(w) ? w : "https://" + w);
const cleanContact = (c) => (obj(c) && str(c.name) ? {
  name: str(c.name, 300),
  phone: str(c.phone, 80),
  tel: /^\+?[0-9]{2,20}$/.test(c.tel) ? c.tel : "",
  web: str(c.web) && webUrl(str(c.web, 300)) ? str(c.web, 300) : "",
  note: str(c.note, 600)
} : null);
const contacts = (v) => list(v, 12, obj).map(cleanContact).filter(Boolean);
// The crisis card (the API's messages[].crisis_card), kept as data; the same check on load.
function cleanCard(v) {
  if (!obj(v) || !cleanContact(v.emergency)) return null;
  const c = obj(v.country) && /^[A-Z]{2}$/.test(v.country.code) ? v.country : {};
  return {
    opening: str(v.opening, 1000),
    emergency: cleanContact(v.emergency),
    report: contacts(v.report),
    helplines: contacts(v.helplines),
    removal: contacts(v.removal),
    steps: list(v.steps, 20, (x) => str(x)).map((x) => str(x, 1000)),
    school_contact: str(v.school_contact, 300),
    country: { code: c.code || null, name: c.code ? str(c.name, 100) : null },
    ask_country: str(v.ask_country, 500)
  };
}
// A guidance answer's entry ids (meta.guidance_ids), which its rating names.
const cleanIds = (v) => list(v, 4, (x) => /^[A-Za-z0-9_:-]{1,80}$/.test(x));
function cleanEntry(e) {
  if (e.who === "user") return { who: "user", text: str(e.text, MAX) };
  const card = cleanCard(e.card); // shown instead of the text, which is for plain-text channels
  return { who: "bot", text: card ? "" : str(e.text), sources: cleanSources(e.sources),
    links: cleanSources(e.links), // the school's own pages, same shape and checks as sources
    buttons: cleanButtons(e.buttons), crisis: e.crisis === true || !!card, card: card,
    ids: card ? [] : cleanIds(e.ids), fb: ["yes", "no", "done"].indexOf(e.fb) >= 0 ? e.fb : "" };
}

function load() {
  const s = store();
  try {
    const v = s && JSON.parse(s.getItem(KEY));
    if (!obj(v) || !Array.isArray(v.log)) return null;
    return {
      sender: typeof v.sender === "string" && /^[A-Za-z0-9_-]{1,64}$/.test(v.sender) ? v.sender : null,
      open: v.open === true,
      log: v.log.filter(obj).map(cleanEntry).slice(-MAX_LOG)
    };
  } catch (e) { return null; }
}

function save() {
  const s = store();
  if (!active || !s) return;
  state.log = state.log.slice(-MAX_LOG);
  try { s.setItem(KEY, JSON.stringify(state)); } catch (e) { /* full or blocked: memory only */ }
}

function wipe() {
  const s = store();
  try {
    for (let i = s ? s.length - 1 : -1; i >= 0; i--) {
      const k = s.key(i);
      if (k && k.indexOf("osw-") === 0) s.removeItem(k);
    }
  } catch (e) { /* ignore */ }
}

// 32 URL-safe characters; 256 % 64 == 0, so `byte & 63` is unbiased. Sender and message ids.
function newId() {
  const abc = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  const bytes = window.crypto.getRandomValues(new Uint8Array(32));
  return [].map.call(bytes, (b) => abc[b & 63]).join("");
}

/* ---- DOM: createElement and textContent only ---- */

function el(tag, cls, text, attrs) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text != null) e.textContent = text;
  Object.keys(attrs || {}).forEach((k) => e.setAttribute(k, attrs[k]));
  return e;
}
function button(cls, text, onClick, attrs) {
  const b = el("button", cls, text, Object.assign({ type: "button" }, attrs));
  b.addEventListener("click", onClick);
  return b;
}

const BLUE = "#0b4f8a";
const RED = "#b00020";
const CSS = `:host{all:initial}
*,*::before,*::after{box-sizing:border-box}
.w{font:16px/1.5 system-ui,"Segoe UI",Roboto,sans-serif;color:#1a1a1a}
[hidden]{display:none!important}
button,input{font:inherit;line-height:1.25;margin:0}
button{cursor:pointer}
.w{--a:${BLUE};--at:#fff}
.launch{position:fixed;right:16px;bottom:16px;z-index:2147483000;min-height:48px;padding:10px 20px;border:2px solid #fff;border-radius:24px;background:var(--a);color:var(--at);font-weight:700;box-shadow:0 2px 10px rgba(0,0,0,.35)}
.panel{position:fixed;right:16px;bottom:16px;z-index:2147483001;display:flex;flex-direction:column;width:390px;max-width:calc(100vw - 32px);height:620px;max-height:calc(100vh - 32px);background:#fff;border:1px solid #6b6b6b;border-radius:12px;box-shadow:0 8px 28px rgba(0,0,0,.3);overflow:hidden}
.left .launch,.left .panel{right:auto;left:16px}
.head{display:flex;align-items:center;gap:8px;padding:8px 8px 8px 14px;background:var(--a);color:var(--at)}
h2{margin:0;flex:1;font-size:1.05em;line-height:1.3}
.btn{min-height:44px;min-width:44px;padding:6px 12px;border-radius:6px;border:2px solid ${BLUE};background:#fff;color:${BLUE};font-weight:700}
.btn:hover{background:#e6eef7}
.close,.send{border-color:var(--at);background:var(--a);color:var(--at)}
.launch:hover,.close:hover,.send:hover{background:var(--a);text-decoration:underline}
.tools{display:flex;flex-wrap:wrap;gap:8px;padding:8px 12px;border-bottom:1px solid #c4c4c4}
.exit{background:${RED};border-color:${RED};color:#fff}
.exit:hover{background:#8a0019}
.log{position:relative;flex:1;min-height:0;overflow-y:auto;padding:12px;display:flex;flex-direction:column;gap:10px}
.intro{margin:0;padding:10px 12px;border-radius:10px;background:#f3f5f7;font-size:.95em}
.msg{max-width:90%;padding:8px 12px;border-radius:10px;overflow-wrap:anywhere}
.txt{white-space:pre-wrap;margin:0}
.user{align-self:flex-end;background:var(--a);color:var(--at)}
.bot{align-self:flex-start;background:#f0f2f4;border:1px solid #d4d8dc}
.osw-crisis{background:#fff6f6;border:3px solid ${RED};border-left-width:8px}
.tag{display:inline-block;margin-bottom:6px;padding:2px 8px;border-radius:4px;background:${RED};color:#fff;font-weight:700}
.src,.src+.txt{margin-top:8px}
h3{margin:0 0 2px;font-size:.95em}
ul{margin:0;padding-left:1.25em}
a{color:${BLUE};text-decoration:underline}
.osw-crisis a{color:#8a0019}
.osw-card .txt+.txt{margin-top:6px}
.em{font-weight:700}
.qr{display:flex;flex-wrap:wrap;gap:6px;align-self:flex-start;max-width:100%}
.qr .btn{min-height:40px;text-align:left}
.err{padding:8px 12px;border-radius:8px;border:2px solid #8a5300;background:#fff8e6}
.err p{margin:0 0 6px}
.fb{margin-top:8px;padding-top:6px;border-top:1px solid #c4c4c4}
.fb p{margin:0 0 4px}
.fb .btn{min-height:40px;margin:0 6px 6px 0}
.typing{margin:0;padding:2px 14px 6px;color:#444;font-style:italic}
.dot{display:inline-block}
form{display:flex;flex-wrap:wrap;gap:6px 8px;padding:8px 12px 12px;border-top:1px solid #c4c4c4}
label{flex-basis:100%;font-weight:700;font-size:.9em}
input{flex:1;min-width:0;min-height:44px;padding:8px 10px;border:2px solid #595959;border-radius:6px;background:#fff;color:#1a1a1a}
.send{border-color:var(--a)}
.sr{position:absolute!important;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
:focus{outline:none}
:focus-visible,input:focus{outline:3px solid #1a1a1a;outline-offset:2px;box-shadow:0 0 0 2px #fff}
.head :focus-visible{outline-color:var(--at);box-shadow:0 0 0 2px #1a1a1a}
@media (max-width:480px),(max-height:500px){.panel,.left .panel{top:0;right:0;bottom:0;left:0;width:auto;height:auto;max-width:none;max-height:none;border:0;border-radius:0}.launch{right:8px;bottom:8px}.left .launch{left:8px}}
.print{display:none}
@media print{.launch,.panel{display:none!important}.print{display:block;color:#000}.print h2{margin-top:1em;font-size:1.1em}}
@media (prefers-reduced-motion:no-preference){.panel{animation:osw-in .16s ease-out}.dot{animation:osw-blink 1.2s infinite}.dot+.dot{animation-delay:.2s}.dot+.dot+.dot{animation-delay:.4s}}
@keyframes osw-in{from{opacity:0;transform:translateY(12px)}}
@keyframes osw-blink{50%{opacity:.2}}
@media (forced-colors:active){.launch,.panel,.msg,.btn,.err{border:2px solid CanvasText}}`;

const host = el("osw-chat-widget");
const ui = {};

function build() {
  const root = host.attachShadow({ mode: "open" });
  try { // a constructed sheet is not blocked by a school's CSP (style-src)
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    root.adoptedStyleSheets = [sheet];
  } catch (e) {
    root.appendChild(el("style", null, CSS));
  }
  const w = ui.w = el("div", "w");
  ui.launch = button("launch", "Online safety help", () => openChat(true), {
    "aria-label": "Online safety help: open chat", "aria-expanded": "false", "aria-controls": "osw-panel"
  });
  ui.panel = el("div", "panel", null, {
    id: "osw-panel", role: "dialog", "aria-modal": "false", "aria-labelledby": "osw-title"
  });
  ui.panel.hidden = true;
  const head = el("div", "head");
  head.append(ui.title = el("h2", null, TITLE, { id: "osw-title" }),
    button("btn close", "Close", closeChat, { "aria-label": "Close chat" }));
  const tools = el("div", "tools");
  tools.append(
    button("btn exit", "Quick exit", quickExit, { "aria-describedby": "osw-exit" }),
    button("btn", "Clear conversation", clearChat),
    button("btn", "Save this advice", saveAdvice, { "aria-describedby": "osw-save" }),
    el("span", "sr", "Quick exit clears this chat and leaves this page at once.", { id: "osw-exit" }),
    el("span", "sr", "Opens your browser's print dialog, to print or save as PDF. Nothing is sent.",
      { id: "osw-save" }));
  ui.log = el("div", "log", null, { role: "region", "aria-label": "Conversation", tabindex: "0" });
  ui.typing = el("p", "typing", "Assistant is typing");
  for (let i = 0; i < 3; i++) ui.typing.append(el("span", "dot", ".", { "aria-hidden": "true" }));
  ui.typing.hidden = true;
  ui.form = el("form");
  ui.form.append(el("label", null, "Type your question", { for: "osw-input" }),
    ui.input = el("input", null, null, {
      id: "osw-input", type: "text", maxlength: String(MAX), autocomplete: "off", enterkeyhint: "send"
    }),
    el("button", "btn send", "Send", { type: "submit" }));
  ui.panel.append(head, tools, ui.log, ui.typing, ui.form);
  ui.live = el("div", "sr", null, { "aria-live": "polite", "aria-atomic": "true" });
  ui.print = el("div", "print");
  w.append(ui.launch, ui.panel, ui.live, ui.print);
  root.append(w);

  ui.panel.addEventListener("keydown", (ev) => {
    if (ev.key === "Escape") {
      ev.preventDefault();
      ev.stopPropagation();
      closeChat();
    }
  });
  ui.form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    if (send(ui.input.value)) ui.input.value = "";
  });
  renderAll();
}

// Say a short version in the polite live region (the full text is in the conversation).
function announce(text) {
  let t = text.replace(/\s+/g, " ").trim();
  if (t.length > 220) {
    const cut = t.lastIndexOf(" ", 220);
    t = t.slice(0, cut > 100 ? cut : 220) + "\u2026 (full answer in the conversation)";
  }
  ui.live.textContent = "";
  setTimeout(() => { ui.live.textContent = t; }, 50);
}

// A link opening in a new tab, or the text alone when the URL is not http(s).
function link(text, url) {
  url = safeUrl(url);
  if (!url) return document.createTextNode(text);
  const a = el("a", null, text, { href: url, target: "_blank", rel: "noopener noreferrer" });
  a.append(el("span", "sr", " (opens in a new tab)"));
  return a;
}
const tel = (c) => (c.tel ? el("a", null, c.phone, { href: "tel:" + c.tel }) : c.phone);
const about = (c) => c.name + (c.note ? "; " + c.note : "");
// The emergency line as the plain-text answer words it, the number a tel: link.
const emergency = (c) => ["If anyone is in immediate danger, call ",
  ...(c.phone ? [tel(c), " (" + about(c) + ") now."] : [about(c) + " now."])];
const linkItem = (s, li) => { li.append(link(s.title, s.url)); return li; };
const section = (title, ul) => { const d = el("div", "src"); d.append(el("h3", null, title), ul); return d; };
const bullets = (items, fill) => { const ul = el("ul"); items.forEach((x) => ul.append(fill(x, el("li")))); return ul; };

// One service: its name, number (tel: link) and address (link), then what it is for.
function contactItem(c, li) {
  li.append(c.name);
  const ways = [c.phone && tel(c), c.web && link(c.web, webUrl(c.web))].filter(Boolean);
  if (ways.length) li.append(": ", ...ways.flatMap((w, i) => (i ? [" or ", w] : [w])));
  if (c.note) li.append(" \u2013 " + c.note);
  return li;
}

// The crisis card: the country's routes first, then the first steps (sources follow).
function renderCard(m, c) {
  if (c.opening) m.append(el("p", "txt", c.opening));
  const p = el("p", "txt em");
  p.append(...emergency(c.emergency));
  m.append(p);
  if (c.country.name) m.append(el("p", "txt", "Services for " + c.country.name + "."));
  [["Report it", c.report], ["Support", c.helplines], ["Getting images removed", c.removal]]
    .forEach((s) => { if (s[1].length) m.append(section(s[0], bullets(s[1], contactItem))); });
  if (c.steps.length) {
    m.append(section("What to do now", bullets(c.steps, (x, li) => { li.textContent = x; return li; })));
  }
  if (c.school_contact) m.append(el("p", "src", "Your school's safeguarding contact: " + c.school_contact));
}

function renderEntry(e) {
  const m = el("div", "msg " + e.who + (e.crisis ? " osw-crisis" : "") + (e.card ? " osw-card" : ""));
  m.append(el("span", "sr", e.who === "user" ? "You said: " : "Assistant said: "));
  if (e.crisis) m.append(el("strong", "tag", "Get help now"));
  if (e.card) renderCard(m, e.card);
  else if (e.text) m.append(el("p", "txt", e.text));
  if (e.links && e.links.length) m.append(section("From your school", bullets(e.links, linkItem)));
  if (e.sources && e.sources.length) m.append(section("Sources", bullets(e.sources, linkItem)));
  if (e.card && e.card.ask_country) m.append(el("p", "src", e.card.ask_country));
  if (e.ids && e.ids.length) m.append(rating(e));
  ui.log.append(m);
  if (e.buttons && e.buttons.length) {
    const qr = el("div", "qr", null, { role: "group", "aria-label": "Quick replies" });
    e.buttons.forEach((b) => {
      qr.append(button("btn", b.title, () => { if (send(b.payload, b.title)) ui.input.focus(); }));
    });
    ui.log.append(qr);
  }
  return m;
}

// "Was this helpful?" under a guidance answer: Yes / No, after No the reasons; one rating
// per answer (entry.fb, kept with the conversation). Only the entry ids and the choice go.
function rating(e) {
  const box = el("div", "fb");
  const ask = (q, label, choices) => {
    box.append(el("p", null, q));
    const g = el("div", null, null, { role: "group", "aria-label": label });
    choices.forEach((c) => g.append(button("btn", c[1], () => rate(e, box, c[0]))));
    box.append(g);
  };
  if (!e.fb) ask("Was this helpful?", "Was this answer helpful?", [["yes", "Yes"], ["no", "No"]]);
  else if (e.fb === "no") ask("What was wrong?", "What was wrong with this answer?", REASONS);
  else box.append(el("p", null, "Thanks for your feedback.", { tabindex: "-1" }));
  return box;
}

function rate(e, box, choice) {
  const reason = e.fb === "no";
  const body = { guidance_ids: e.ids, rating: reason ? "no" : choice };
  if (reason) body.reason = choice;
  e.fb = choice === "no" ? "no" : "done";
  save();
  fetch(FEEDBACK, { method: "POST", headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body), credentials: "omit", cache: "no-store",
    referrerPolicy: "strict-origin", keepalive: true }).catch(() => {}); // optional: no retry
  const next = rating(e);
  box.replaceWith(next);
  next.querySelector(e.fb === "no" ? "button" : "p").focus();
  announce(e.fb === "no" ? "Thanks. What was wrong? Choose a reason, if you like." :
    "Thanks for your feedback.");
}

function renderAll() {
  ui.log.textContent = "";
  // The school's greeting replaces the first sentence only: the safety note always stays.
  ui.log.append(ui.intro = el("p", "intro", (look.greeting || ASK) + " This is an " +
    "automated assistant, not a person: please don't share names or other personal " +
    "details. If a child is in immediate danger, call your local emergency number."));
  state.log.forEach(renderEntry);
  if (!state.log.length && look.starters.length) { // an empty chat: the school's questions
    const qr = el("div", "qr", null, { role: "group", "aria-label": "Suggested questions" });
    look.starters.forEach((q) => qr.append(button("btn", q, () => { if (send(q)) ui.input.focus(); })));
    ui.log.append(qr);
  }
  scrollDown();
}

// The site's settings from the server, checked like any server data, applied with
// textContent and CSS custom properties only.
function configure(v) {
  if (!obj(v)) return;
  const hex = (x) => (/^#[0-9a-fA-F]{6}$/.test(x) ? x : "");
  const c = obj(v.colours) ? v.colours : {};
  look = { greeting: str(v.greeting, 300), starters: list(v.starter_questions, 4, (q) => str(q)).map((q) => str(q, 100)) };
  ui.title.textContent = str(v.title, 60) || TITLE;
  if (hex(c.accent) && hex(c.accent_text)) {
    ui.w.style.setProperty("--a", c.accent);
    ui.w.style.setProperty("--at", c.accent_text);
  }
  ui.w.classList.toggle("left", v.position === "bottom-left");
  // Re-rendered only before a conversation: nothing under the parent's focus is replaced.
  if (!state.log.length) renderAll();
  else ui.intro.textContent = ui.intro.textContent.replace(ASK, look.greeting || ASK);
}

/* ---- "Save this advice": a print-only summary; nothing is sent or stored ---- */

// Hides the school's page around the summary, in print only; made when needed, removed after.
let pageSheet = null;
function printPageOnly(on) {
  try {
    const all = document.adoptedStyleSheets;
    if (on && !pageSheet) {
      pageSheet = new CSSStyleSheet();
      pageSheet.replaceSync("@media print{body>:not(osw-chat-widget){display:none!important}}");
      document.adoptedStyleSheets = all.concat(pageSheet);
    } else if (!on && pageSheet) {
      document.adoptedStyleSheets = all.filter((s) => s !== pageSheet);
      pageSheet = null;
    }
  } catch (e) { /* an old browser prints the page around the summary too */ }
}

function saveAdvice() {
  const p = ui.print;
  let asked = "";
  p.textContent = "";
  // Links written out: a printed page can't be clicked.
  const items = (xs) => bullets(xs, (s, li) => { li.textContent = s.title + ": " + s.url; return li; });
  state.log.forEach((e) => {
    if (e.who === "user") { asked = e.text; return; }
    if (!e.card && !e.sources.length) return; // questions back and small talk are not advice
    if (asked) p.append(el("h2", null, "You asked: " + asked));
    if (e.card) renderCard(p, e.card);
    else p.append(el("p", "txt", e.text));
    if (e.links.length) p.append(section("From your school", items(e.links)));
    if (e.sources.length) p.append(section("Sources", items(e.sources)));
  });
  if (!p.childNodes.length) {
    announce("There is no advice to save yet. Ask a question first.");
    return;
  }
  let day = "";
  try { day = new Date().toLocaleDateString(LANG, { day: "numeric", month: "long", year: "numeric" }); } catch (e) { /* no date */ }
  p.prepend(el("h1", null, ui.title.textContent), el("p", null, "Advice from this conversation, saved " + day + "."));
  p.append(el("p", "src", "This is general guidance from an automated assistant, not " +
    "professional advice. If a child is in immediate danger, call your local emergency " +
    "number. For help, contact your school's safeguarding lead or the services above."));
  printPageOnly(true);
  window.addEventListener("afterprint", () => printPageOnly(false), { once: true });
  window.print();
}

const scrollDown = () => { ui.log.scrollTop = ui.log.scrollHeight; };
const removeAll = (sel) => ui.log.querySelectorAll(sel).forEach((n) => n.remove());

/* ---- open, close, clear, quick exit ---- */

function openChat(focus) {
  active = true;
  if (!state.sender) state.sender = newId();
  state.open = true;
  save();
  ui.panel.hidden = false;
  ui.launch.hidden = true;
  ui.launch.setAttribute("aria-expanded", "true");
  scrollDown();
  if (focus) ui.input.focus();
}

function closeChat() {
  state.open = false;
  save();
  ui.panel.hidden = true;
  ui.launch.hidden = false;
  ui.launch.setAttribute("aria-expanded", "false");
  ui.launch.focus();
}

function reset() {
  gen++;
  busy = false;
  ui.typing.hidden = true;
  state.log = [];
  state.sender = null; // the next message starts a new conversation on the server too
  ui.print.textContent = "";
  wipe();
}

function clearChat() {
  reset();
  ui.input.value = "";
  renderAll();
  announce("Conversation cleared.");
  ui.input.focus();
}

function quickExit() {
  reset();
  active = false;
  host.remove();
  window.location.replace(EXIT_URL);
}

/* ---- sending and receiving ---- */

function push(entry) {
  state.log.push(entry);
  save();
  return renderEntry(entry);
}

// Send text (a button sends its payload and shows its title). False if not sent.
function send(text, shown) {
  const message = String(text || "").trim().slice(0, MAX);
  if (!message) {
    ui.input.focus();
    return false;
  }
  if (busy) {
    announce("Please wait for the answer to your last message.");
    return false;
  }
  const left = Math.ceil((waitUntil - Date.now()) / 1000);
  if (left > 0) {
    showError(rateText(left));
    return false;
  }
  active = true;
  if (!state.sender) state.sender = newId();
  removeAll(".err, .qr"); // quick replies belong to the latest answer only
  state.log.forEach((e) => { if (e.buttons) e.buttons = []; });
  push({ who: "user", text: (shown || message).slice(0, MAX) });
  post(message, newId());
  return true;
}

// A retry reuses the message's id, so the server answers it once even if it got it before.
function post(message, id) {
  const again = () => post(message, id);
  const myGen = gen;
  busy = true;
  ui.typing.hidden = false;
  announce("Assistant is typing\u2026");
  scrollDown();
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), 30000);
  const current = () => {
    clearTimeout(timer);
    if (myGen !== gen) return false;
    busy = false;
    ui.typing.hidden = true;
    return true;
  };
  fetch(ENDPOINT, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ sender: state.sender, message: message, message_id: id, metadata: PAGE_META }),
    credentials: "omit",
    cache: "no-store",
    referrerPolicy: "strict-origin",
    signal: ctrl.signal
  }).then((r) => {
    if (!r.ok) {
      if (current()) failed(r.status, r.headers.get("Retry-After"), again);
      return null;
    }
    return r.json().then(
      (data) => { if (current()) receive(data); },
      () => { if (current()) failed(0, null, again); });
  }, () => { if (current()) failed(-1, null, again); });
}

// Replies come as structure: text, buttons, meta.sources (listed once, under the card or the
// last message) and, for a crisis, a card that is rendered instead of the plain text.
function receive(data) {
  const meta = obj(data) && obj(data.meta) ? data.meta : {};
  const crisis = meta.kind === "crisis";
  const entries = (obj(data) && Array.isArray(data.messages) ? data.messages : [])
    .filter(obj)
    .map((m) => cleanEntry({ who: "bot", text: m.text, buttons: m.buttons, crisis: crisis, card: m.crisis_card, links: m.school_links }))
    .filter((e) => e.text || e.card || e.buttons.length);
  if (!entries.length) {
    entries.push(cleanEntry({ text: "Sorry, I don't have an answer for that. Could you ask it another way?" }));
  }
  const card = entries.filter((e) => e.card).pop();
  const last = card || entries[entries.length - 1];
  last.sources = cleanSources(meta.sources);
  if (meta.kind === "guidance" && !card) last.ids = cleanIds(meta.guidance_ids);
  // One card per conversation: a newer one (the parent gave the country) replaces the old.
  // It moves to the end, after the parent's choice, where the parent is reading.
  const old = card && state.log.some((e) => e.card);
  if (card) {
    entries.forEach((e) => { if (e !== card) e.card = null; });
    state.log = state.log.filter((e) => !e.card);
    removeAll(".osw-card");
  }
  entries.forEach(push);
  const asked = [].slice.call(ui.log.querySelectorAll(".user")).pop(); // question + answer
  ui.log.scrollTop = asked ? asked.offsetTop - 8 : ui.log.scrollHeight;
  const where = card && card.card.country.name ? " for " + card.card.country.name : "";
  announce((crisis || card ? "Get help now. " : "") + (old ? "The help card was updated" + where +
    " and moved to the end. " : "") + "Assistant: " + entries.map(said).join(" "));
}

// What the live region says for a reply: its text, or a card's opening and emergency line.
const said = (e) => (e.card ? e.card.opening + " " +
  emergency(e.card.emergency).map((x) => x.textContent || x).join("") : e.text);

const rateText = (n) => "You're sending messages quickly; please wait " + n +
  (n === 1 ? " second." : " seconds.");

function failed(status, retryAfter, again) {
  if (status === 429) {
    let n = parseInt(retryAfter, 10);
    const known = n > 0; // unreadable cross-origin unless the server exposes it
    n = known ? Math.min(n, 3600) : 30;
    waitUntil = Date.now() + n * 1000;
    showError(known ? rateText(n) : "You're sending messages quickly; please wait a little and try again.",
      again, n);
  } else if (status === -1) {
    showError("Can't reach the assistant. Check your connection and try again.", again);
  } else if (status === 413) {
    showError("That message is too long. Please shorten it and try again.");
  } else {
    showError("Sorry, something went wrong on our side. Please try again in a moment.", status >= 500 || status === 0 ? again : null);
  }
}

// A friendly notice (never the server's error text), with "Try again" when a retry can help.
function showError(text, retry, delaySeconds) {
  removeAll(".err");
  const box = el("div", "err");
  box.append(el("p", null, text));
  ui.log.append(box);
  announce(text);
  scrollDown();
  if (!retry) return;
  const myGen = gen;
  const addRetry = () => {
    if (myGen !== gen || !box.isConnected) return;
    box.append(button("btn", "Try again", () => {
      if (busy) return;
      box.remove();
      ui.input.focus();
      retry();
    }));
    if (delaySeconds) announce("You can try again now.");
  };
  if (delaySeconds) setTimeout(addRetry, delaySeconds * 1000);
  else addRetry();
}

/* ---- start ---- */

function start() {
  build();
  document.body.append(host);
  // Asked at once, so the launcher is in its place before the chat opens; no cookie goes.
  fetch(CONFIG, { credentials: "omit", referrerPolicy: "strict-origin" })
    .then((r) => (r.ok ? r.json() : null)).then(configure, () => {});
  const saved = load(); // reading only: nothing is written before the chat is opened
  if (saved) {
    state = saved;
    active = true;
    renderAll();
    if (saved.open) openChat(false);
  }
}

if (document.body) start();
else document.addEventListener("DOMContentLoaded", start);
})();
