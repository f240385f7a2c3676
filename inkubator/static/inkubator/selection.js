/* Selection pages: charts (ECharts, SVG renderer) from json_script data, every label translated on the
   server; on the weight-set form, only the fields of the chosen source are shown. Pages work without it. */
(function () {
  "use strict";

  function data(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }

  // --- weight-set form: show the section of the chosen source --------------------------------------
  var form = document.getElementById("weightset-form");
  if (form) {
    var sections = form.querySelectorAll("[data-source-section]");
    var radios = form.querySelectorAll("input[name='source']");
    var update = function () {
      var chosen = form.querySelector("input[name='source']:checked");
      var source = chosen ? chosen.value : "";
      sections.forEach(function (section) {
        section.hidden = section.getAttribute("data-source-section").split(" ").indexOf(source) < 0;
      });
    };
    radios.forEach(function (radio) { radio.addEventListener("change", update); });
    update();
    // the lower triangle of an AHP matrix mirrors the upper one: 1 / the judgement
    form.addEventListener("change", function (event) {
      var select = event.target;
      if (!select.id) { return; }
      var value = select.value;
      var mirrored = value === "1" ? "1" : (value.indexOf("1/") === 0 ? value.slice(2) : "1/" + value);
      form.querySelectorAll("[data-mirror='" + select.id + "']").forEach(function (cell) { cell.textContent = mirrored; });
    });
  }

  if (typeof echarts === "undefined") { return; }

  function chart(id, option) {
    var el = document.getElementById(id);
    if (!el) { return; }
    var c = echarts.init(el, null, { renderer: "svg" });
    c.setOption(option);
    window.addEventListener("resize", function () { c.resize(); });
  }

  var weights = data("weights-chart-data");
  if (weights) {
    chart("weights-chart", {
      animation: false,
      legend: weights.series.length > 1 ? { bottom: 0, type: "scroll" } : undefined,
      tooltip: { trigger: "axis" },
      grid: { left: 8, right: 24, top: 8, bottom: weights.series.length > 1 ? 32 : 8, containLabel: true },
      xAxis: { type: "value", min: 0 },
      yAxis: { type: "category", data: weights.dimensions, inverse: true, axisLabel: { width: 170, overflow: "truncate" } },
      series: weights.series.map(function (s) { return { type: "bar", name: s.name, data: s.values }; })
    });
  }

  var probability = data("probability-chart-data");
  if (probability) {
    chart("probability-chart", {
      animation: false,
      tooltip: { trigger: "axis" },
      grid: { left: 8, right: 36, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: "value", min: 0, max: 100 },
      yAxis: { type: "category", data: probability.labels, inverse: true, axisLabel: { width: 190, overflow: "truncate" } },
      series: [{
        type: "bar", name: probability.series,
        data: probability.values.map(function (v, i) {
          return { value: v, itemStyle: { color: probability.selected[i] ? "#198754" : "#adb5bd" } };
        }),
        label: { show: true, position: "right" }
      }]
    });
  }

  var map = data("tile-map-data");
  if (map) {
    var cols = [], rows = [], i;
    for (i = 0; i < map.cols; i += 1) { cols.push(i); }
    for (i = 0; i < map.rows; i += 1) { rows.push(i); }
    var present = map.tiles.filter(function (t) { return t.selected !== null; });
    var absent = map.tiles.filter(function (t) { return t.selected === null; });
    var highest = present.reduce(function (m, t) { return Math.max(m, t.selected); }, 1);
    var tile = function (t) { return { value: [t.col, t.row, t.selected === null ? 0 : t.selected], name: t.name, abbr: t.abbr }; };
    chart("tile-map", {
      animation: false,
      tooltip: {
        formatter: function (p) {
          return echarts.format.encodeHTML(p.data.name + ": " + (p.seriesIndex === 0 ? p.data.value[2] : map.absent));
        }
      },
      grid: { left: 4, right: 4, top: 4, bottom: 36 },
      xAxis: { type: "category", data: cols, show: false },
      yAxis: { type: "category", data: rows, show: false, inverse: true },
      visualMap: {
        seriesIndex: 0, min: 0, max: highest, calculable: false, orient: "horizontal", left: "center", bottom: 0,
        itemHeight: 120, text: [String(highest), "0"], inRange: { color: ["#e7f1ff", "#0d6efd"] }
      },
      series: [
        {
          type: "heatmap", name: map.series, data: present.map(tile),
          label: { show: true, fontSize: 9, lineHeight: 10, textBorderColor: "#fff", textBorderWidth: 2, formatter: function (p) { return p.data.abbr + "\n" + p.data.value[2]; } },
          itemStyle: { borderColor: "#fff", borderWidth: 2 }
        },
        {
          type: "heatmap", name: map.absent, data: absent.map(tile),
          label: { show: true, fontSize: 9, color: "#6c757d", formatter: function (p) { return p.data.abbr; } },
          itemStyle: { color: "#f1f3f5", borderColor: "#fff", borderWidth: 2 }
        }
      ]
    });
  }
})();
