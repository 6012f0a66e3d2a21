/*
 * The game area (#pl-stage) and the browser around it: the canvas's size on the page, where
 * keys go, the fullscreen button, and the Escape that leaves fullscreen or pointer lock.
 * `PygbagLike.stage.attach(config)` once the document is parsed; docs/runtime-contract.md.
 */
(function () {
  "use strict";

  const IDLE_MS = 2500;  // the fullscreen button hides after this long without mouse moves
  const TOUCH_QUERY = "(pointer: coarse)";  // a phone or tablet: no mouse, no keyboard

  function $(id) { return document.getElementById(id); }

  /**
   * Size the canvas on the page: its pixels stay the game's (the surface keeps the size the
   * game asked for); only its CSS size changes. With "fill", the canvas takes the whole page
   * until the game sets a mode: SDL then gives a RESIZABLE window the page's size (plpygame
   * lets RESIZABLE through only with "fill"), and other windows are scaled as with "fit". A
   * canvas the size of the page before it changed is such a window: it follows the page (SDL
   * reads the new CSS size and tells the game).
   */
  function fitCanvas(canvas, config, before) {
    const width = canvas.width || 1, height = canvas.height || 1;
    const pageWidth = window.innerWidth, pageHeight = window.innerHeight;
    const fills = function (page) {
      return Math.abs(width - page.width) <= 1 && Math.abs(height - page.height) <= 1;
    };
    if (config.resize === "fill" && (!canvas.dataset.sized || fills(before) ||
        fills({ width: pageWidth, height: pageHeight }))) {
      canvas.style.width = pageWidth + "px";
      canvas.style.height = pageHeight + "px";
      return;
    }
    const fits = Math.min(pageWidth / width, pageHeight / height);
    const scale = config.resize === "fixed" ? Math.min(1, fits) : fits;
    const snapped = config.pixel_art && scale >= 1 ? Math.floor(scale) : scale;
    canvas.style.width = Math.floor(width * snapped) + "px";
    canvas.style.height = Math.floor(height * snapped) + "px";
  }

  class Stage {
    /** @param {PageConfig} config */
    constructor(config) {
      this.config = config;
      this.element = $("pl-stage") || document.body;
      this.keyTarget = null;  // what gets the focus instead of the canvas (textinput.js)
      this.observer = new MutationObserver((function () {
        this.canvas.dataset.sized = "true";  // the game has set a mode
        this.fit();
      }).bind(this));
      this.useCanvas($("canvas"));
      window.addEventListener("resize", this.fit.bind(this));
      const media = window.matchMedia(TOUCH_QUERY);
      const touch = function () { document.body.dataset.touch = String(media.matches); };
      media.addEventListener("change", touch);
      touch();
      const rotate = $("pl-rotate");
      if (rotate && config.orientation !== "any") {  // shown held the other way (pack.css)
        rotate.dataset.orientation = config.orientation;
        rotate.textContent = "Turn your phone " +
          (config.orientation === "landscape" ? "sideways" : "upright") + " to play";
      }
      // The whole game area, not only the canvas: a long press on a phone opens this menu.
      this.element.addEventListener("contextmenu", function (e) { e.preventDefault(); });
      // SDL prevents the default of mousedown, so a click never moves the focus by itself:
      // in an iframe (itch.io) keys would stay with the parent page after a click outside.
      this.element.addEventListener("pointerdown", this.focus.bind(this), true);
      this.guardEscape();
      this.fullscreenButton($("pl-fullscreen"));
    }

    /** Draw into `canvas` from now on (a fresh one for each run of the game). */
    useCanvas(canvas) {
      this.canvas = canvas;
      canvas.addEventListener("contextmenu", function (e) { e.preventDefault(); });
      this.observer.disconnect();
      this.observer.observe(canvas, { attributes: true, attributeFilter: ["width", "height"] });
      this.fit();
    }

    /** A copy of the canvas in its place, without the listeners of the game that drew on it. */
    replaceCanvas() {
      const fresh = this.canvas.cloneNode(false);
      delete fresh.dataset.sized;
      this.canvas.replaceWith(fresh);
      this.useCanvas(fresh);
      return fresh;
    }

    fit() {
      fitCanvas(this.canvas, this.config, this.page || { width: 0, height: 0 });
      this.page = { width: window.innerWidth, height: window.innerHeight };
    }

    /** Keys to the game: this frame, then the canvas (or the text field the game typed into). */
    focus() {
      window.focus();
      (this.keyTarget || this.canvas).focus({ preventScroll: true });
    }

    /** `element` takes the keys instead of the canvas (null: the canvas again). */
    setKeyTarget(element) {
      const hadKeys = this.keyTarget !== null && document.activeElement === this.keyTarget;
      this.keyTarget = element;
      if (element || hadKeys) this.focus();
    }

    /**
     * Escape leaves fullscreen and pointer lock, as browsers require; that Escape is not the
     * game's (it must not also quit). A key-up of Escape whose key-down the game never saw
     * (the browser kept it to leave fullscreen) is not the game's either.
     */
    guardEscape() {
      let gameHasEscape = false;
      window.addEventListener("keydown", function (event) {
        if (event.key !== "Escape" || !event.isTrusted) return;
        if (event.repeat && !gameHasEscape) {  // held down since it left fullscreen
          event.stopImmediatePropagation();
        } else if (document.fullscreenElement || document.pointerLockElement) {
          event.preventDefault();
          event.stopImmediatePropagation();
          if (document.pointerLockElement) document.exitPointerLock();
          if (document.fullscreenElement) document.exitFullscreen();
          gameHasEscape = false;
        } else {
          gameHasEscape = true;
        }
      }, true);
      window.addEventListener("keyup", function (event) {
        if (event.key !== "Escape" || !event.isTrusted) return;
        if (!gameHasEscape) event.stopImmediatePropagation();
        gameHasEscape = false;
      }, true);
    }

    /**
     * The button switches fullscreen, and so does the game's pygame.display.toggle_fullscreen
     * (a `pl-toggle-fullscreen` event, plpygame.py): the whole page, so its panels stay in
     * view. While the game runs the button hides until the mouse moves.
     */
    fullscreenButton(button) {
      const toggle = function () {
        if (document.fullscreenElement) document.exitFullscreen();
        else if (document.documentElement.requestFullscreen) {
          document.documentElement.requestFullscreen().catch(function (err) {
            console.warn("fullscreen refused:", err);
          });
        }
      };
      window.addEventListener("pl-toggle-fullscreen", toggle);
      if (!button) return;
      button.addEventListener("click", toggle);
      let timer = null;
      const wake = function (event) {
        if (event && event.pointerType === "touch") return;  // a tap is the game's
        button.classList.remove("pl-idle");
        clearTimeout(timer);
        timer = setTimeout(function () { button.classList.add("pl-idle"); }, IDLE_MS);
      };
      document.addEventListener("pointermove", wake);
      wake();
    }
  }

  (window.PygbagLike = window.PygbagLike || {}).stage = {
    /** @param {PageConfig} config */
    attach: function (config) { return new Stage(config); },
  };
})();
