// The only code that talks to the network: to the configured govern service and nowhere else.

import { settings } from "./config.js";

const ROUTES = {
  check: { method: "POST", path: "/v1/drafts/checks" },
  signoff: { method: "POST", path: "/v1/drafts/reviews" },
};

// Read once when the worker starts (the first read of managed storage can take seconds while the
// browser loads its policies) and again whenever IT or the officer changes a setting.
let current = settings();
chrome.storage.onChanged.addListener(() => {
  current = settings();
});

async function call(kind, body) {
  const config = await current;
  if (!config.serviceUrl) return { error: "govern is not set up: no service URL (ask IT, or see the options page)" };
  const route = ROUTES[kind];
  if (!route) return { error: `unknown request ${kind}` };
  const headers = { "content-type": "application/json" };
  if (config.apiKey) headers.authorization = `Bearer ${config.apiKey}`;
  let response;
  try {
    response = await fetch(config.serviceUrl + route.path, {
      method: route.method,
      headers,
      body: JSON.stringify(body),
      credentials: "omit",
      redirect: "error", // never follow the draft to another host
      cache: "no-store",
    });
  } catch (error) {
    return { error: `govern cannot be reached (${error.message})` };
  }
  let answer = null;
  try {
    answer = await response.json();
  } catch (_) {
    return { error: `govern answered ${response.status} without JSON` };
  }
  if (!response.ok) return { error: answer?.error?.message || `govern answered ${response.status}` };
  return { result: answer, serviceUrl: config.serviceUrl };
}

chrome.runtime.onMessage.addListener((message, sender, reply) => {
  if (sender.id !== chrome.runtime.id || !message || typeof message.kind !== "string") return false;
  if (message.kind === "settings") {
    current.then((s) => reply({ sites: s.sites, debounceMs: s.debounceMs, ready: Boolean(s.serviceUrl) }));
    return true;
  }
  call(message.kind, message.body).then(reply);
  return true; // the reply comes later
});
