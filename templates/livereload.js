/*
 * Only in pages served by `pack --serve` (and its error page): reload when the game was
 * repacked, show the error when a repack failed, send what the game prints to the terminal
 * (POST __pack_log, pygbag_like/devconsole.py), and once the developer has started the game
 * in this tab, start it again after each reload without waiting for a click. Events come
 * from /__pack_events (pygbag_like/serve.py).
 */
(function () {
  "use strict";

  const STARTED = "pygbag_like.started";  // sessionStorage: the game was started in this tab
  const SEND_MS = 50;  // lines printed meanwhile go in one post
  const page = window.PygbagLike && window.PygbagLike.page;

  function startedBefore() {
    try { return sessionStorage.getItem(STARTED) === "1"; } catch (err) { return false; }
  }

  function rememberStarted() {
    try { sessionStorage.setItem(STARTED, "1"); } catch (err) { /* then click each time */ }
  }

  /** The game's stdout and stderr lines, in order, to the terminal running `pack --serve`. */
  function forwardOutput() {
    const queue = [];
    let sending = false;
    async function send() {
      while (queue.length) {
        const body = JSON.stringify({ lines: queue.splice(0, queue.length) });
        try {
          await fetch("__pack_log", { method: "POST", body: body, keepalive: body.length < 60000,
            headers: { "Content-Type": "application/json" } });
        } catch (err) { break; }  // the server is gone: the page says what failed anyway
      }
      sending = false;
    }
    page.onOutput(function (stream, line) {
      queue.push([stream, line]);
      if (!sending) {
        sending = true;
        setTimeout(send, SEND_MS);
      }
    });
  }

  if (page) {
    if (startedBefore()) page.autostart = true;  // the developer clicked before the reload
    forwardOutput();
  }

  function reload() {
    const state = document.body.dataset.state;
    if (page && (state === "running" || state === "ended" || state === "failed")) {
      rememberStarted();
    }
    location.reload();
  }

  const events = new EventSource("__pack_events");
  events.addEventListener("reload", reload);
  // On connecting: the latest repack. This page shows an older one if a repack ended
  // between serving it and listening (the server writes PACK_GENERATION into each page).
  events.addEventListener("hello", function (event) {
    if (window.PACK_GENERATION !== undefined && Number(event.data) !== window.PACK_GENERATION) {
      reload();
    }
  });
  events.addEventListener("pack-error", function (event) {
    document.body.dataset.state = "failed";
    document.body.dataset.failure = "pack";
    const box = document.getElementById("pl-error");
    if (box) {
      document.getElementById("pl-error-title").textContent = "Packing failed";
      document.getElementById("pl-error-text").textContent = event.data;
      box.hidden = false;
    }
    const again = document.getElementById("pl-again");
    if (again) again.hidden = true;  // the game must be repacked first
    console.error("pack: " + event.data);
  });
})();
