/*
 * Key presses made by the page (the on-screen gamepad, the phone's keyboard), sent as the
 * browser's own keyboard events to the page's body, where SDL listens (as set up by
 * pygame-ce): the game cannot tell them from a real keyboard's. A key is {code, key, key_code,
 * location}, as pack writes them (pygbag_like/touchcontrols.py, DomKey). `PygbagLike.keys`.
 */
(function () {
  "use strict";

  function send(type, key) {
    document.body.dispatchEvent(new KeyboardEvent(type, {
      code: key.code, key: key.key, keyCode: key.key_code, which: key.key_code,
      location: key.location || 0, bubbles: true, cancelable: true,
    }));
  }

  /** The key a keyboard presses for `character` (a letter, digit or space), or null. */
  function keyFor(character) {
    const upper = character.toUpperCase();
    if (/^[A-Z]$/.test(upper)) {
      return { code: "Key" + upper, key: character, key_code: upper.charCodeAt(0) };
    }
    if (/^[0-9]$/.test(character)) {
      return { code: "Digit" + character, key: character, key_code: character.charCodeAt(0) };
    }
    if (character === " ") return { code: "Space", key: " ", key_code: 32 };
    return null;
  }

  /**
   * Typed text, one character at a time, as a keyboard types it: a key down (for games that
   * read KEYDOWN), the keypress SDL makes its text event of, a key up. Characters with no
   * key of their own (accents, punctuation, emoji) come as text only.
   */
  function type(text) {
    for (const character of text) {
      const key = keyFor(character);
      if (key) send("keydown", key);
      const charCode = character.codePointAt(0);
      document.body.dispatchEvent(new KeyboardEvent("keypress", {
        key: character, charCode: charCode, which: charCode, bubbles: true, cancelable: true,
      }));
      if (key) send("keyup", key);
    }
  }

  (window.PygbagLike = window.PygbagLike || {}).keys = {
    down: function (key) { send("keydown", key); },
    up: function (key) { send("keyup", key); },
    press: function (key) { send("keydown", key); send("keyup", key); },
    type: type,
  };
})();
