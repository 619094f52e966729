/* 有用/没用 without leaving the page: the form posts in the background and the counts update in place.
   Without JavaScript the same form posts normally and the entry's page says thank you. */
(function () {
  "use strict";
  function enhance(form) {
    var status = form.querySelector("[data-vote-status]");
    var clicked = null;
    Array.prototype.forEach.call(form.querySelectorAll("button[name=helpful]"), function (button) {
      button.addEventListener("click", function () { clicked = button; });
    });
    form.addEventListener("submit", function (event) {
      if (!window.fetch || !window.FormData) { return; }
      event.preventDefault();
      var data = new FormData(form);
      var button = event.submitter || clicked;
      if (button) { data.set("helpful", button.value); }
      fetch(form.action, { method: "POST", body: data, credentials: "same-origin", headers: { "Accept": "application/json" } })
        .then(function (response) { return response.json(); })
        .then(function (result) {
          if (typeof result.helpful === "number") {
            form.querySelector("[data-count=helpful]").textContent = result.helpful;
            form.querySelector("[data-count=unhelpful]").textContent = result.unhelpful;
            Array.prototype.forEach.call(form.querySelectorAll("button"), function (b) { b.disabled = true; });
          }
          status.textContent = result.message || "";
        })
        .catch(function () { status.textContent = form.getAttribute("data-error") || ""; });
    });
  }
  function init() { Array.prototype.forEach.call(document.querySelectorAll("[data-faq-vote]"), enhance); }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
