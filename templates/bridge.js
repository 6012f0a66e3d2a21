/*
 * The page's half of the Python <-> JavaScript bridge (the other half is pljs.py in the
 * runtime). Python sends one JSON request at a time through `_pl.js`; JavaScript objects stay
 * here, in a table, and Python holds their numbers. Values travel as JSON: null, booleans,
 * numbers and strings as they are; {ref, fn} for an object or function kept here; from
 * Python also {list}, {dict} (converted) and {callback} (a Python function JavaScript may
 * call: the call is queued and Python runs it at its next event poll or frame).
 */
(function () {
  "use strict";

  const PygbagLike = window.PygbagLike = window.PygbagLike || {};
  const objects = new Map();
  const promises = new Map();
  const callbackQueue = [];
  const keptRanges = new Map();  // url#range -> reply, see syncRequest
  let nextRef = 1;

  function keep(value) {
    const ref = nextRef++;
    objects.set(ref, value);
    return ref;
  }

  /** A JavaScript value as it crosses to Python. */
  function out(value) {
    if (value === undefined || value === null) return null;
    const type = typeof value;
    if (type === "boolean" || type === "string") return value;
    if (type === "number") return Number.isFinite(value) ? value : { number: String(value) };
    if (type === "bigint") return { number: value.toString() };
    return { ref: keep(value), fn: type === "function" };
  }

  /** A value from Python as JavaScript uses it. */
  function into(value) {
    if (value === null || typeof value !== "object") return value;
    if (Array.isArray(value)) return value.map(into);
    if ("ref" in value) return objects.get(value.ref);
    if ("list" in value) return value.list.map(into);
    if ("dict" in value) {
      const result = {};
      for (const [key, item] of Object.entries(value.dict)) result[key] = into(item);
      return result;
    }
    if ("callback" in value) {
      const id = value.callback;
      return function () {
        callbackQueue.push([id, Array.prototype.map.call(arguments, out)]);
      };
    }
    if ("bytes" in value) return Uint8Array.from(atob(value.bytes), (c) => c.charCodeAt(0));
    throw new Error("cannot pass " + JSON.stringify(value) + " to JavaScript");
  }

  function describe(value) {
    const type = typeof value;
    let text;
    try { text = String(value); } catch (err) { text = Object.prototype.toString.call(value); }
    return {
      type: type, text: text.slice(0, 200),
      thenable: value !== null && (type === "object" || type === "function") &&
        typeof value.then === "function",
      length: value !== null && type === "object" && typeof value.length === "number" ?
        value.length : null,
    };
  }

  function bytesToBase64(bytes) {
    let text = "";
    for (let i = 0; i < bytes.length; i += 0x8000) {
      text += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    }
    return btoa(text);
  }

  /** A request for a file the page holds itself (a single-file page's module store). */
  function localRequest(request, bytes) {
    let body = bytes, status = 200;
    const range = request.headers.find(function (h) { return h[0].toLowerCase() === "range"; });
    const match = range && /bytes=(\d+)-(\d+)/.exec(range[1]);
    if (match) {
      body = bytes.subarray(Number(match[1]), Number(match[2]) + 1);
      status = 206;
    }
    return { status: status, reason: "", url: request.url, headers: "",
             body: bytesToBase64(body) };
  }

  /**
   * A synchronous HTTP request (allowed on the page's thread), for urllib.request and the
   * runtime's module store.
   */
  function syncRequest(request) {
    const local = PygbagLike.files && PygbagLike.files[request.url];
    if (local) return localRequest(request, local);
    // A range of a file is the same every time (the module store's names carry a hash of
    // their content): kept, so that Play again, which starts a new runtime, fetches no
    // module twice.
    const range = request.method === "GET" && request.headers.find(function (h) {
      return h[0].toLowerCase() === "range";
    });
    const key = range ? request.url + "#" + range[1] : null;
    if (key && keptRanges.has(key)) return keptRanges.get(key);
    const reply = networkRequest(request);
    if (key && reply.status === 206) keptRanges.set(key, reply);
    return reply;
  }

  function networkRequest(request) {
    const xhr = new XMLHttpRequest();
    xhr.open(request.method, request.url, false);
    xhr.overrideMimeType("text/plain; charset=x-user-defined");  // the bytes, untouched
    for (const [name, value] of request.headers) {
      try { xhr.setRequestHeader(name, value); } catch (err) { /* forbidden by browsers */ }
    }
    xhr.send(request.body === null ? null : into({ bytes: request.body }));
    const text = xhr.responseText || "";
    const body = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) body[i] = text.charCodeAt(i) & 0xff;
    return {
      status: xhr.status, reason: xhr.statusText, url: xhr.responseURL || request.url,
      headers: xhr.getAllResponseHeaders(), body: bytesToBase64(body),
    };
  }

  const OPERATIONS = {
    global: function () { return out(globalThis); },
    get: function (r) { return out(objects.get(r.ref)[r.name]); },
    set: function (r) { objects.get(r.ref)[r.name] = into(r.value); return null; },
    del: function (r) { delete objects.get(r.ref)[r.name]; return null; },
    has: function (r) { return r.name in Object(objects.get(r.ref)); },
    call: function (r) {
      const target = objects.get(r.ref);
      const self = r.self === null ? undefined : objects.get(r.self);
      return out(target.apply(self, r.args.map(into)));
    },
    new: function (r) { return out(Reflect.construct(objects.get(r.ref), r.args.map(into))); },
    describe: function (r) { return describe(objects.get(r.ref)); },
    keys: function (r) { return Object.keys(Object(objects.get(r.ref))); },
    json: function (r) { return JSON.stringify(objects.get(r.ref)); },
    release: function (r) { for (const ref of r.refs) objects.delete(ref); return null; },
    await: function (r) {
      const id = r.ref;
      promises.set(id, null);
      Promise.resolve(objects.get(r.ref)).then(
        function (value) { promises.set(id, { ok: true, value: out(value) }); },
        function (error) { promises.set(id, { ok: false, value: String(error && error.stack || error) }); });
      return null;
    },
    settled: function (r) {
      const result = promises.get(r.ref);
      if (result) promises.delete(r.ref);
      return result || null;
    },
    callbacks: function () { return callbackQueue.splice(0, callbackQueue.length); },
    mark: function (r) { performance.mark(r.name); return null; },
    // The runtime telling the page's scripts something (pljs.page_event), e.g. text-input.
    page_event: function (r) {
      window.dispatchEvent(new CustomEvent("pl-" + r.name, { detail: into(r.detail) }));
      return null;
    },
    xhr: syncRequest,
  };

  /** Handle one request from Python; errors come back as {error}. */
  function handle(request) {
    const operation = OPERATIONS[request.op];
    if (!operation) return { error: "unknown bridge operation " + request.op };
    try {
      return { value: operation(request) };
    } catch (err) {
      return { error: String(err && err.stack || err), name: err && err.name || "Error" };
    }
  }

  /** Forget everything a game kept here (its objects, queued calls): it is over. */
  function reset() {
    objects.clear();
    promises.clear();
    callbackQueue.length = 0;
  }

  PygbagLike.bridge = { handle: handle, reset: reset };
})();
