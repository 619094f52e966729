/* Suggestions as you type for the site search boxes (WAI-ARIA 1.2 combobox with a listbox popup).
 *
 * Every input with data-suggest-url becomes a combobox: typing asks the suggest API (after a short
 * pause, and not while an input method is still composing Chinese), ArrowDown/ArrowUp move through
 * the suggestions, Enter searches for the highlighted one, Escape closes the list. Focus stays in
 * the input throughout (aria-activedescendant). Without this script the box is a plain search form.
 * The visible strings come from data attributes, so the template translates them (and the 繁體 view
 * converts them).
 */
(function () {
  "use strict";

  var DELAY = 200;

  function enhance(input) {
    var form = input.form;
    var url = input.getAttribute("data-suggest-url");
    var statusTemplate = input.getAttribute("data-suggest-status") || "";
    var listId = input.id + "-suggestions";
    var list = document.createElement("ul");
    var status = document.createElement("div");
    var options = [];
    var active = -1;
    var timer = null;
    var controller = null;
    var cache = {};
    var composing = false;

    list.id = listId;
    list.className = "search-suggest";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", input.getAttribute("data-suggest-label") || "");
    list.hidden = true;
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);
    form.classList.add("search-form--suggest");
    form.appendChild(list);
    form.appendChild(status);

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(index) {
      options.forEach(function (option, i) {
        option.setAttribute("aria-selected", i === index ? "true" : "false");
      });
      active = index;
      if (index < 0) {
        input.removeAttribute("aria-activedescendant");
      } else {
        input.setAttribute("aria-activedescendant", options[index].id);
        options[index].scrollIntoView({ block: "nearest" });
      }
    }

    function choose(index) {
      input.value = options[index].textContent;
      close();
      if (form.requestSubmit) { form.requestSubmit(); } else { form.submit(); }
    }

    function show(words) {
      list.textContent = "";
      options = words.map(function (word, i) {
        var option = document.createElement("li");
        option.id = listId + "-" + i;
        option.className = "search-suggest__option";
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.textContent = word;
        list.appendChild(option);
        return option;
      });
      active = -1;
      input.removeAttribute("aria-activedescendant");
      if (options.length && document.activeElement === input) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
        status.textContent = statusTemplate.replace("{count}", String(options.length));
      } else {
        close();
        status.textContent = "";
      }
    }

    function fetchSuggestions() {
      var text = input.value.trim();
      if (!text) { show([]); return; }
      if (cache.hasOwnProperty(text)) { show(cache[text]); return; }
      if (controller) { controller.abort(); }
      controller = window.AbortController ? new AbortController() : null;
      fetch(url + "?q=" + encodeURIComponent(text), {
        headers: { Accept: "application/json" },
        signal: controller ? controller.signal : undefined
      })
        .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
        .then(function (data) {
          cache[text] = data.suggestions || [];
          // An answer to an older text is kept for later but not shown.
          if (input.value.trim() === text) { show(cache[text]); }
        })
        .catch(function () { /* aborted or offline: the plain search still works */ });
    }

    function schedule() {
      window.clearTimeout(timer);
      timer = window.setTimeout(fetchSuggestions, DELAY);
    }

    input.addEventListener("compositionstart", function () { composing = true; });
    input.addEventListener("compositionend", function () { composing = false; schedule(); });
    input.addEventListener("input", function (event) {
      if (!composing && !event.isComposing) { schedule(); }
    });
    input.addEventListener("keydown", function (event) {
      if (event.isComposing || composing) { return; }
      var open = !list.hidden;
      if (event.key === "ArrowDown" || event.key === "Down") {
        event.preventDefault();
        if (!open) {
          if (options.length) { show(options.map(function (o) { return o.textContent; })); }
          return;
        }
        highlight(active + 1 >= options.length ? 0 : active + 1);
      } else if (event.key === "ArrowUp" || event.key === "Up") {
        if (!open) { return; }
        event.preventDefault();
        highlight(active <= 0 ? options.length - 1 : active - 1);
      } else if (event.key === "Enter") {
        if (open && active >= 0) {
          event.preventDefault();
          choose(active);
        }
      } else if (event.key === "Escape" || event.key === "Esc") {
        if (open) {
          event.preventDefault();
          close();
        }
      }
    });
    input.addEventListener("blur", close);
    // mousedown would move the focus away (and close the list) before the click lands.
    list.addEventListener("mousedown", function (event) { event.preventDefault(); });
    list.addEventListener("click", function (event) {
      var index = options.indexOf(event.target.closest("[role=option]"));
      if (index >= 0) { choose(index); }
    });
  }

  if (!window.fetch) { return; }
  Array.prototype.forEach.call(document.querySelectorAll("input[data-suggest-url][id]"), enhance);
})();
