/*
 * A phone's on-screen keyboard for games that take text. On a touch device a hidden text
 * field (#pl-text-input) takes the focus, so the phone opens its keyboard, and what is typed
 * there goes to the game as a keyboard would send it (keys.js: key down, text, key up). The
 * field takes the focus when the game asks for text (pygame.key.start_text_input: the
 * runtime sends a `pl-text-input` event, plpygame.py), and while the player has the keyboard
 * button (#pl-keyboard, `touch_keyboard` in the page config: games that read typed text)
 * down. Keys a keyboard sends as keys (Enter, a hardware keyboard's letters) reach SDL on
 * their own; a phone's Backspace is only seen as the field losing a character, so the field
 * always holds one (SENTINEL). `PygbagLike.textInput`.
 */
(function () {
  "use strict";

  const SENTINEL = " ";  // a phone's Backspace deletes it: an input event, then put back
  const BACKSPACE = { code: "Backspace", key: "Backspace", key_code: 8 };

  /**
   * @param stage the Stage (stage.js), which gives the keys to this field while active
   * @param {PageConfig} config
   */
  function attach(stage, config) {
    const field = document.getElementById("pl-text-input");
    if (!field) return;
    // The last change came with a real key (a keypress, a Backspace with its own key code):
    // SDL has it already.
    let keyed = false;
    let gameWants = false;  // start_text_input was called, stop_text_input not since
    let playerWants = false;  // the keyboard button is down
    const button = document.getElementById("pl-keyboard");
    const touch = function () { return document.body.dataset.touch === "true"; };
    const update = function () {
      const active = touch() && (gameWants || playerWants);
      if (active) field.value = SENTINEL;
      stage.setKeyTarget(active ? field : null);
      if (!active) field.blur();
      if (button) button.classList.toggle("pl-pressed", playerWants);
    };
    window.addEventListener("pl-text-input", function (event) {
      gameWants = Boolean(event.detail);
      update();
    });
    if (button && config.touch_keyboard) {
      button.hidden = false;
      // Pressing the button must not take the focus (the field would lose it, and with it
      // the keyboard, before the click); the click is a user gesture, in which a phone lets
      // a field's focus open its keyboard.
      const keepFocus = function (event) { event.preventDefault(); };
      button.addEventListener("pointerdown", keepFocus);
      button.addEventListener("mousedown", keepFocus);
      button.addEventListener("click", function () {
        playerWants = !playerWants;
        update();
      });
      // The phone's own "hide keyboard" key blurs the field: the button goes up with it.
      field.addEventListener("blur", function () {
        if (playerWants && document.activeElement !== field) {
          playerWants = false;
          button.classList.remove("pl-pressed");
        }
      });
    }
    field.addEventListener("keypress", function () { keyed = true; });
    field.addEventListener("keydown", function (event) {
      if (event.key === "Backspace" && event.keyCode === 8) keyed = true;
    });
    // SDL cancels a Backspace key's default: no input event follows to clear the mark.
    field.addEventListener("keyup", function () { keyed = false; });
    field.addEventListener("input", function (event) {
      if (event.isComposing) return;  // a word being composed: it comes at compositionend
      if (!keyed && event.inputType === "deleteContentBackward") {
        PygbagLike.keys.press(BACKSPACE);
      } else if (!keyed && event.data && event.inputType.indexOf("insert") === 0) {
        PygbagLike.keys.type(event.data);
      }
      keyed = false;
      field.value = SENTINEL;
    });
    field.addEventListener("compositionend", function (event) {
      if (event.data) PygbagLike.keys.type(event.data);
      field.value = SENTINEL;
    });
  }

  (window.PygbagLike = window.PygbagLike || {}).textInput = { attach: attach };
})();
