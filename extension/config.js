// Settings: IT's managed storage (enterprise policy) wins over the officer's own (options page).
// The officer's API key is only ever in chrome.storage.local (their profile), never managed.

export const DEFAULT_SITES = {
  "x.com": "x",
  "twitter.com": "x",
  "www.facebook.com": "facebook",
  "business.facebook.com": "facebook",
  "www.linkedin.com": "linkedin",
  "bsky.app": "bluesky",
  "www.threads.net": "threads",
  "www.threads.com": "threads",
  "www.instagram.com": "instagram",
  "nextdoor.co.uk": "nextdoor",
};
export const DEFAULT_DEBOUNCE_MS = 200;

async function read(area) {
  try {
    return (await chrome.storage[area].get(null)) || {};
  } catch (_) {
    return {}; // no managed storage outside an enterprise install
  }
}

/** The settings in force: {serviceUrl, apiKey, sites, debounceMs, managed}. */
export async function settings() {
  const managed = await read("managed");
  const local = await read("local");
  const pick = (name, fallback) => (managed[name] !== undefined ? managed[name] : local[name] ?? fallback);
  return {
    serviceUrl: normaliseUrl(pick("serviceUrl", "")),
    apiKey: local.apiKey || "",
    sites: pick("sites", DEFAULT_SITES),
    debounceMs: Number(pick("debounceMs", DEFAULT_DEBOUNCE_MS)) || DEFAULT_DEBOUNCE_MS,
    managed: managed.serviceUrl !== undefined,
  };
}

/** An http(s) origin with no path, query or credentials; anything else is no URL at all. */
export function normaliseUrl(raw) {
  try {
    const url = new URL(String(raw));
    if (!["https:", "http:"].includes(url.protocol) || url.username || url.password) return "";
    if (url.protocol === "http:" && !["127.0.0.1", "localhost", "[::1]"].includes(url.hostname)) return "";
    return url.origin;
  } catch (_) {
    return "";
  }
}
