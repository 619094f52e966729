/* Draws every chart of a page with ECharts (static/vendor/echarts, loaded before this file).
 *
 * A template puts the chart's options in a JSON element ({{ options|json_script:"chart-1-options" }})
 * and an empty <div class="chart" data-chart="chart-1-options" data-chart-height="240"> where the chart goes; pages never
 * inline JavaScript. Each chart should have a data table beside it as its text alternative.
 * SVG renderer (sharp when zoomed or printed), Chinese labels, resized with the window.
 */
(function () {
  "use strict";

  function draw() {
    if (typeof window.echarts === "undefined") {
      return;
    }
    var charts = [];
    document.querySelectorAll("[data-chart]").forEach(function (element) {
      var source = document.getElementById(element.getAttribute("data-chart"));
      if (!source) {
        return;
      }
      var options;
      try {
        options = JSON.parse(source.textContent);
      } catch (error) {
        return;
      }
      // The height comes as data, not a style attribute: the Content-Security-Policy refuses those.
      var height = parseInt(element.getAttribute("data-chart-height"), 10);
      if (height > 0) {
        element.style.height = height + "px";
      }
      var chart = window.echarts.init(element, null, { renderer: "svg", locale: "ZH" });
      chart.setOption(options);
      element.setAttribute("data-chart-ready", "true");
      charts.push(chart);
    });
    var pending = null;
    window.addEventListener("resize", function () {
      window.clearTimeout(pending);
      pending = window.setTimeout(function () {
        charts.forEach(function (chart) { chart.resize(); });
      }, 150);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
