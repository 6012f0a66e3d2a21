/*
 * The game's service worker: after one visit the game plays with no network.
 *
 * The page tells it which files it fetched (the ones it really used: the gzip copies on a
 * host that does not compress), and it keeps them, read from the browser's HTTP cache, so
 * nothing is downloaded twice. Files with a content hash in their name never change: they
 * are served from the cache first. The page itself (index.html) comes from the network while
 * there is one, so an update is seen at once; the new page names new files, and the new
 * service worker (this file changes with them) removes the old cache when it takes over.
 * Written by `pack` (pygbag_like/offline.py) with the version and the page's own small files
 * filled in.
 */
"use strict";

const CACHE = "pygbag_like:" + self.registration.scope + ":{{version}}";
const PAGE_FILES = {{files}};  // relative to this file: the page itself, its scripts and styles

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return cache.addAll(PAGE_FILES.map(function (url) { return new Request(url, { cache: "force-cache" }); }));
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  const prefix = "pygbag_like:" + self.registration.scope + ":";
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf(prefix) === 0 && name !== CACHE;
    }).map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});

/** Keep what the page fetched (from the HTTP cache: it was just downloaded). */
self.addEventListener("message", function (event) {
  const urls = (event.data && event.data.keep) || [];
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return Promise.all(urls.map(function (url) {
      return cache.match(url).then(function (kept) {
        return kept || fetch(url, { cache: "force-cache" }).then(function (response) {
          if (response.ok && response.status === 200) return cache.put(url, response);
        });
      });
    }));
  }));
});

/** A byte range of a cached file, as a server would send it. */
function rangeOf(response, header) {
  const match = /bytes=(\d+)-(\d+)/.exec(header);
  return response.arrayBuffer().then(function (bytes) {
    const end = Math.min(Number(match[2]) + 1, bytes.byteLength);
    return new Response(bytes.slice(Number(match[1]), end), {
      status: 206,
      headers: { "Content-Range": "bytes " + match[1] + "-" + (end - 1) + "/" + bytes.byteLength },
    });
  });
}

self.addEventListener("fetch", function (event) {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== location.origin ||
      url.pathname.indexOf(new URL(self.registration.scope).pathname) !== 0) return;
  if (request.mode === "navigate" || url.pathname.endsWith("/index.html")) {
    event.respondWith(fetch(request).then(function (response) {
      const copy = response.clone();
      caches.open(CACHE).then(function (cache) { cache.put(request, copy); });
      return response;
    }).catch(function () {
      return caches.match(request, { ignoreSearch: true }).then(function (kept) {
        return kept || caches.match(new URL("index.html", self.registration.scope).href);
      });
    }));
    return;
  }
  const range = request.headers.get("Range");
  event.respondWith(caches.match(url.href).then(function (kept) {
    if (kept) return range ? rangeOf(kept, range) : kept;
    return fetch(request);
  }));
});
