// Watches the composers of an allowed site (textareas and contenteditable boxes), checks the draft
// with govern when the officer pauses, and underlines findings in an overlay: the page's text is
// never changed. All network calls go through the service worker, to the configured service only.
(() => {
  "use strict";

  const COMPOSER = 'textarea, [contenteditable=""], [contenteditable="true"], [contenteditable="plaintext-only"]';
  const COLOURS = { block: "#d4351c", refer: "#f47738", revise: "#1d70b8", info: "#505a5f" };
  const BLOCKS = new Set(["DIV", "P", "LI", "H1", "H2", "H3", "BLOCKQUOTE", "PRE"]);
  let settings = null;
  let platform = "";
  const timers = new WeakMap(); // composer -> {timer, seq}
  let shown = null; // {composer, text, segments, verdict}
  let host = null; // the overlay's shadow host
  let root = null;

  function send(message) {
    return new Promise((resolve) => {
      try {
        chrome.runtime.sendMessage(message, (answer) => resolve(answer || { error: chrome.runtime.lastError?.message }));
      } catch (error) {
        resolve({ error: String(error) }); // the extension was reloaded under the page
      }
    });
  }

  // --- the composer's text, with a map from offsets back to the DOM -----------------------------

  function read(composer) {
    if (composer instanceof HTMLTextAreaElement) return { text: composer.value, segments: null };
    const segments = []; // {node, start, end}: text nodes at their offsets in the text
    let text = "";
    const walk = (node) => {
      for (const child of node.childNodes) {
        if (child.nodeType === Node.TEXT_NODE) {
          segments.push({ node: child, start: text.length, end: text.length + child.data.length });
          text += child.data;
        } else if (child.nodeName === "BR") {
          text += "\n";
        } else if (child.nodeType === Node.ELEMENT_NODE) {
          if (BLOCKS.has(child.nodeName) && text && !text.endsWith("\n")) text += "\n";
          walk(child);
        }
      }
    };
    walk(composer);
    return { text, segments };
  }

  function rangeAt(segments, start, end) {
    const range = document.createRange();
    const find = (offset, isEnd) =>
      segments.find((s) => (isEnd ? offset > s.start && offset <= s.end : offset >= s.start && offset < s.end));
    const first = find(start, false);
    const last = find(end, true);
    if (!first || !last) return null;
    range.setStart(first.node, start - first.start);
    range.setEnd(last.node, end - last.start);
    return range;
  }

  // A copy of the textarea's text box, laid out the same way, to find where characters are.
  function mirrorRects(textarea, text, start, end) {
    const style = getComputedStyle(textarea);
    const box = textarea.getBoundingClientRect();
    const mirror = document.createElement("div");
    for (const name of [
      "boxSizing", "width", "height", "paddingTop", "paddingRight", "paddingBottom", "paddingLeft",
      "borderTopWidth", "borderRightWidth", "borderBottomWidth", "borderLeftWidth", "borderStyle",
      "fontFamily", "fontSize", "fontWeight", "fontStyle", "letterSpacing", "lineHeight", "textTransform",
      "wordSpacing", "textIndent", "tabSize", "direction",
    ]) mirror.style[name] = style[name];
    Object.assign(mirror.style, {
      position: "fixed", left: `${box.left}px`, top: `${box.top}px`, visibility: "hidden",
      whiteSpace: "pre-wrap", overflowWrap: "break-word", overflow: "hidden", borderColor: "transparent",
    });
    const node = document.createTextNode(text);
    mirror.appendChild(node);
    root.appendChild(mirror);
    mirror.scrollTop = textarea.scrollTop;
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, end);
    const shift = textarea.scrollTop - mirror.scrollTop; // what the mirror could not scroll
    const rects = [...range.getClientRects()].map((r) => ({ left: r.left, bottom: r.bottom - shift, width: r.width }));
    mirror.remove();
    return rects;
  }

  // --- the overlay ----------------------------------------------------------------------------

  function overlay() {
    if (host && host.isConnected) return;
    host = document.createElement("govern-overlay");
    host.style.cssText = "position:fixed;inset:0;pointer-events:none;z-index:2147483647;";
    root = host.attachShadow({ mode: "open" });
    document.documentElement.appendChild(host);
  }

  function clear() {
    if (root) root.replaceChildren();
  }

  function draw() {
    clear();
    if (!shown || !shown.composer.isConnected) return;
    const { composer, text, segments, verdict } = shown;
    const box = composer.getBoundingClientRect();
    for (const finding of verdict.findings) {
      const rects = segments
        ? [...(rangeAt(segments, finding.start, finding.end)?.getClientRects() || [])]
        : mirrorRects(composer, text, finding.start, finding.end);
      for (const r of rects) {
        if (r.bottom < box.top || r.bottom > box.bottom + 2) continue; // scrolled out of the box
        const line = document.createElement("div");
        line.className = "underline";
        line.dataset.rule = finding.rule;
        line.dataset.severity = finding.severity;
        line.style.cssText =
          `position:fixed;left:${r.left}px;top:${r.bottom - 2}px;width:${r.width}px;height:0;` +
          `border-bottom:3px ${finding.severity === "info" ? "dotted" : "solid"} ${COLOURS[finding.severity] || "#505a5f"};`;
        root.appendChild(line);
      }
    }
    root.appendChild(panel(box, verdict));
  }

  function panel(box, verdict) {
    const card = document.createElement("div");
    card.className = "panel";
    card.setAttribute("role", "status");
    card.dataset.verdict = verdict.verdict;
    card.style.cssText =
      `position:fixed;left:${Math.max(4, box.left)}px;top:${box.bottom + 6}px;max-width:${Math.max(280, box.width)}px;` +
      "pointer-events:auto;background:#fff;color:#0b0c0c;border:2px solid " +
      `${COLOURS[verdict.verdict] || "#00703c"};padding:6px 10px;font:14px/1.4 system-ui,sans-serif;` +
      "box-shadow:0 2px 6px rgba(0,0,0,.2);";
    const title = document.createElement("strong");
    const count = verdict.findings.length;
    title.textContent = `govern: ${verdict.verdict}` + (count ? ` — ${count} finding${count === 1 ? "" : "s"}` : "");
    card.appendChild(title);
    if (count) {
      const list = document.createElement("ul");
      list.style.cssText = "margin:4px 0;padding-left:18px;";
      for (const f of verdict.findings) {
        const item = document.createElement("li");
        item.className = "finding";
        item.textContent = `“${f.excerpt}”: ${f.message}` + (f.suggestion ? ` ${f.suggestion}` : "");
        list.appendChild(item);
      }
      card.appendChild(list);
    }
    if (verdict.verdict === "refer" && !(shown?.sent && !shown.sent.error)) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "signoff";
      button.textContent = "Send for sign-off";
      button.addEventListener("click", (event) => {
        if (event.isTrusted) signoff(card, button); // the officer's click, not the page's script
      });
      card.appendChild(button);
    }
    if (shown?.sent) card.appendChild(sentNote(shown.sent));
    return card;
  }

  function sentNote(sent) {
    const note = document.createElement("p");
    note.className = "sent";
    note.style.margin = "4px 0 0";
    if (sent.error) {
      note.textContent = `Not sent: ${sent.error}`;
      return note;
    }
    note.append(`Sent to ${sent.queue} for sign-off. `);
    const link = document.createElement("a");
    link.href = `${sent.serviceUrl}/drafts/${encodeURIComponent(sent.id)}`;
    link.target = "_blank";
    link.rel = "noopener noreferrer";
    link.textContent = "Follow it in govern";
    note.appendChild(link);
    return note;
  }

  async function signoff(card, button) {
    button.disabled = true;
    const draft = { text: shown.text, platform };
    const answer = await send({ kind: "signoff", body: { draft } });
    shown.sent = answer.error
      ? { error: answer.error }
      : { id: answer.result.id, queue: answer.result.queue, serviceUrl: answer.serviceUrl };
    draw();
  }

  // --- watching ---------------------------------------------------------------------------------

  async function check(composer, state) {
    const { text, segments } = read(composer);
    const seq = ++state.seq;
    if (!text.trim()) {
      shown = null;
      clear();
      return;
    }
    const answer = await send({ kind: "check", body: { text, platform } });
    if (seq !== state.seq || read(composer).text !== text) return; // typed on since: a newer check follows
    if (answer.error) {
      shown = null;
      clear();
      overlay();
      const note = document.createElement("div");
      note.className = "panel error";
      note.setAttribute("role", "status");
      note.textContent = `govern: ${answer.error}`;
      note.style.cssText = "position:fixed;right:8px;bottom:8px;background:#fff;border:2px solid #d4351c;padding:6px;";
      root.appendChild(note);
      return;
    }
    overlay();
    shown = { composer, text, segments, verdict: answer.result };
    draw();
  }

  let pending = null; // a composer typed in before the settings arrived

  function onInput(event) {
    const composer = event.target instanceof Element ? event.target.closest(COMPOSER) : null;
    if (!composer) return;
    if (!settings) {
      pending = composer;
      return;
    }
    schedule(composer);
  }

  function schedule(composer) {
    const state = timers.get(composer) || { timer: 0, seq: 0 };
    timers.set(composer, state);
    clearTimeout(state.timer);
    state.seq++; // any answer still on its way is for older text
    if (shown && shown.composer === composer) {
      shown = null; // the underlines would point at the wrong words while the text changes
      clear();
    }
    state.timer = setTimeout(() => check(composer, state), settings.debounceMs);
  }

  const redraw = () => shown && draw();
  document.addEventListener("input", onInput, true);
  send({ kind: "settings" }).then((answer) => {
    platform = (answer && answer.sites && answer.sites[location.hostname]) || "";
    if (!platform) {
      document.removeEventListener("input", onInput, true); // not a site the council checks
      return;
    }
    settings = answer;
    window.addEventListener("scroll", redraw, true);
    window.addEventListener("resize", redraw);
    if (pending) schedule(pending);
  });
})();
