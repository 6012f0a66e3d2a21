/*
 * Keeps the files a game writes in its folder (save games, settings, high scores) across
 * page reloads. Each file is one IndexedDB record: database "pygbag_like", store "files", key
 * [page folder, path below the game folder]. A file is stored as soon as the game closes it
 * (the emscripten FS calls are wrapped), a scan every 2 s catches what the wrappers miss, and
 * everything changed is stored when the page is hidden and when the game ends. The records
 * are written back into the game folder before Python starts. docs/runtime-contract.md.
 */
(function () {
  "use strict";

  const DB_NAME = "pygbag_like", DB_VERSION = 2;
  const FILES = "files";  // version 2: one record per file
  const PAGES_V1 = "saved-files";  // version 1: one record per page folder, {path: bytes}
  const MAX_BYTES = 16 * 1024 * 1024;  // what one page may keep, all its files together
  const MAX_ENTRIES = 10000;  // a scan looks at no more folder entries than this
  const SCAN_MS = 2000;
  const OPENED_FOR_WRITING = 3;  // O_WRONLY | O_RDWR in a stream's flags

  function pageFolder() { return location.pathname.replace(/[^/]*$/, ""); }

  function formatMB(bytes) { return (bytes / 1048576).toFixed(1) + " MB"; }

  /** Version 1 kept one record per page; spread each into one record per file. */
  function upgrade(db, tx, oldVersion) {
    const files = db.createObjectStore(FILES);
    if (oldVersion < 1 || !db.objectStoreNames.contains(PAGES_V1)) return;
    tx.objectStore(PAGES_V1).openCursor().onsuccess = function (event) {
      const cursor = event.target.result;
      if (!cursor) {
        db.deleteObjectStore(PAGES_V1);
        return;
      }
      for (const [path, bytes] of Object.entries(cursor.value || {})) {
        files.put(bytes, [cursor.key, path]);
      }
      cursor.continue();
    };
  }

  function openDb() {
    return new Promise(function (resolve, reject) {
      const request = indexedDB.open(DB_NAME, DB_VERSION);  // throws when storage is blocked
      request.onupgradeneeded = function (event) {
        upgrade(request.result, request.transaction, event.oldVersion);
      };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  }

  /** The page's records, through one connection kept open while the page lives. */
  class SaveDb {
    constructor(db, folder) {
      this.db = db;
      this.folder = folder;
      // A newer page upgrading the database in another tab must not wait for this one.
      db.onversionchange = function () { db.close(); };
    }

    /** Every file saved for this page folder: Map of path -> bytes. */
    readAll() {
      const folder = this.folder;
      const files = new Map();
      const tx = this.db.transaction(FILES, "readonly");
      // Array keys sort after strings: [folder] < [folder, any path] < [folder, []].
      const range = IDBKeyRange.bound([folder], [folder, []]);
      tx.objectStore(FILES).openCursor(range).onsuccess = function (event) {
        const cursor = event.target.result;
        if (!cursor) return;
        files.set(cursor.key[1], cursor.value);
        cursor.continue();
      };
      return new Promise(function (resolve, reject) {
        tx.oncomplete = function () { resolve(files); };
        tx.onabort = function () { reject(tx.error); };
      });
    }

    /** Store and delete files in one transaction; resolves once it has completed. */
    write(puts, deletes) {
      const folder = this.folder, db = this.db;
      return new Promise(function (resolve, reject) {
        const tx = db.transaction(FILES, "readwrite");
        const store = tx.objectStore(FILES);
        for (const path of deletes) store.delete([folder, path]);
        for (const [path, bytes] of puts) store.put(bytes, [folder, path]);
        tx.oncomplete = function () { resolve(); };
        tx.onabort = function () { reject(tx.error || new Error("transaction aborted")); };
        // Commit now rather than at the end of the task: the page may be unloading.
        if (tx.commit) tx.commit();
      });
    }
  }

  /** Open the page's saves: {db, files}; db is null when the browser refuses storage. */
  async function load() {
    try {
      const db = new SaveDb(await openDb(), pageFolder());
      return { db: db, files: await db.readAll() };
    } catch (err) {
      console.warn("saved files unavailable:", err);
      window.PygbagLike.notice("This browser does not let the page store data: " +
        "your progress in this game will not be kept.");
      return { db: null, files: new Map() };
    }
  }

  /** Call visit(path, stat) for each file below dir; false if it stopped at MAX_ENTRIES. */
  function walk(FS, dir, visit, budget) {
    for (const name of FS.readdir(dir)) {
      if (name === "." || name === "..") continue;
      if (--budget.left < 0) return false;
      const path = dir + "/" + name;
      const stat = FS.stat(path);
      if (FS.isDir(stat.mode)) {
        if (!walk(FS, path, visit, budget)) return false;
      } else if (FS.isFile(stat.mode)) {
        visit(path, stat);
      }
    }
    return true;
  }

  function signature(stat) { return stat.size + ":" + stat.mtime.getTime(); }

  /** Stores the files the game writes below its folder, each as soon as it is closed. */
  class Tracker {
    constructor(FS, mount, db, restored) {
      this.FS = FS;
      this.mount = mount.replace(/\/+$/, "");
      this.db = db;
      this.stored = new Map();  // path -> size of its record
      for (const [path, bytes] of restored) this.stored.set(path, bytes.length);
      this.total = Array.from(this.stored.values()).reduce(function (a, b) { return a + b; }, 0);
      this.seen = new Map();  // path -> signature at the last look, for the scan
      this.dirty = new Set();  // paths changed since the last write
      this.pending = new Set();  // writes not completed yet
      this.queued = false;
      this.reported = new Set();  // kinds of trouble already shown to the player
    }

    /** Follow the game's file operations; call once the game's files are in place. */
    watch() {
      const tracker = this;
      this.look(false);
      this.wrap("close", function (stream) {
        if (stream.path && (stream.flags & OPENED_FOR_WRITING)) tracker.changed(stream.path);
      });
      this.wrap("rename", function (from, to) { tracker.changed(from); tracker.changed(to); });
      this.wrap("unlink", function (path) { tracker.changed(path); });
      this.wrap("rmdir", function (path) { tracker.changed(path); });
      this.timer = setInterval(function () { tracker.flush(); }, SCAN_MS);
      const flushNow = function () { tracker.flush(); };
      window.addEventListener("pagehide", flushNow);
      document.addEventListener("visibilitychange", function () {
        if (document.visibilityState === "hidden") flushNow();
      });
    }

    /** Store what is left to store and stop scanning (the game has ended). */
    stop() {
      clearInterval(this.timer);
      return this.flush();
    }

    /** Resolves once every write started so far has completed. */
    settled() { return Promise.all(Array.from(this.pending)); }

    /** Replace FS[name] by a function that calls it, then `after` with the same arguments. */
    wrap(name, after) {
      const original = this.FS[name];
      this.FS[name] = function () {
        const result = original.apply(this, arguments);
        try {
          after.apply(null, arguments);
        } catch (err) {  // keeping a save must never break the game's own file operation
          console.warn("saves: could not follow " + name + ":", err);
        }
        return result;
      };
    }

    /** The path below the mount point, or null for a path elsewhere. */
    relative(path) {
      const parts = [];
      const absolute = path.charAt(0) === "/" ? path : this.FS.cwd() + "/" + path;
      for (const part of absolute.split("/")) {
        if (part === "..") parts.pop();
        else if (part && part !== ".") parts.push(part);
      }
      const full = "/" + parts.join("/");
      return full.startsWith(this.mount + "/") ? full.substring(this.mount.length + 1) : null;
    }

    /** A file or folder below the mount point was written, renamed or deleted. */
    changed(path) {
      const rel = this.relative(path);
      if (rel === null) return;
      this.dirty.add(rel);
      for (const stored of this.stored.keys()) {  // a renamed or deleted folder's files
        if (stored.startsWith(rel + "/")) this.dirty.add(stored);
      }
      const tracker = this;
      const full = this.mount + "/" + rel;
      const node = this.FS.analyzePath(full).object;
      if (node && this.FS.isDir(node.mode)) {  // a folder renamed into place: all its files
        walk(this.FS, full, function (file) { tracker.dirty.add(tracker.relative(file)); },
          { left: MAX_ENTRIES });
      }
      if (!this.queued) {  // several closes in one turn of the event loop: one transaction
        this.queued = true;
        queueMicrotask(function () {
          tracker.queued = false;
          tracker.writeChanges();
        });
      }
    }

    /** Record each file's signature; with `mark`, mark the files that changed since. */
    look(mark) {
      const tracker = this;
      const found = new Set();
      const complete = walk(this.FS, this.mount, function (path, stat) {
        const rel = path.substring(tracker.mount.length + 1);
        const now = signature(stat);
        found.add(rel);
        if (mark && tracker.seen.get(rel) !== now) tracker.dirty.add(rel);
        tracker.seen.set(rel, now);
      }, { left: MAX_ENTRIES });
      if (!complete) return;  // what was not reached is not gone
      for (const rel of this.seen.keys()) if (!found.has(rel)) this.seen.delete(rel);
      if (!mark) return;
      for (const rel of this.stored.keys()) if (!found.has(rel)) this.dirty.add(rel);  // deleted
    }

    /** Scan for changes the wrappers missed, then store everything changed. */
    flush() {
      try {
        this.look(true);
      } catch (err) {
        console.warn("saves: could not scan the game folder:", err);
      }
      return this.writeChanges();
    }

    /** Store the changed files; trouble is reported, never thrown into the game's loop. */
    writeChanges() {
      try {
        this.startWrite();
      } catch (err) {
        console.warn("saves: could not store the changed files:", err);
        this.report("write failed", "Your progress could not be saved in this browser.");
      }
      return this.settled();
    }

    /** Start one transaction for the changed files; a file that does not fit is skipped. */
    startWrite() {
      const deletes = [], files = [];
      for (const rel of this.dirty) {
        const node = this.FS.analyzePath(this.mount + "/" + rel).object;
        if (node && this.FS.isFile(node.mode)) files.push(rel);
        else if (this.stored.has(rel)) deletes.push(rel);
      }
      this.dirty.clear();
      for (const rel of deletes) {  // first, so their room is free for the files written
        this.total -= this.stored.get(rel);
        this.stored.delete(rel);
      }
      const puts = new Map();
      for (const rel of files) {
        const path = this.mount + "/" + rel;
        const stat = this.FS.stat(path);
        this.seen.set(rel, signature(stat));
        const total = this.total - (this.stored.get(rel) || 0) + stat.size;
        if (total > MAX_BYTES) {
          this.tooLarge(rel, stat.size);
          continue;
        }
        puts.set(rel, this.FS.readFile(path));
        this.total = total;
        this.stored.set(rel, stat.size);
      }
      if (!puts.size && !deletes.length) return;
      const tracker = this;
      const write = this.db.write(puts, deletes).catch(function (err) {
        console.warn("saves: could not store " + Array.from(puts.keys()).join(", ") + ":", err);
        tracker.report("write failed", "Your progress could not be saved in this browser (" +
          (err && err.name || err) + ").");
      });
      this.pending.add(write);
      write.then(function () { tracker.pending.delete(write); });
    }

    tooLarge(rel, size) {
      const kept = this.stored.has(rel) ? " (its earlier version is kept)" : "";
      this.report("too large: " + rel, rel + " (" + formatMB(size) + ") was not saved" + kept +
        ": a game keeps at most " + formatMB(MAX_BYTES) + " of files in this browser.");
    }

    /** Tell the player, once per kind of trouble. */
    report(kind, text) {
      if (this.reported.has(kind)) return;
      this.reported.add(kind);
      window.PygbagLike.notice(text);
    }
  }

  /** Write the saved files back into the game folder (before Python starts). */
  function restore(FS, mount, files) {
    for (const [rel, bytes] of files) {
      const path = mount.replace(/\/+$/, "") + "/" + rel;
      try {
        FS.mkdirTree(path.substring(0, path.lastIndexOf("/")));
        FS.writeFile(path, bytes);
      } catch (err) {  // e.g. the game now ships a folder of that name: its files win
        console.warn("saves: could not restore " + rel + ":", err);
      }
    }
  }

  /**
   * Put the saved files in place and follow what the game writes from now on. Returns the
   * Tracker, or null when the browser refuses storage.
   */
  function keep(FS, mount, saved) {
    restore(FS, mount, saved.files);
    if (!saved.db) return null;
    const tracker = new Tracker(FS, mount, saved.db, saved.files);
    tracker.watch();
    return tracker;
  }

  (window.PygbagLike = window.PygbagLike || {}).saves = { load: load, keep: keep };
})();
