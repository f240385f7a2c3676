/* Grand Design charts (ECharts, SVG renderer): tile map of the provinces, TPT against ready centres,
   silhouette per k, type centroids and roadmap projections. Data comes from json_script elements; every
   label is translated on the server. Each chart is drawn only when its element is on the page. */
(function () {
  "use strict";
  if (typeof echarts === "undefined") { return; }
  var BLUE = "#0d6efd";

  function data(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }

  function draw(el, option) {
    if (!el) { return null; }
    var c = echarts.getInstanceByDom(el) || echarts.init(el, null, { renderer: "svg" });
    c.setOption(option, true);
    window.addEventListener("resize", function () { c.resize(); });
    return c;
  }

  // --- provinces: tile map and scatter -----------------------------------------------------------
  var provinces = data("grand-design-provinces");
  if (provinces) {
    var labelOf = {};
    provinces.measures.forEach(function (m) { labelOf[m.value] = m.label; });
    var columns = [], rows = [];
    for (var x = 0; x < provinces.columns; x++) { columns.push(x); }
    for (var y = 0; y < provinces.rows; y++) { rows.push(y); }

    var drawMap = function (measure) {
      var known = [], unknown = [], max = 0;
      provinces.provinces.forEach(function (p) {
        var value = p[measure];
        if (value === null) {
          unknown.push([p.tile[1], p.tile[0], 0, p.name, p.abbr]);
        } else {
          known.push([p.tile[1], p.tile[0], value, p.name, p.abbr]);
          max = Math.max(max, value);
        }
      });
      var label = { show: true, fontSize: 10, lineHeight: 12, color: "#212529" };
      draw(document.getElementById("gd-map"), {
        animation: false,
        grid: { left: 4, right: 4, top: 4, bottom: 56 },
        tooltip: {
          formatter: function (p) {
            var esc = echarts.format.encodeHTML;
            return esc(p.data[3] + " (" + p.data[4] + ")") + "<br>" + esc(labelOf[measure]) + ": " +
              esc(String(p.seriesIndex === 1 ? provinces.labels.none : p.data[2]));
          }
        },
        xAxis: { type: "category", data: columns, show: false },
        yAxis: { type: "category", data: rows, show: false, inverse: true },
        visualMap: {
          min: 0, max: Math.max(max, 1), calculable: true, orient: "horizontal", left: "center", bottom: 4,
          seriesIndex: 0, dimension: 2, text: [labelOf[measure], ""],
          inRange: { color: ["#e7f1ff", "#9ec5fe", "#3d8bfd"] }
        },
        series: [
          {
            type: "heatmap", data: known, itemStyle: { borderColor: "#fff", borderWidth: 2 },
            label: Object.assign({ formatter: function (p) { return p.data[4] + "\n" + p.data[2]; } }, label)
          },
          {
            type: "heatmap", data: unknown, itemStyle: { color: "#f1f3f5", borderColor: "#fff", borderWidth: 2 },
            label: Object.assign({ formatter: function (p) { return p.data[4] + "\n–"; } }, label, { color: "#6c757d" })
          }
        ]
      });
    };
    var select = document.getElementById("id_measure");
    drawMap(provinces.measure);
    if (select) {
      select.addEventListener("change", function () { drawMap(select.value || "ready"); });
    }

    var points = provinces.provinces.filter(function (p) { return p.tpt !== null; }).map(function (p) {
      return [p.tpt, p.ready, p.name];
    });
    draw(document.getElementById("gd-scatter"), {
      animation: false,
      grid: { left: 48, right: 16, top: 16, bottom: 48 },
      tooltip: { formatter: function (p) { return echarts.format.encodeHTML(p.data[2]) + "<br>" + p.data[0] + "% · " + p.data[1]; } },
      xAxis: { type: "value", name: provinces.labels.tpt, nameLocation: "middle", nameGap: 28, scale: true },
      yAxis: { type: "value", name: provinces.labels.ready, minInterval: 1 },
      series: [{ type: "scatter", data: points, symbolSize: 10, itemStyle: { color: BLUE } }]
    });
  }

  // --- typology --------------------------------------------------------------------------------
  var typology = data("grand-design-typology");
  if (typology) {
    draw(document.getElementById("gd-silhouette"), {
      animation: false,
      grid: { left: 48, right: 16, top: 32, bottom: 32 },
      tooltip: { trigger: "axis" },
      xAxis: { type: "category", name: "k", data: typology.scores.map(function (s) { return s.k; }) },
      yAxis: { type: "value", name: typology.silhouette, max: 1 },
      series: [{
        type: "line", name: typology.silhouette, data: typology.scores.map(function (s) { return s.silhouette; }),
        itemStyle: { color: BLUE }, symbolSize: 8
      }]
    });
    Array.prototype.forEach.call(document.querySelectorAll(".gd-type-chart"), function (el) {
      var t = typology.types[Number(el.getAttribute("data-type"))];
      draw(el, {
        animation: false,
        grid: { left: 8, right: 40, top: 8, bottom: 24, containLabel: true },
        tooltip: { trigger: "axis" },
        xAxis: { type: "value", min: 0, max: 100 },
        yAxis: { type: "category", data: typology.dimensions, inverse: true, axisLabel: { width: 160, overflow: "truncate" } },
        series: [{ type: "bar", name: t.name, data: t.values, itemStyle: { color: BLUE }, label: { show: true, position: "right" } }]
      });
    });
  }

  // --- roadmap ---------------------------------------------------------------------------------
  var roadmap = data("grand-design-roadmap");
  if (roadmap) {
    draw(document.getElementById("gd-roadmap"), {
      animation: false,
      legend: { bottom: 0, type: "scroll" },
      grid: { left: 56, right: 56, top: 32, bottom: 48 },
      tooltip: { trigger: "axis" },
      xAxis: { type: "category", data: roadmap.years },
      yAxis: [
        { type: "value", name: roadmap.axes[0] },
        { type: "value", name: roadmap.axes[1], minInterval: 1, splitLine: { show: false } }
      ],
      series: roadmap.series.map(function (s) {
        return { type: "line", name: s.name, yAxisIndex: s.axis, data: s.values, symbolSize: 6 };
      })
    });
  }
})();
