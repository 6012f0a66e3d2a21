/*
 * The on-screen gamepad for touch devices (`touch-controls` in the game's config, or the one
 * pack guessed): each button holds its key down while a finger is on it, and at least
 * MIN_PRESS_MS, with real key events (keys.js), so the game reads it as it reads a keyboard.
 * Several fingers press several buttons at once.
 * Shown while the game runs on a touch device (pack.css). `PygbagLike.gamepad.attach`.
 */
(function () {
  "use strict";

  const SVG = "http://www.w3.org/2000/svg";
  const ARROWS = { up: 0, right: 90, down: 180, left: 270 };  // degrees, from pointing up
  const LABELS = { a: "A", b: "B", x: "X", y: "Y", start: "Start", select: "Select" };
  const MENU = new Set(["start", "select"]);  // at the top; action buttons at the right
  // A tap is held at least this long, as a key tapped on a keyboard is: a game that reads
  // pygame.key.get_pressed() once a frame missed taps shorter than its frame.
  const MIN_PRESS_MS = 100;

  function arrow(degrees) {
    const svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    const path = document.createElementNS(SVG, "path");
    path.setAttribute("d", "M12 5 L20 17 L4 17 Z");
    path.setAttribute("transform", "rotate(" + degrees + " 12 12)");
    svg.appendChild(path);
    return svg;
  }

  /** One button: down while at least one finger is on it. */
  function makeButton(name, key) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "pl-pad-button";
    button.dataset.button = name;
    button.tabIndex = -1;  // never takes the keys away from the game
    button.setAttribute("aria-label", name + " (" + key.code + ")");
    if (name in ARROWS) button.appendChild(arrow(ARROWS[name]));
    else button.textContent = LABELS[name];
    const fingers = new Set();
    let pressedAt = 0;
    let pendingUp = 0;  // a timer: the key goes up when a short tap has been held long enough
    const keyUp = function () {
      clearTimeout(pendingUp);
      pendingUp = 0;
      button.classList.remove("pl-pressed");
      PygbagLike.keys.up(key);
    };
    const press = function (event) {
      event.preventDefault();
      if (button.hasPointerCapture && !button.hasPointerCapture(event.pointerId)) {
        button.setPointerCapture(event.pointerId);
      }
      if (!fingers.size) {
        if (pendingUp) keyUp();  // the last tap's key goes up before this one goes down
        button.classList.add("pl-pressed");
        PygbagLike.keys.down(key);
        pressedAt = performance.now();
      }
      fingers.add(event.pointerId);
    };
    const release = function (event) {
      if (!fingers.delete(event.pointerId) || fingers.size) return;
      const held = performance.now() - pressedAt;
      if (held >= MIN_PRESS_MS) keyUp();
      else pendingUp = setTimeout(keyUp, MIN_PRESS_MS - held);
    };
    button.addEventListener("pointerdown", press);
    button.addEventListener("pointerup", release);
    button.addEventListener("pointercancel", release);
    button.addEventListener("lostpointercapture", release);
    return button;
  }

  /** @param {PageConfig} config */
  function attach(config) {
    const pad = document.getElementById("pl-gamepad");
    const buttons = Object.entries(config.touch_controls || {});
    if (!pad || !buttons.length) return;
    for (const [name, key] of buttons) {
      const group = name in ARROWS ? ".pl-pad-dpad" : MENU.has(name) ? ".pl-pad-menu" :
        ".pl-pad-actions";
      pad.querySelector(group).appendChild(makeButton(name, key));
    }
    pad.hidden = false;
  }

  (window.PygbagLike = window.PygbagLike || {}).gamepad = { attach: attach };
})();
