/*
 * Only in pages served by `pack --serve` (and its error page): reload when the game was
 * repacked, show the error when a repack failed. Events come from /__pack_events
 * (pygbag_like/serve.py).
 */
(function () {
  "use strict";

  const events = new EventSource("__pack_events");
  events.addEventListener("reload", function () { location.reload(); });
  events.addEventListener("pack-error", function (event) {
    document.body.dataset.state = "failed";
    const box = document.getElementById("pl-error");
    if (box) {
      document.getElementById("pl-error-title").textContent = "Packing failed";
      document.getElementById("pl-error-text").textContent = event.data;
      box.hidden = false;
    }
    console.error("pack: " + event.data);
  });
})();
