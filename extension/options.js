import { normaliseUrl, settings } from "./config.js";

const form = document.getElementById("settings");
const status = document.getElementById("status");

settings().then((s) => {
  form.serviceUrl.value = s.serviceUrl;
  form.apiKey.value = s.apiKey;
  if (s.managed) {
    form.serviceUrl.disabled = true;
    document.getElementById("managed-hint").hidden = false;
  }
});

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const values = { apiKey: form.apiKey.value.trim() };
  if (!form.serviceUrl.disabled) {
    const url = normaliseUrl(form.serviceUrl.value.trim());
    if (!url) {
      status.textContent = "The service URL must be https:// (or http:// on this computer only).";
      return;
    }
    values.serviceUrl = url;
  }
  await chrome.storage.local.set(values);
  status.textContent = "Saved.";
});
