/* Charts of a round's results (ECharts, SVG renderer). Data comes from json_script elements; every
   label is translated on the server. Each chart is drawn only when its element is on the page. */
(function () {
  "use strict";
  if (typeof echarts === "undefined") { return; }
  var COLOURS = { ready: "#198754", assisted: "#ffc107", not_ready: "#dc3545" };

  function data(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }

  function chart(id, option) {
    var el = document.getElementById(id);
    if (!el) { return; }
    var c = echarts.init(el, null, { renderer: "svg" });
    c.setOption(option);
    window.addEventListener("resize", function () { c.resize(); });
  }

  var dist = data("results-distribution");
  if (dist) {
    chart("results-histogram", {
      animation: false,
      grid: { left: 40, right: 12, top: 16, bottom: 40 },
      tooltip: { trigger: "axis" },
      xAxis: { type: "category", data: dist.bins, axisLabel: { interval: 0, rotate: 30 } },
      yAxis: { type: "value", minInterval: 1 },
      series: [{ type: "bar", name: dist.label, data: dist.counts, itemStyle: { color: "#0d6efd" } }]
    });
    chart("results-classes", {
      animation: false,
      tooltip: { trigger: "item" },
      series: [{
        type: "pie", radius: ["40%", "70%"],
        data: dist.classes.map(function (c) {
          return { name: c.label, value: c.count, itemStyle: { color: COLOURS[c.value] } };
        })
      }]
    });
  }

  var profile = data("centre-profile-data");
  if (profile) {
    chart("centre-profile", {
      animation: false,
      grid: { left: 8, right: 40, top: 8, bottom: 24, containLabel: true },
      tooltip: { trigger: "axis" },
      xAxis: { type: "value", min: 0, max: 100 },
      yAxis: { type: "category", data: profile.labels, inverse: true, axisLabel: { width: 160, overflow: "truncate" } },
      series: [{
        type: "bar", name: profile.series, data: profile.scores, itemStyle: { color: "#0d6efd" },
        label: { show: true, position: "right" },
        markLine: {
          silent: true, symbol: "none", lineStyle: { type: "dashed", color: "#dc3545" },
          data: [{ xAxis: profile.assisted }, { xAxis: profile.ready }]
        }
      }]
    });
  }

  var compare = data("compare-data");
  if (compare && compare.dimensions.length >= 3) {
    chart("compare-chart", {
      animation: false,
      legend: { bottom: 0, type: "scroll" },
      tooltip: { trigger: "item" },
      radar: { indicator: compare.dimensions, radius: "62%", axisName: { color: "#495057" } },
      series: [{ type: "radar", data: compare.series }]
    });
  } else if (compare) {
    // a radar needs three axes at least: grouped bars for a smaller instrument
    chart("compare-chart", {
      animation: false,
      legend: { bottom: 0, type: "scroll" },
      tooltip: { trigger: "axis" },
      grid: { left: 36, right: 12, top: 16, bottom: 56 },
      xAxis: { type: "category", data: compare.dimensions.map(function (d) { return d.name; }) },
      yAxis: { type: "value", min: 0, max: 100 },
      series: compare.series.map(function (s) { return { type: "bar", name: s.name, data: s.value }; })
    });
  }
})();
