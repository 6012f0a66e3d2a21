/*
 * Key presses made by the page (the on-screen gamepad, the phone's keyboard), sent as the
 * browser's own keyboard events to the page's body, where SDL listens (as set up by
 * pygame-ce): the game cannot tell them from a real keyboard's. A key is {code, key, key_code, location}, as pack writes them
 * (pygbag_like/touchcontrols.py, DomKey). `PygbagLike.keys`.
 */
(function () {
  "use strict";

  function send(type, key) {
    document.body.dispatchEvent(new KeyboardEvent(type, {
      code: key.code, key: key.key, keyCode: key.key_code, which: key.key_code,
      location: key.location || 0, bubbles: true, cancelable: true,
    }));
  }

  /** Typed text, one character at a time, as SDL reads it: a keypress with its charCode. */
  function type(text) {
    for (const character of text) {
      const charCode = character.codePointAt(0);
      document.body.dispatchEvent(new KeyboardEvent("keypress", {
        key: character, charCode: charCode, which: charCode, bubbles: true, cancelable: true,
      }));
    }
  }

  (window.PygbagLike = window.PygbagLike || {}).keys = {
    down: function (key) { send("keydown", key); },
    up: function (key) { send("keyup", key); },
    press: function (key) { send("keydown", key); send("keyup", key); },
    type: type,
  };
})();
