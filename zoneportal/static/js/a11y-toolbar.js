/* 适老化无障碍工具条: larger or smaller text, high contrast, wider line spacing
 * and a big cursor. Preferences are stored in localStorage and applied to <html>
 * before the first paint (this file is loaded in <head> without defer), then the
 * toolbar buttons are wired up once the page is parsed. No libraries, no pop-ups.
 */
(function () {
  "use strict";

  var KEY = "zoneportal.a11y";
  var MIN_SIZE = -1;
  var MAX_SIZE = 4;
  var root = document.documentElement;
  var TOGGLES = { contrast: "a11y-contrast", spacing: "a11y-spacing", cursor: "a11y-cursor" };

  function load() {
    try {
      var stored = JSON.parse(window.localStorage.getItem(KEY) || "{}");
      return stored && typeof stored === "object" ? stored : {};
    } catch (error) {
      return {};  // storage disabled or corrupted: start from the defaults
    }
  }

  function save(prefs) {
    try { window.localStorage.setItem(KEY, JSON.stringify(prefs)); } catch (error) { /* private mode: keep for this page only */ }
  }

  var prefs = load();

  function apply() {
    var size = parseInt(prefs.size, 10) || 0;
    size = Math.max(MIN_SIZE, Math.min(MAX_SIZE, size));
    prefs.size = size;
    if (size) { root.setAttribute("data-text-size", String(size)); } else { root.removeAttribute("data-text-size"); }
    Object.keys(TOGGLES).forEach(function (name) {
      root.classList.toggle(TOGGLES[name], !!prefs[name]);
    });
  }

  apply();

  function percent() {
    var sizes = { "-1": 94, "0": 100, "1": 113, "2": 125, "3": 138, "4": 150 };
    return sizes[String(prefs.size || 0)];
  }

  function init() {
    var toolbar = document.querySelector("[data-a11y-toolbar]");
    if (!toolbar) { return; }
    var status = toolbar.querySelector("[data-a11y-status]");
    var buttons = toolbar.querySelectorAll("button[data-a11y]");
    // Wording comes from the template (translated, and converted in the 繁體 view).
    var messages = {
      bigger: toolbar.getAttribute("data-msg-size") || "{n}%",
      on: toolbar.getAttribute("data-msg-on") || "",
      off: toolbar.getAttribute("data-msg-off") || "",
      reset: toolbar.getAttribute("data-msg-reset") || ""
    };

    function refresh() {
      Array.prototype.forEach.call(buttons, function (button) {
        var action = button.getAttribute("data-a11y");
        if (TOGGLES[action]) { button.setAttribute("aria-pressed", prefs[action] ? "true" : "false"); }
        if (action === "bigger") { button.disabled = prefs.size >= MAX_SIZE; }
        if (action === "smaller") { button.disabled = prefs.size <= MIN_SIZE; }
      });
    }

    function announce(text) { if (status) { status.textContent = text; } }

    Array.prototype.forEach.call(buttons, function (button) {
      button.addEventListener("click", function () {
        var action = button.getAttribute("data-a11y");
        if (action === "bigger" || action === "smaller") {
          prefs.size = (prefs.size || 0) + (action === "bigger" ? 1 : -1);
          apply();
          announce(messages.bigger.replace("{n}", percent()));
        } else if (action === "reset") {
          prefs = {};
          apply();
          announce(messages.reset);
        } else if (TOGGLES[action]) {
          prefs[action] = !prefs[action];
          apply();
          announce(button.textContent.trim() + (prefs[action] ? messages.on : messages.off));
        }
        save(prefs);
        refresh();
        // A disabled button loses focus; keep the keyboard user in the toolbar.
        if (button.disabled) { toolbar.querySelector("button:not([disabled])").focus(); }
      });
    });

    refresh();
    toolbar.hidden = false;
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
}());
