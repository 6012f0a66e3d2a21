/*
 * Short messages for the player (#pl-notice): a save that could not be kept, storage the
 * browser refuses. Each line stays a few seconds, or until clicked, and also goes to the
 * console. `PygbagLike.notice(text)`.
 */
(function () {
  "use strict";

  const SHOWN_MS = 12000;

  function notice(text) {
    console.warn(text);
    if (document.readyState === "loading") {  // called while the page is still being parsed
      document.addEventListener("DOMContentLoaded", function () { show(text); }, { once: true });
    } else {
      show(text);
    }
  }

  function show(text) {
    const box = document.getElementById("pl-notice");
    if (!box) return;
    const line = document.createElement("p");
    line.textContent = text;
    const remove = function () {
      line.remove();
      if (!box.firstChild) box.hidden = true;
    };
    line.addEventListener("click", remove);
    setTimeout(remove, SHOWN_MS);
    box.appendChild(line);
    box.hidden = false;
  }

  (window.PygbagLike = window.PygbagLike || {}).notice = notice;
})();
