/*
 * pygbag_like page loader: downloads the runtime and the game with byte progress, shows a
 * click-to-start screen, starts Python, drives the game's main loop, shows Python errors, and
 * starts the game again ("Play again") from what it downloaded.
 * The runtime contract it relies on is written in docs/runtime-contract.md.
 *
 * Everything the page exposes lives in one global, `PygbagLike`: `boot`, `page` (the running
 * Page), `saves` (saves.js), `notice` (notice.js), `stage` (stage.js), `keys` (keys.js),
 * `gamepad` (gamepad.js), `textInput` (textinput.js), `bridge` (bridge.js), `STATUS`,
 * `mountPackage`.
 */

/**
 * The page's configuration, written by `pack` (pygbag_like/page.py, PageConfig).
 * @typedef {Object} PageConfig
 * @property {string} runtime_js     the emscripten loader script of the chosen variant
 * @property {string} runtime_wasm   its WebAssembly binary
 * @property {boolean} asyncify      the variant can suspend: `start` returns when the game ends
 * @property {string} module_store   every runtime module (with its `.json`): one is fetched
 *                                   from it the first time something imports it
 * @property {string} module_contents  the store's table of contents, in the game's files
 * @property {string} game_data      the game's files (with its `.json`), mounted at `mount`,
 *                                   and the runtime modules it imports (absolute paths)
 * @property {string} mount          the game's folder in the browser, its working directory
 * @property {string} main           the entry point, relative to `mount`
 * @property {string} cwd            the working directory, relative to `mount` ("": mount)
 * @property {Object<string, number>} sizes  bytes of each file downloaded with progress
 * @property {boolean} pixel_art     scale by whole steps without smoothing
 * @property {string} resize         "fit" (scaled to the page), "fixed" (unscaled) or "fill"
 *                                   (a RESIZABLE game gets the page's size)
 * @property {boolean} autostart     start without waiting for a click
 * @property {string[]} preload      modules to import while waiting for the click
 * @property {boolean} keep_saves    keep the files the game writes (saves.js)
 * @property {boolean} offline       register sw.js: playable with no network after one visit
 * @property {?string[]} argv        sys.argv for the script (pack exec), or null
 * @property {string[]} python_path  folders put on sys.path after the script's own
 * @property {string[]} gzipped      files with a gzip copy (NAME.gz) for hosts that don't
 *                                   compress: fetchStream picks the cheaper one
 * @property {Object<string, {code: string, key: string, key_code: number, location: number}>}
 *           touch_controls         the on-screen gamepad: button -> the key it presses
 * @property {string} orientation    "any", "landscape" or "portrait": how to hold a phone
 * @property {boolean} background_audio  keep the sound on while the page is hidden
 */
(function () {
  "use strict";

  const PygbagLike = window.PygbagLike = window.PygbagLike || {};

  const STATUS = { RUNNING: 0, DONE: 1, EXITED: 2, FAILED: 3 };
  const FROZEN_AFTER_MS = 5000;

  function $(id) { return document.getElementById(id); }

  function formatBytes(n) {
    return n >= 1048576 ? (n / 1048576).toFixed(1) + " MB" : Math.round(n / 1024) + " KB";
  }

  /**
   * A file written into the page itself (`pack --single-file`: PygbagLike.inline holds
   * url -> base64 of its gzip), decoded; null for the others.
   */
  function inlined(url) {
    const packed = PygbagLike.inline && PygbagLike.inline[url];
    if (!packed) return null;
    const bytes = Uint8Array.from(atob(packed), function (c) { return c.charCodeAt(0); });
    return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip")));
  }

  async function fetchOk(url) {
    const response = inlined(url) || await fetch(url);
    if (!response.ok) throw new Error("could not load " + url + " (HTTP " + response.status + ")");
    return response;
  }

  /**
   * A file's bytes as a stream, sent the cheapest way: a server that compresses sends the
   * file itself (with a Content-Encoding); from one that does not, the page takes the gzip
   * copy pack wrote (`gzipped` in the config) and decodes it here.
   */
  async function fetchStream(url, gzipped) {
    const copyUrl = url + ".gz";
    let response;
    try {
      response = await fetchOk(url);
    } catch (err) {  // offline, with only the copy kept by the service worker
      if (!gzipped) throw err;
      usedUrls.add(copyUrl);
      return (await fetchOk(copyUrl)).body.pipeThrough(new DecompressionStream("gzip"));
    }
    if (!gzipped || response.headers.get("Content-Encoding") || !window.DecompressionStream ||
        !response.body || PygbagLike.inline) {
      usedUrls.add(url);
      return response.body || new Response(await response.arrayBuffer()).body;
    }
    response.body.cancel();
    usedUrls.add(copyUrl);
    const copy = await fetchOk(copyUrl);
    return copy.body.pipeThrough(new DecompressionStream("gzip"));
  }

  const usedUrls = new Set();  // the files (or copies) the page really used, for sw.js

  /**
   * Offline play: register the service worker, and once the game runs, have it keep the
   * files this page used (templates/sw.js).
   */
  function keepForOffline(config) {
    if (!config.offline || !navigator.serviceWorker || location.protocol.indexOf("http") !== 0) {
      return;
    }
    navigator.serviceWorker.register("sw.js").then(function (registration) {
      return navigator.serviceWorker.ready.then(function (ready) {
        const urls = Array.from(usedUrls).concat(
          [config.game_data + ".json", config.module_store + ".json"]);
        (ready.active || registration.active).postMessage({ keep: urls });
      });
    }).catch(function (err) { console.warn("offline play unavailable:", err); });
  }

  /** Compile the wasm while it downloads, counting its bytes for the progress bar. */
  async function compileWasm(url, onBytes, gzipped) {
    let body = await fetchStream(url, gzipped);
    if (body && window.TransformStream) {
      body = body.pipeThrough(new TransformStream({
        transform: function (chunk, controller) { onBytes(chunk.length); controller.enqueue(chunk); },
      }));
    }
    const counted = new Response(body, { headers: { "Content-Type": "application/wasm" } });
    if (WebAssembly.compileStreaming) {
      try {
        return await WebAssembly.compileStreaming(counted);
      } catch (err) {
        console.warn("streaming compilation failed, compiling after download:", err);
      }
    }
    return WebAssembly.compile(await new Response(await fetchStream(url, gzipped)).arrayBuffer());
  }

  /** Fetch a file as bytes, reporting bytes received (the total comes from the pack step). */
  async function fetchBytes(url, onBytes, gzipped) {
    const reader = (await fetchStream(url, gzipped)).getReader();
    const chunks = [];
    let received = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.length;
      onBytes(value.length);
    }
    const bytes = new Uint8Array(received);
    let offset = 0;
    for (const chunk of chunks) { bytes.set(chunk, offset); offset += chunk.length; }
    return bytes;
  }

  /**
   * A single-file page has no server to fetch modules from: its module store is decoded once
   * into PygbagLike.files, which the bridge's synchronous requests read (bridge.js).
   */
  async function keepInlineStore(url) {
    const files = PygbagLike.files = PygbagLike.files || {};
    for (const name of [url, url + ".json"]) {
      files[name] = new Uint8Array(await (await fetchOk(name)).arrayBuffer());
    }
  }

  /** Run a script (its gzip copy, decoded, when the server does not compress). */
  async function loadScript(url, gzipped) {
    let source = url;
    if (gzipped || PygbagLike.inline) {
      const text = await new Response(await fetchStream(url, true)).text();
      source = URL.createObjectURL(new Blob([text], { type: "text/javascript" }));
    }
    return new Promise(function (resolve, reject) {
      const script = document.createElement("script");
      script.src = source;
      script.onload = resolve;
      script.onerror = function () { reject(new Error("could not load " + url)); };
      document.head.appendChild(script);
    });
  }

  /**
   * Write a file_packager-layout package into the virtual filesystem: relative names below
   * `mount`, absolute ones (the runtime modules the game ships) where they say. With
   * `share`, the files use `bytes` itself (no copy); otherwise each file is copied, so a game
   * writing into one of its files in place leaves the downloaded bytes as they came, for
   * Play again.
   */
  function mountPackage(FS, metadata, bytes, mount, share) {
    const base = mount.replace(/\/+$/, "");
    for (const entry of metadata.files) {
      const name = entry.filename;
      const path = name.charAt(0) === "/" ? name : base + "/" + name;
      const slash = path.lastIndexOf("/");
      const dir = path.substring(0, slash) || "/";
      FS.mkdirTree(dir);
      FS.createDataFile(dir, path.substring(slash + 1), bytes.subarray(entry.start, entry.end),
        true, true, Boolean(share));
    }
  }

  // Browsers do not let a page opened from disk read the files next to it.
  const FILE_HINT = "This page was opened straight from the disk, where browsers do not let " +
    "it load its files. Serve the folder instead: `pack GAME --serve`, or any web server " +
    "(python3 -m http.server), or pack it with `pack GAME --single-file`.";

  const ENOENT = 44;  // emscripten's errno for "no such file or directory"

  /**
   * Games written on Windows or macOS open "Player.png" as "player.png", and on Windows
   * "assets\\player.png". Below `mount`, a name that is not found falls back to the one
   * entry of its folder that matches it ignoring case, and a name with backslashes to the
   * path they separate (as it would on the author's machine), with one console warning each.
   */
  function desktopNamesBelow(FS, mount) {
    const lookupNode = FS.lookupNode;
    const warned = new Set();
    const warnOnce = function (path, message) {
      if (warned.has(path)) return;
      warned.add(path);
      console.warn(message);
    };
    FS.lookupNode = function (parent, name) {
      try {
        return lookupNode(parent, name);
      } catch (err) {
        if (!(err instanceof FS.ErrnoError) || err.errno !== ENOENT) throw err;
        const folder = FS.getPath(parent);
        if (folder !== mount && folder.indexOf(mount + "/") !== 0) throw err;
        const path = folder + "/" + name;
        if (name.indexOf("\\") >= 0) {
          const parts = name.split("\\").filter(function (part) { return part && part !== "."; });
          let node = parent;
          for (const part of parts) {
            node = part === ".." ? node.parent : FS.lookupNode(node, part);  // throws ENOENT
          }
          warnOnce(path, path + " does not exist: using " + FS.getPath(node) + " (\\ " +
            "separates folders on Windows only; write / in the game's paths)");
          return node;
        }
        const wanted = name.toLowerCase();
        const matches = Object.keys(parent.contents || {}).filter(function (entry) {
          return entry.toLowerCase() === wanted;
        });
        if (matches.length !== 1) throw err;
        warnOnce(path, path + " does not exist: using " + matches[0] + " (the name differs " +
          "by letter case; the browser's files are case-sensitive, rename one of them)");
        return lookupNode(parent, matches[0]);
      }
    };
  }

  /**
   * The event listeners one instance of the runtime adds to `window` and `document` (SDL's
   * keyboard, mouse-up, resize and focus handlers, emscripten's audio unlocking, saves.js),
   * so they can all go when a new instance replaces it: an instance cannot be told to remove
   * them itself once its game is over.
   */
  class ListenerLog {
    constructor(targets) {
      const log = this;
      this.added = [];
      this.targets = targets;
      for (const target of targets) {
        target.addEventListener = function (type, listener, options) {
          log.added.push([target, type, listener, options]);
          return EventTarget.prototype.addEventListener.call(target, type, listener, options);
        };
      }
    }

    release() {
      for (const [target, type, listener, options] of this.added) {
        target.removeEventListener(type, listener, options);
      }
      for (const target of this.targets) delete target.addEventListener;
    }
  }

  class Page {
    /** @param {PageConfig} config */
    constructor(config) {
      this.config = config;
      this.stage = null;  // set once the document is parsed (stage.js)
      this.canvas = null;
      this.autostart = config.autostart;  // livereload.js turns it on after a reload
      this.outputListeners = [];
      this.stderr = [];
      this.received = 0;
      this.total = Object.values(config.sizes).reduce(function (a, b) { return a + b; }, 0);
    }

    setStatus(text) {
      const status = $("pl-status");
      if (status) status.textContent = text;
    }

    progress(bytes) {
      this.received += bytes;
      const fraction = this.total ? Math.min(1, this.received / this.total) : 0;
      const bar = $("pl-progress-bar");
      if (bar) bar.style.width = (fraction * 100).toFixed(1) + "%";
      this.setStatus("Loading " + formatBytes(this.received) + " / " + formatBytes(this.total));
    }

    print(text) {
      if (!this.printed) {
        this.printed = true;
        performance.mark("pl:first-output");
      }
      console.log(text);
      this.emit("out", text);
    }

    printErr(text) {
      this.stderr.push(text);
      console.error(text);
      this.emit("err", text);
    }

    /** Call `listener(stream, line)` for each line the game prints ("out" or "err"). */
    onOutput(listener) { this.outputListeners.push(listener); }

    emit(stream, text) {
      for (const listener of this.outputListeners) listener(stream, text);
    }

    /**
     * The error overlay; `failure` is what failed: "python", "load" or "javascript". Its text
     * goes to the output listeners too, unless Python printed it already.
     */
    showError(failure, title, detail) {
      this.stop();
      if (failure !== "python") this.emit("err", title + ": " + detail);
      document.body.dataset.failure = failure;
      const overlay = $("pl-error");
      if (overlay) {
        $("pl-error-title").textContent = title;
        $("pl-error-text").textContent = detail;
        overlay.hidden = false;
      }
      this.offerAgain(failure !== "load" && Boolean(this.files));
      document.body.dataset.state = "failed";
    }

    showEnded(text) {
      this.stop();
      const ended = $("pl-ended");
      if (ended) { ended.textContent = text; ended.hidden = false; }
      this.offerAgain(true);
      document.body.dataset.state = "ended";
    }

    offerAgain(show) {
      const again = $("pl-again");
      if (again) again.hidden = !show;
    }

    async download() {
      const cfg = this.config;
      const fetchJson = async function (url) { return (await fetchOk(url)).json(); };
      const onBytes = this.progress.bind(this);
      const gzipped = function (url) { return cfg.gzipped.indexOf(url) !== -1; };
      const [, wasm, gameMeta, gameData, saved] = await Promise.all([
        loadScript(cfg.runtime_js, gzipped(cfg.runtime_js)),
        compileWasm(cfg.runtime_wasm, onBytes, gzipped(cfg.runtime_wasm)),
        fetchJson(cfg.game_data + ".json"),
        fetchBytes(cfg.game_data, onBytes, gzipped(cfg.game_data)),
        cfg.keep_saves ? PygbagLike.saves.load() : Promise.resolve(null),
        PygbagLike.inline ? keepInlineStore(cfg.module_store) : null,
      ]);
      return { wasm, gameMeta, gameData, saved };
    }

    /** A fresh instance of the runtime with the game's files; Python started, not the game. */
    async instantiate(files) {
      const page = this;
      const cfg = this.config;
      const generation = this.generation = (this.generation || 0) + 1;
      // A previous instance that is somehow still running must not print into this one's.
      const current = function (method) {
        return function (text) { if (page.generation === generation) method.call(page, text); };
      };
      this.setStatus("Starting Python…");
      this.listeners = new ListenerLog([window, document]);
      let instantiateFailed;
      const failure = new Promise(function (resolve, reject) { instantiateFailed = reject; });
      this.module = await Promise.race([failure, window.createPythonModule({
        canvas: this.canvas,
        // The module was compiled while it downloaded; emscripten only instantiates it.
        instantiateWasm: function (imports, receiveInstance) {
          WebAssembly.instantiate(files.wasm, imports).then(function (instance) {
            receiveInstance(instance, files.wasm);
          }, instantiateFailed);
          return {};
        },
        print: current(this.print),
        printErr: current(this.printErr),
        plJs: PygbagLike.bridge.handle,  // the runtime's `_pl.js` (bridge.js, pljs.py)
        preRun: [function (module) {
          performance.mark("pl:instantiated");
          mountPackage(module.FS, files.gameMeta, files.gameData, cfg.mount, false);
          desktopNamesBelow(module.FS, cfg.mount);
          if (files.saved) page.saves = PygbagLike.saves.keep(module.FS, cfg.mount, files.saved);
          performance.mark("pl:mounted");
        }],
      })]);
      if (this.module.ccall("pl_init", "number", [], []) !== 0) {
        throw new Error("Python failed to start");
      }
      performance.mark("pl:interpreter");
      this.call("configure", JSON.stringify({
        argv: cfg.argv, path: cfg.python_path, resizable: cfg.resize === "fill",
        module_store: cfg.module_store, module_contents: cfg.module_contents,
        cwd: cfg.mount + (cfg.cwd ? "/" + cfg.cwd : ""),
      }), false);
      performance.mark("pl:configured");
      // Imports the game will need, done now while the page waits for the player's click.
      if (cfg.preload && cfg.preload.length) this.call("preload", cfg.preload.join(","), false);
    }

    call(fn, arg, async) {
      return this.module.ccall("pl_call", "number", ["string", "string"], [fn, arg],
        async ? { async: true } : undefined);
    }

    async run() {
      const asyncify = this.config.asyncify;
      document.body.dataset.state = "running";
      const frozen = $("pl-frozen");
      if (frozen) this.freezeWatch = new FreezeWatch(frozen);
      let status = await this.call("start", this.config.mount + "/" + this.config.main, asyncify);
      if (status === STATUS.RUNNING) status = await this.stepEachFrame();
      this.finish(status);
      return status;
    }

    stepEachFrame() {
      const page = this;
      return new Promise(function (resolve) {
        function frame() {
          const status = page.call("step", null, false);
          if (status === STATUS.RUNNING) requestAnimationFrame(frame);
          else resolve(status);
        }
        requestAnimationFrame(frame);
      });
    }

    finish(status) {
      this.status = status;
      if (status === STATUS.FAILED || status < 0) {
        this.showError("python", "The game stopped with an error", this.stderr.join("\n"));
        return;
      }
      if (status === STATUS.EXITED) {
        this.exited(this.call("exit_code", null, false));
        return;
      }
      this.showEnded("The game has ended.");
    }

    /** The game ended with an exit code (sys.exit, or os._exit, which ends the runtime). */
    exited(code) {
      document.body.dataset.exitCode = String(code);
      if (code !== 0) {
        this.showError("python", "The game exited with status " + code, this.stderr.join("\n"));
      } else {
        this.showEnded("The game has ended.");
      }
    }

    /** SDL2's AudioContext, once the game has opened the audio device. */
    audio() {
      const sdl = this.module && this.module.SDL2;
      const context = sdl && sdl.audioContext;
      return context && context.state !== "closed" ? context : null;
    }

    /** The game is over (ended, failed or crashed): store what it wrote and silence it. */
    stop() {
      if (this.stopped) return;
      this.stopped = true;
      if (this.freezeWatch) this.freezeWatch.stop();
      if (this.saves) this.saves.stop();
      if (this.stage) this.stage.setKeyTarget(null);
      // SDL2 keeps playing its audio buffers under the error overlay otherwise.
      const audio = this.audio();
      if (audio) {
        audio.close().catch(function (err) { console.warn("could not stop the audio:", err); });
      }
    }

    /**
     * Play again: a new instance of the runtime from the compiled module and the bytes
     * downloaded the first time (nothing is downloaded again), with the files the last run
     * saved, on a fresh canvas. The old instance's listeners go with it.
     */
    async restart() {
      const files = this.files;
      this.offerAgain(false);  // at once: a second click must not start a second game
      if (this.saves) await this.saves.settled();
      this.listeners.release();
      PygbagLike.bridge.reset();
      this.module = null;
      this.saves = null;
      this.stopped = false;
      this.printed = false;
      this.stderr = [];
      for (const id of ["pl-ended", "pl-error"]) { if ($(id)) $(id).hidden = true; }
      delete document.body.dataset.failure;
      delete document.body.dataset.exitCode;
      delete document.body.dataset.state;
      this.canvas = this.stage.replaceCanvas();
      let saved = files.saved;
      if (saved && saved.db) saved = { db: saved.db, files: await saved.db.readAll() };
      await this.instantiate(Object.assign({}, files, { saved: saved }));
      this.stage.focus();
      await this.run();
    }

    /** Pause the sound while the page is hidden (unless the game keeps it on). */
    followVisibility() {
      const page = this;
      document.addEventListener("visibilitychange", function () {
        const audio = page.audio();
        if (!audio || page.stopped || page.config.background_audio) return;
        const change = document.visibilityState === "hidden" ? audio.suspend() : audio.resume();
        change.catch(function (err) { console.warn("could not pause the audio:", err); });
      });
    }
  }

  /**
   * Shows #pl-frozen once the page has had no animation frame for FROZEN_AFTER_MS: a game loop
   * that never gives control back blocks the main thread, so no script could show it then.
   * The element's opacity animation runs on the compositor thread, which keeps drawing while
   * the main thread is blocked; every frame the page does get starts the animation over.
   */
  class FreezeWatch {
    constructor(element) {
      const watch = this;
      this.animation = element.animate([{ opacity: 0 }, { opacity: 1 }],
        { delay: FROZEN_AFTER_MS, duration: 300, fill: "both" });
      this.frame = function () {
        watch.animation.currentTime = 0;
        watch.request = requestAnimationFrame(watch.frame);
      };
      this.request = requestAnimationFrame(this.frame);
    }

    stop() {
      cancelAnimationFrame(this.request);
      this.animation.cancel();
    }
  }

  function domReady() {
    if (document.readyState !== "loading") return Promise.resolve();
    return new Promise(function (resolve) {
      document.addEventListener("DOMContentLoaded", resolve, { once: true });
    });
  }

  /** @param {PageConfig} config */
  async function boot(config) {
    const page = PygbagLike.page = new Page(config);
    // Downloads start at once, while the rest of the page is still being parsed.
    const downloading = page.download();
    downloading.catch(function () { /* reported below, once the page can show it */ });
    await domReady();
    const stage = page.stage = PygbagLike.stage.attach(config);
    page.canvas = stage.canvas;
    PygbagLike.gamepad.attach(config);
    PygbagLike.textInput.attach(stage, config);
    page.followVisibility();
    const again = $("pl-again");
    if (again) again.addEventListener("click", function () { play(page, page.restart()); });
    window.addEventListener("error", function (event) {
      page.showError("javascript", "JavaScript error", String(event.message || event.error));
    });
    try {
      const files = await downloading;
      performance.mark("pl:downloaded");
      await page.instantiate(files);
      page.files = files;  // kept for Play again
      performance.mark("pl:python-ready");
      keepForOffline(config);
    } catch (err) {
      console.error(err);
      const hint = location.protocol === "file:" ? [FILE_HINT] : [];
      page.showError("load", "The game could not load",
        hint.concat([String(err && err.message || err)], page.stderr).join("\n"));
      return;
    }
    await waitForStart(page);
    await play(page, page.run());
  }

  /** Wait for a run of the game; a JavaScript error or a wasm trap ends it on the page. */
  async function play(page, running) {
    try {
      await running;
    } catch (err) {
      if (err && err.name === "ExitStatus") {  // os._exit(): emscripten stops the program
        page.exited(err.status);
        return;
      }
      console.error(err);
      page.showError("javascript", "The game crashed",
        String(err && err.stack || err) + "\n" + page.stderr.join("\n"));
    }
  }

  /** Browsers keep audio muted until a user gesture: wait for a click, tap or key. */
  function waitForStart(page) {
    const screen = $("pl-start");
    $("pl-loading").hidden = true;
    if (page.autostart || !screen) return Promise.resolve();
    screen.hidden = false;
    document.body.dataset.state = "ready";
    page.setStatus("");
    return new Promise(function (resolve) {
      function go(event) {
        if (event) event.preventDefault();
        screen.hidden = true;
        window.removeEventListener("keydown", go, true);
        screen.removeEventListener("pointerdown", go);
        page.stage.focus();
        resolve();
      }
      screen.addEventListener("pointerdown", go);
      window.addEventListener("keydown", go, true);
    });
  }

  Object.assign(PygbagLike, { boot: boot, mountPackage: mountPackage, STATUS: STATUS });
})();
