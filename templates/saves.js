/*
 * Keeps the files a game writes in its folder (save games, settings, high scores) across
 * page reloads: they are stored in IndexedDB, one record per page folder, and written back
 * over the game's files before Python starts.
 */
(function () {
  "use strict";

  const DB_NAME = "pygbag_like", STORE = "saved-files";
  const MAX_BYTES = 16 * 1024 * 1024;  // what a page may keep; larger writes are not saved
  const MAX_ENTRIES = 10000;

  function openDb() {
    return new Promise(function (resolve, reject) {
      const request = indexedDB.open(DB_NAME, 1);
      request.onupgradeneeded = function () { request.result.createObjectStore(STORE); };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  }

  function pageKey() { return location.pathname.replace(/[^/]*$/, ""); }

  function transact(mode, work) {
    return openDb().then(function (db) {
      return new Promise(function (resolve, reject) {
        const tx = db.transaction(STORE, mode);
        const request = work(tx.objectStore(STORE));
        tx.oncomplete = function () { db.close(); resolve(request && request.result); };
        tx.onerror = function () { db.close(); reject(tx.error); };
      });
    });
  }

  /** The files saved by an earlier visit: {relative path: Uint8Array}. */
  function load() {
    if (!window.indexedDB) return Promise.resolve({});
    return transact("readonly", function (store) { return store.get(pageKey()); })
      .then(function (files) { return files || {}; })
      .catch(function (err) { console.warn("saved files unavailable:", err); return {}; });
  }

  function walk(FS, dir, visit, budget) {
    for (const name of FS.readdir(dir)) {
      if (name === "." || name === "..") continue;
      if (--budget.left < 0) return;
      const path = dir + "/" + name;
      const stat = FS.stat(path);
      if (FS.isDir(stat.mode)) walk(FS, path, visit, budget);
      else visit(path, stat);
    }
  }

  /** Watches the game folder and stores what the game wrote since its files were mounted. */
  class Tracker {
    constructor(FS, mount, packaged, restored) {
      this.FS = FS;
      this.mount = mount.replace(/\/+$/, "");
      this.packaged = new Set(packaged);
      this.keep = new Set(Object.keys(restored));
      this.mountedAt = Date.now();
      this.lastSignature = "";
    }

    /** Write the saved files back into the game folder (before Python starts). */
    static restore(FS, mount, files) {
      for (const [rel, bytes] of Object.entries(files)) {
        const path = mount.replace(/\/+$/, "") + "/" + rel;
        FS.mkdirTree(path.substring(0, path.lastIndexOf("/")));
        FS.writeFile(path, bytes);
      }
    }

    changedFiles() {
      const found = [];
      const tracker = this;
      walk(this.FS, this.mount, function (path, stat) {
        const rel = path.substring(tracker.mount.length + 1);
        const written = stat.mtime.getTime() > tracker.mountedAt;
        if (!tracker.packaged.has(rel) || written || tracker.keep.has(rel)) {
          found.push([rel, stat.size, stat.mtime.getTime()]);
        }
      }, { left: MAX_ENTRIES });
      return found;
    }

    /** Store the game's written files if they changed since the last call. */
    sync() {
      let changed;
      try { changed = this.changedFiles(); } catch (err) { return Promise.resolve(); }
      const signature = JSON.stringify(changed);
      if (signature === this.lastSignature || !window.indexedDB) return Promise.resolve();
      this.lastSignature = signature;
      const files = {};
      let total = 0;
      for (const [rel, size] of changed) {
        total += size;
        if (total > MAX_BYTES) break;
        files[rel] = this.FS.readFile(this.mount + "/" + rel);
      }
      return transact("readwrite", function (store) { return store.put(files, pageKey()); })
        .catch(function (err) { console.warn("could not keep the saved files:", err); });
    }
  }

  (window.PygbagLike = window.PygbagLike || {}).saves = { load: load, Tracker: Tracker };
})();
