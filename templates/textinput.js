/*
 * A phone's on-screen keyboard for games that ask for text (pygame.key.start_text_input:
 * the runtime sends a `pl-text-input` event, plpygame.py). On a touch device a hidden text
 * field (#pl-text-input) takes the focus, so the phone opens its keyboard, and what is typed
 * there goes to the game as SDL's text events. Keys a keyboard sends as keys (Enter,
 * Backspace, a hardware keyboard's letters) reach SDL on their own. `PygbagLike.textInput`.
 */
(function () {
  "use strict";

  /** @param stage the Stage (stage.js), which gives the keys to this field while active */
  function attach(stage) {
    const field = document.getElementById("pl-text-input");
    if (!field) return;
    let typed = false;  // a keypress carried the last character: SDL has typed it already
    window.addEventListener("pl-text-input", function (event) {
      const wanted = Boolean(event.detail) && document.body.dataset.touch === "true";
      stage.setKeyTarget(wanted ? field : null);
    });
    field.addEventListener("keypress", function () { typed = true; });
    field.addEventListener("input", function (event) {
      if (event.isComposing) return;  // a word being composed: it comes at compositionend
      if (!typed && event.data && event.inputType.indexOf("insert") === 0) {
        PygbagLike.keys.type(event.data);
      }
      typed = false;
      field.value = "";
    });
    field.addEventListener("compositionend", function (event) {
      if (event.data) PygbagLike.keys.type(event.data);
      field.value = "";
    });
  }

  (window.PygbagLike = window.PygbagLike || {}).textInput = { attach: attach };
})();
