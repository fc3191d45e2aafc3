// The portal's service worker, served as /sw.js (app/routes/sw[.]js.tsx) and registered by a few inline
// lines on every public page (decisions 002 and 013). A small script of its own, no framework:
// - a page a reader opens is kept (with its stylesheet and fonts) and answers when the network is gone;
// - a page never opened answers, offline, with a short page in the reader's language that says so and
//   gives the help line;
// - /<lng>/offline saves a whole language (and, as a second choice, its PDFs) through messages to this
//   worker, and the worker keeps what it saved, and what was opened, current with the published version.
// Only public answers are ever stored (Cache-Control: public, never private or no-store, no cookie), never
// an address with a query (what a student searched for), never a staff page, a sign-in or a form post.

const workerVersion = "__SERVICE_WORKER_VERSION__";
const prefix = "portal-offline-";
const shellCache = `${prefix}shell-${workerVersion}`;
const openedCache = `${prefix}opened`;
const assetCache = `${prefix}assets`;
const savedPrefix = `${prefix}saved-`;
const languages = ["ka", "hy", "az", "en"];
/** Pages kept from reading, at most: the oldest go first. A language's whole curriculum is about 22 pages. */
const openedPagesLimit = 100;
/** A network this slow for a page the worker holds is as good as gone: the held copy answers, and the page still arrives for next time. */
const slowNetworkMilliseconds = 8000;
/** How often, at most, the worker asks whether a language's published version has changed. */
const versionCheckMilliseconds = 15000;

/** Addresses that are never stored nor answered from storage: staff pages, sign-in, and what needs the server. */
function isPrivatePath(pathname) {
  return (
    /^\/(?:ka|hy|az|en)\/(?:login|logout|review|edit|account|verify|packs)(?:[/.]|$)/.test(pathname) ||
    /^\/(?:verify|language|healthz|sitemap\.xml|robots\.txt|sw\.js)(?:[/.]|$)/.test(pathname)
  );
}

/**
 * Whether a response may be kept: a whole 200 of this site, for an address without a query, that its
 * server declares public (the same for every reader of its address), never private or no-store, and that
 * depends on no cookie. (A script never sees Set-Cookie; the server sets none on public answers.)
 */
function mayStore(url, response) {
  // "default": a copy this worker made of a stored answer (a save keeps the bytes it counted).
  if (!response || response.status !== 200 || !["basic", "default"].includes(response.type) || response.redirected) return false;
  if (url.origin !== self.location.origin || url.search !== "" || isPrivatePath(url.pathname)) return false;
  const cacheControl = (response.headers.get("Cache-Control") || "").toLowerCase();
  if (!/(?:^|[\s,])public(?:[\s,]|$)/.test(cacheControl) || /private|no-store/.test(cacheControl)) return false;
  if (/cookie/i.test(response.headers.get("Vary") || "") || response.headers.has("Set-Cookie")) return false;
  return true;
}

function isPage(response) {
  return (response.headers.get("Content-Type") || "").startsWith("text/html");
}

function languageOf(pathname) {
  const code = pathname.split("/")[1];
  return languages.includes(code) ? code : null;
}

/** The reader's language for an address that has none: the browser's, Turkish read as Azerbaijani (decision 010). */
function preferredLanguages() {
  const preferred = [];
  for (const tag of self.navigator.languages || []) {
    const primary = tag.toLowerCase().split("-")[0];
    const language = primary === "tr" ? "az" : primary;
    if (languages.includes(language) && !preferred.includes(language)) preferred.push(language);
  }
  return [...preferred, ...languages.filter((language) => !preferred.includes(language))];
}

const notSavedPage = (language) => `${self.location.origin}/${language}/offline/not-saved`;
const savedRecordUrl = (language) => `${self.location.origin}/${language}/offline/saved.json`;
const openedRecordUrl = (language) => `${self.location.origin}/${language}/offline/opened.json`;
const json = (value) => new Response(JSON.stringify(value), { headers: { "Content-Type": "application/json" } });
const assetAddresses = (html) => [...html.matchAll(/(?:href|src)="(\/assets\/[^"]+)"/g)].map((match) => match[1]);

/** Keeps an asset (immutable: its name holds its hash) unless some cache holds it already. */
async function keepAsset(address) {
  const url = new URL(address, self.location.origin);
  if (await caches.match(url.href, { ignoreVary: true })) return;
  const response = await fetch(url.href);
  if (mayStore(url, response)) await (await caches.open(assetCache)).put(url.href, response);
}

// Installing: the "not saved" page of every language, with its stylesheet, so that an unopened page can
// always say so offline. A failure leaves the previous worker in charge, and the browser tries again.
self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const shell = await caches.open(shellCache);
      for (const language of languages) {
        const url = new URL(notSavedPage(language));
        const response = await fetch(url.href, { credentials: "omit" });
        if (!mayStore(url, response)) throw new Error(`cannot keep ${url.pathname}: ${response.status}`);
        const html = await response.clone().text();
        await shell.put(url.href, response);
        await Promise.all(assetAddresses(html).map(keepAsset));
      }
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(`${prefix}shell-`) && name !== shellCache) await caches.delete(name);
      }
      await removeUnfinishedSaves();
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  // Another site, a staff page, sign-in: the network, as if there were no worker.
  if (url.origin !== self.location.origin || isPrivatePath(url.pathname)) return;
  if (request.mode === "navigate") event.respondWith(navigate(event, url));
  else if (["style", "font", "image", "manifest"].includes(request.destination)) event.respondWith(asset(event, url));
  // Anything else (the offline page's own requests) goes to the network as usual.
});

/**
 * A page: from the network first, so that a reader online always gets the published version; the held
 * copy (opened or saved) when the network is gone or hopelessly slow; else the "not saved" page.
 */
async function navigate(event, url) {
  const key = url.origin + url.pathname + url.search;
  const held = url.search === "" ? await caches.match(key, { ignoreVary: true }) : undefined;
  let kept = Promise.resolve();
  const network = fetch(event.request).then((response) => {
    if (isPage(response) && mayStore(url, response)) kept = keepOpened(key, response.clone());
    return response;
  });
  event.waitUntil(network.then(() => kept, () => undefined));
  const language = languageOf(url.pathname);
  if (language) event.waitUntil(checkVersion(language).catch(() => undefined));
  try {
    if (!held) return await network;
    return await Promise.race([network, new Promise((resolve) => setTimeout(() => resolve(held), slowNetworkMilliseconds))]);
  } catch {
    return held || (await notSaved(url));
  }
}

async function notSaved(url) {
  if (url.pathname === "/") {
    for (const language of preferredLanguages()) {
      if (await caches.match(`${self.location.origin}/${language}/`, { ignoreVary: true })) return Response.redirect(`/${language}/`, 302);
    }
  }
  for (const language of [languageOf(url.pathname), ...preferredLanguages()]) {
    const page = language && (await caches.match(notSavedPage(language), { ignoreVary: true }));
    if (page) return new Response(page.body, { status: 503, statusText: "Offline", headers: page.headers });
  }
  return Response.error();
}

/** Stylesheets, fonts, icons: named by their hash (never changed in place), so a held copy answers first. */
async function asset(event, url) {
  const held = await caches.match(url.href, { ignoreVary: true });
  if (held) return held;
  const response = await fetch(event.request);
  if (mayStore(url, response)) {
    const copy = response.clone();
    event.waitUntil(caches.open(assetCache).then((cache) => cache.put(url.href, copy)));
  }
  return response;
}

async function keepOpened(key, response) {
  const cache = await caches.open(openedCache);
  await cache.put(key, response);
  // Cache Storage lists entries in the order they were written: the first are the longest unread.
  const pages = (await cache.keys()).filter((request) => !request.url.endsWith(".json"));
  for (const request of pages.slice(0, Math.max(0, pages.length - openedPagesLimit))) await cache.delete(request);
}

/** Pages already loaded before this worker was there (the first visit): taken from the browser's own cache, not downloaded again. */
async function keepVisited(addresses) {
  for (const address of Array.isArray(addresses) ? addresses.slice(0, 50) : []) {
    let url;
    try {
      url = new URL(address, self.location.origin);
    } catch {
      continue;
    }
    if (url.origin !== self.location.origin || isPrivatePath(url.pathname)) continue;
    url.hash = "";
    const response = await fetch(url.href, { cache: "force-cache" }).catch(() => null);
    if (!mayStore(url, response)) continue;
    if (isPage(response)) await keepOpened(url.href, response);
    else if (url.pathname.startsWith("/assets/") || url.pathname === "/favicon.svg") await (await caches.open(assetCache)).put(url.href, response);
  }
}

// ---- Saving a language, and keeping what is held current ----

async function savedCacheNames(language) {
  return (await caches.keys()).filter((name) => name.startsWith(`${savedPrefix}${language}-`));
}

/** The record of a language's finished save, and the cache that holds it; null when none is finished. */
async function savedCopy(language) {
  for (const name of await savedCacheNames(language)) {
    const record = await (await caches.open(name)).match(savedRecordUrl(language));
    if (record) return { name, record: await record.json() };
  }
  return null;
}

/** A save cut off (the page closed, the worker stopped) leaves a cache without a record: it goes. */
async function removeUnfinishedSaves(keep) {
  for (const language of languages) {
    for (const name of await savedCacheNames(language)) {
      if (name === keep) continue;
      if (!(await (await caches.open(name)).match(savedRecordUrl(language)))) await caches.delete(name);
    }
  }
}

/** Saves every page of a language (and its PDFs if asked), reporting progress; the previous copy serves until the new one is whole. */
async function saveLanguage(language, withPdfs, report) {
  const manifestResponse = await fetch(`/${language}/offline/manifest.json`, { cache: "no-cache", credentials: "omit" });
  if (!manifestResponse.ok) throw new Error(`the list of pages answered ${manifestResponse.status}`);
  const manifest = await manifestResponse.json();
  const name = `${savedPrefix}${language}-${manifest.version}`;
  await removeUnfinishedSaves(name);
  const cache = await caches.open(name);
  const files = [
    ...manifest.pages.map((url) => ({ url, fresh: true })),
    ...manifest.assets.map((url) => ({ url, fresh: false })),
    ...(withPdfs ? manifest.pdfs.map((pdf) => ({ url: pdf.url, fresh: false, etag: `"${pdf.sha256}"` })) : []),
  ];
  let done = 0;
  let bytes = 0;
  const saveOne = async (file) => {
    const url = new URL(file.url, self.location.origin);
    // Assets never change under their name, nor a PDF under its fingerprint: a copy held already serves.
    let response = file.fresh ? undefined : await caches.match(url.href, { ignoreVary: true });
    if (response && file.etag && response.headers.get("ETag") !== file.etag) response = undefined;
    // A page whose PDF sizes are still being computed says no-store for a moment: ask again, twice.
    for (let attempt = 0; !response || (!mayStore(url, response) && response.ok && attempt < 3); attempt += 1) {
      if (response) await new Promise((resolve) => setTimeout(resolve, 1500));
      response = await fetch(url.href, { cache: "no-cache", credentials: "omit" });
    }
    if (!mayStore(url, response)) throw new Error(`cannot keep ${url.pathname}: ${response.status}`);
    const body = await response.blob();
    await cache.put(url.href, new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers }));
    done += 1;
    bytes += body.size;
    report({ done, total: files.length, bytes });
  };
  // A few at a time: a slow line is used fully, and a phone is not flooded.
  const queue = [...files];
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (queue.length > 0) await saveOne(queue.shift());
    }),
  );
  const record = { language, version: manifest.version, approvedAt: manifest.approvedAt, date: manifest.date, pdfs: withPdfs, files: files.length, bytes };
  await cache.put(savedRecordUrl(language), json(record));
  for (const other of await savedCacheNames(language)) if (other !== name) await caches.delete(other);
  return record;
}

const lastVersionChecks = new Map();

/**
 * The published version of a language, asked at most every 15 s while a reader is online: when it has
 * changed, the pages kept from reading are fetched again (a lesson taken down goes) and a saved copy is
 * saved again, so that no stale lesson is kept for ever.
 */
async function checkVersion(language) {
  const last = lastVersionChecks.get(language) || 0;
  if (Date.now() - last < versionCheckMilliseconds) return;
  lastVersionChecks.set(language, Date.now());
  const response = await fetch(`/${language}/offline/version.json`, { cache: "no-cache", credentials: "omit" });
  if (!response.ok) return;
  const { version } = await response.json();
  const opened = await caches.open(openedCache);
  const seen = await opened.match(openedRecordUrl(language));
  if (!seen || (await seen.json()).version !== version) {
    // The first check only notes the version: the pages kept so far were fetched moments ago.
    if (seen) await refreshOpened(language, opened);
    await opened.put(openedRecordUrl(language), json({ version }));
  }
  const saved = await savedCopy(language);
  if (saved && saved.record.version !== version) await saveLanguage(language, saved.record.pdfs === true, () => undefined);
}

async function refreshOpened(language, cache) {
  for (const request of await cache.keys()) {
    const url = new URL(request.url);
    if (languageOf(url.pathname) !== language || url.pathname.endsWith(".json")) continue;
    const response = await fetch(url.href, { cache: "no-cache", credentials: "omit" });
    if (mayStore(url, response) && isPage(response)) await cache.put(url.href, response);
    else if (response.status === 404 || response.status === 410) await cache.delete(request);
  }
}

async function deleteEverything() {
  for (const name of await caches.keys()) if (name.startsWith(prefix)) await caches.delete(name);
  // Nothing of the site stays for reading offline; the next visit registers the worker again.
  await self.registration.unregister();
}

// Messages from the site's own pages: the registration lines ("keep") and /<lng>/offline (the rest).
self.addEventListener("message", (event) => {
  if (event.origin && event.origin !== self.location.origin) return;
  const message = event.data || {};
  const port = event.ports[0];
  const reply = (answer) => port && port.postMessage(answer);
  const language = languages.includes(message.language) ? message.language : null;
  const work = (async () => {
    if (message.type === "keep") await keepVisited(message.urls);
    else if (message.type === "state" && language) {
      const saved = await savedCopy(language);
      const opened = (await (await caches.open(openedCache)).keys()).filter((request) => !request.url.endsWith(".json")).length;
      reply({ type: "state", saved: saved ? saved.record : null, opened });
    } else if (message.type === "save" && language) {
      reply({ type: "saved", saved: await saveLanguage(language, message.pdfs === true, (progress) => reply({ type: "progress", ...progress })) });
    } else if (message.type === "delete") {
      await deleteEverything();
      reply({ type: "deleted" });
    }
  })().catch((error) => reply({ type: "failed", error: String(error) }));
  event.waitUntil(work);
});
