/* Progressive enhancement of the public pages. Everything works without it:
 *  - the 开发区动态 lists become tabs (WAI-ARIA tabs pattern, arrow keys);
 *  - the 打印本页 button appears and opens the browser's print dialog.
 */
(function () {
  "use strict";

  function enhanceTabs(container, index) {
    var panels = Array.prototype.slice.call(container.querySelectorAll("[data-tab-panel]"));
    if (panels.length < 2) { return; }
    var list = document.createElement("div");
    list.className = "tabs__list";
    list.setAttribute("role", "tablist");
    var heading = container.querySelector(".panel__title");
    if (heading && heading.id) { list.setAttribute("aria-labelledby", heading.id); }
    var tabs = panels.map(function (panel, i) {
      var label = panel.querySelector("[data-tab-label]");
      var tab = document.createElement("button");
      tab.type = "button";
      tab.className = "tabs__tab";
      tab.id = "tab-" + index + "-" + i;
      tab.setAttribute("role", "tab");
      tab.setAttribute("aria-controls", panel.id);
      tab.textContent = label ? label.getAttribute("data-tab-label") : String(i + 1);
      panel.setAttribute("role", "tabpanel");
      panel.setAttribute("aria-labelledby", tab.id);
      panel.setAttribute("tabindex", "0");
      list.appendChild(tab);
      return tab;
    });

    function select(i, focus) {
      tabs.forEach(function (tab, j) {
        var on = i === j;
        tab.setAttribute("aria-selected", on ? "true" : "false");
        tab.tabIndex = on ? 0 : -1;
        panels[j].hidden = !on;
      });
      if (focus) { tabs[i].focus(); }
    }

    tabs.forEach(function (tab, i) {
      tab.addEventListener("click", function () { select(i, false); });
      tab.addEventListener("keydown", function (event) {
        var next = null;
        if (event.key === "ArrowRight" || event.key === "ArrowDown") { next = (i + 1) % tabs.length; }
        else if (event.key === "ArrowLeft" || event.key === "ArrowUp") { next = (i - 1 + tabs.length) % tabs.length; }
        else if (event.key === "Home") { next = 0; }
        else if (event.key === "End") { next = tabs.length - 1; }
        if (next !== null) { event.preventDefault(); select(next, true); }
      });
    });

    var panelsBox = container.querySelector(".tabs__panels");
    panelsBox.parentNode.insertBefore(list, panelsBox);
    container.classList.add("is-tabbed");
    select(0, false);
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-tabs]"), enhanceTabs);
    Array.prototype.forEach.call(document.querySelectorAll("[data-print]"), function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
}());
