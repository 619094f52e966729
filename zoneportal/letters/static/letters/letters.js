/* The letter form, enhanced (everything works without it):
 *  - similar published replies appear below the subject once it is typed
 *    (the “查看相似问题” button does the same by reloading the page);
 *  - a live count of the content's characters against the limit;
 *  - after a refused submission, focus moves to the list of problems.
 */
(function () {
  "use strict";

  function similarReplies(form) {
    var url = form.getAttribute("data-similar-url");
    var subject = form.querySelector("[name=subject]");
    var region = document.getElementById("similar-region");
    if (!url || !subject || !region || !window.fetch) { return; }
    var timer = null;
    var last = "";
    function ask() {
      var query = subject.value.trim();
      if (query.length < 2 || query === last) { return; }
      last = query;
      fetch(url + "?q=" + encodeURIComponent(query), { credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.text() : ""; })
        .then(function (html) { if (html && subject.value.trim() === query) { region.innerHTML = html; } })
        .catch(function () {});
    }
    subject.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(ask, 700);
    });
    subject.addEventListener("change", ask);
  }

  function counter(form) {
    var content = form.querySelector("[name=content]");
    var output = document.getElementById("content-counter");
    if (!content || !output) { return; }
    var limit = parseInt(output.getAttribute("data-limit"), 10) || 5000;
    var text = output.getAttribute("data-text") || "COUNT / LIMIT";
    function update() {
      var count = Array.from(content.value).length;
      output.hidden = false;
      output.textContent = text.replace("COUNT", count).replace("LIMIT", limit);
      output.classList.toggle("field__counter--over", count > limit);
    }
    content.addEventListener("input", update);
    update();
  }

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.querySelector(".letter-form[data-similar-url]");
    if (form) {
      similarReplies(form);
      counter(form);
    }
    var problems = document.getElementById("form-problems");
    if (problems) { problems.focus(); }
  });
})();
