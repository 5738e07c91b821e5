// The draft checker: check as the officer types (debounced) and highlight each finding.
(function () {
  "use strict";
  const form = document.getElementById("draft-form");
  if (!form) return;
  const text = form.querySelector("#text");
  const platform = form.querySelector("#platform");
  const limits = JSON.parse(form.dataset.limits || "{}");
  const out = document.getElementById("result");
  const count = document.getElementById("count");
  let timer = null;
  let seq = 0;

  function esc(s) {
    return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
  }
  function updateCount() {
    const n = Array.from(text.value).length;
    const limit = limits[platform.value];
    count.textContent = limit ? `${n} / ${limit} characters` : `${n} characters`;
    count.classList.toggle("over", !!limit && n > limit);
  }
  function body() {
    const data = { text: text.value, platform: platform.value, account: form.account.value };
    if (form.in_reply_to.value.trim()) data.in_reply_to = form.in_reply_to.value;
    if (form.posted_at.value) data.posted_at = form.posted_at.value;
    if (form.approach.value) data.author = { approach: form.approach.value };
    if (form.has_image.checked) { data.has_image = true; data.alt_text = form.alt_text.value || null; }
    return data;
  }
  function render(verdict, source) {
    const chars = Array.from(source);
    const marks = verdict.findings.filter((f) => f.end > f.start);
    let html = "", at = 0;
    marks.forEach((f, i) => {
      if (f.start < at) return;
      html += esc(chars.slice(at, f.start).join(""));
      const title = `${f.rule} (${f.severity}): ${f.message}${f.suggestion ? " — " + f.suggestion : ""}`;
      html += `<mark class="${f.severity}" tabindex="0" title="${esc(title)}" data-rule="${esc(f.rule)}">` +
        esc(chars.slice(f.start, f.end).join("")) + "</mark>";
      at = f.end;
    });
    html += esc(chars.slice(at).join(""));
    const pct = (x) => Math.round(x * 100);
    const items = verdict.findings.map((f) =>
      `<li><strong>${esc(f.rule)}</strong> (${esc(f.category)}, ${esc(f.severity)}): ${esc(f.message)}` +
      (f.excerpt ? ` “${esc(f.excerpt)}”` : "") + (f.suggestion ? `<br><em>Try:</em> ${esc(f.suggestion)}` : "") + "</li>").join("");
    out.innerHTML =
      `<div class="banner ${verdict.verdict}" role="status" id="verdict">${verdict.verdict.toUpperCase()}</div>` +
      `<p>Tone <span class="bar" aria-hidden="true"><span data-pct="${pct(verdict.scores.tone)}"></span></span> ${pct(verdict.scores.tone)}% · ` +
      `Rebuttal risk <span class="bar" aria-hidden="true"><span data-pct="${pct(verdict.scores.rebuttal_risk)}"></span></span> ${pct(verdict.scores.rebuttal_risk)}%</p>` +
      `<h2>Your draft</h2><div class="preview" id="preview">${html}</div>` +
      (items ? `<h2>Findings</h2><ul class="findings">${items}</ul>` : "<p>No findings.</p>");
    // Widths through the CSSOM: the CSP refuses style attributes in markup.
    out.querySelectorAll(".bar > span[data-pct]").forEach((bar) => { bar.style.width = `${bar.dataset.pct}%`; });
  }
  function showError(error) {
    const details = (error.details || []).map((d) => `<li>${esc(d.field ? d.field + ": " : "")}${esc(d.message)}</li>`).join("");
    out.innerHTML = `<div class="error" role="alert"><p>${esc(error.message)}</p><ul>${details}</ul></div>`;
  }
  async function check() {
    updateCount();
    if (!text.value.trim()) { out.innerHTML = ""; return; }
    const mine = ++seq;
    const source = text.value;
    const response = await fetch("/v1/drafts/checks", {
      method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body()),
    });
    const data = await response.json();
    if (mine !== seq) return;
    if (response.ok) render(data, source); else showError(data.error);
  }
  form.addEventListener("input", () => { updateCount(); clearTimeout(timer); timer = setTimeout(check, 300); });
  form.addEventListener("submit", (e) => { e.preventDefault(); check(); });
  updateCount();
})();
