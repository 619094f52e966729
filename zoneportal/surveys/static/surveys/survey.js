/* Shows a conditional question only when the earlier question it depends on has the named answer.
 *
 * Without this script every question is shown with a note (“第2题选择“是”时回答本题”); the server
 * discards answers to questions whose condition is not met either way. A hidden question's inputs
 * are disabled so that they are not sent, and it is announced by nothing: it simply is not there.
 */
(function () {
  "use strict";

  function chosen(form, name) {
    var values = [];
    form.querySelectorAll('input[name="' + name + '"]:checked').forEach(function (input) {
      values.push(input.value);
    });
    return values;
  }

  function update(form) {
    // In document order, so a question hidden because its own condition failed hides its dependants too.
    form.querySelectorAll("[data-show-if]").forEach(function (question) {
      var controller = document.getElementById(question.getAttribute("data-show-if"));
      var controllerShown = controller && !controller.hidden;
      var show = controllerShown && chosen(form, question.getAttribute("data-show-if")).indexOf(question.getAttribute("data-show-value")) !== -1;
      question.hidden = !show;
      question.querySelectorAll("input, select, textarea").forEach(function (input) {
        input.disabled = !show;
      });
      var note = question.querySelector(".survey-question__condition");
      if (note) {
        note.hidden = true;
      }
    });
  }

  document.querySelectorAll("form.survey-form").forEach(function (form) {
    update(form);
    form.addEventListener("change", function () { update(form); });
  });

  // After a refused submission, start at the list of what to fix (each item links to its question).
  var summary = document.getElementById("survey-errors");
  if (summary) {
    summary.focus();
  }
})();
