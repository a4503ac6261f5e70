// The interactive explorer: pick functions, see f and f', move a shape parameter.
// Every number drawn comes from assets/explorer-data.json, which the build computes from the
// site's maths registry; this script only selects curves and draws them as SVG polylines.
(function () {
  var DATA_URL = new URL("../explorer-data.json", document.currentScript.src).href;
  var SVG = "http://www.w3.org/2000/svg";
  var VIEW = {xmin: -4, xmax: 4, ymin: -2, ymax: 3, width: 640, height: 400, pad: 36};
  var COLOURS = ["#4f7cff", "#e8575f", "#22a89a", "#e0a030", "#a066d3", "#7f8c9a"];   // 3:1 on both themes
  var START = ["relu", "gelu"];
  var dataPromise = null;

  function px(x) { return VIEW.pad + (x - VIEW.xmin) / (VIEW.xmax - VIEW.xmin) * (VIEW.width - 2 * VIEW.pad); }
  function py(y) { return VIEW.height - VIEW.pad - (y - VIEW.ymin) / (VIEW.ymax - VIEW.ymin) * (VIEW.height - 2 * VIEW.pad); }

  function element(name, attributes, parent) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attributes).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    if (parent) parent.appendChild(node);
    return node;
  }

  // Points of one curve as polyline segments: a null value (a kink) or a value off the
  // chart lifts the pen.
  function segments(xs, ys) {
    var out = [], current = [];
    xs.forEach(function (x, i) {
      var y = ys[i];
      if (y === null || y < VIEW.ymin - 1 || y > VIEW.ymax + 1) {
        if (current.length) out.push(current);
        current = [];
      } else {
        current.push(px(x).toFixed(2) + "," + py(y).toFixed(2));
      }
    });
    if (current.length) out.push(current);
    return out;
  }

  function axes(svg) {
    var g = element("g", {"class": "explorer-axes"}, svg);
    element("line", {x1: px(VIEW.xmin), x2: px(VIEW.xmax), y1: py(0), y2: py(0)}, g);
    element("line", {x1: px(0), x2: px(0), y1: py(VIEW.ymin), y2: py(VIEW.ymax)}, g);
    for (var x = VIEW.xmin; x <= VIEW.xmax; x += 1) {
      element("text", {x: px(x), y: py(0) + 14, "text-anchor": "middle"}, g).textContent = String(x);
    }
    for (var y = VIEW.ymin; y <= VIEW.ymax; y += 1) {
      if (y !== 0) element("text", {x: px(0) - 6, y: py(y) + 4, "text-anchor": "end"}, g).textContent = String(y);
    }
  }

  function curveFor(fn, state) {
    if (!fn.params.length) return fn["default"];
    var param = fn.params[0];
    return param.curves[state.position[fn.key]];
  }

  function draw(root, data, state) {
    var svg = root.querySelector("svg");
    svg.querySelectorAll(".explorer-curve").forEach(function (node) { node.remove(); });
    state.selected.forEach(function (key, i) {
      var fn = data.byKey[key];
      var curve = curveFor(fn, state);
      var colour = COLOURS[i % COLOURS.length];
      [["f", ""], ["df", "6 4"]].forEach(function (kind) {
        var group = element("g", {"class": "explorer-curve", "data-key": key, "data-kind": kind[0]}, svg);
        segments(data.x, curve[kind[0]]).forEach(function (points) {
          element("polyline", {points: points.join(" "), fill: "none", stroke: colour,
                               "stroke-width": 2, "stroke-dasharray": kind[1]}, group);
        });
      });
    });
    root.querySelectorAll(".explorer-functions label").forEach(function (label) {   // colour key
      var i = state.selected.indexOf(label.querySelector("input").value);
      label.style.borderLeftColor = i >= 0 ? COLOURS[i % COLOURS.length] : "transparent";
    });
  }

  function controls(root, data, state, lang) {
    var list = root.querySelector(".explorer-functions");
    var sliders = root.querySelector(".explorer-sliders");
    data.functions.forEach(function (fn) {
      var label = document.createElement("label");
      var box = document.createElement("input");
      box.type = "checkbox";
      box.value = fn.key;
      box.checked = state.selected.indexOf(fn.key) >= 0;
      box.addEventListener("change", function () {
        state.selected = data.functions.map(function (f) { return f.key; }).filter(function (key) {
          return list.querySelector('input[value="' + key + '"]').checked;
        });
        draw(root, data, state);
      });
      label.appendChild(box);
      label.appendChild(document.createTextNode(" " + fn.names[lang]));
      list.appendChild(label);

      fn.params.forEach(function (param) {
        state.position[fn.key] = param.values.indexOf(param["default"]);
        var row = document.createElement("label");
        var slider = document.createElement("input");
        var shown = document.createElement("output");
        slider.type = "range";
        slider.min = 0;
        slider.max = param.values.length - 1;
        slider.step = 1;
        slider.value = state.position[fn.key];
        slider.dataset.key = fn.key;
        slider.setAttribute("aria-label", fn.names[lang] + ": " + param.name);
        shown.textContent = param.name + " = " + param["default"];
        slider.addEventListener("input", function () {
          state.position[fn.key] = Number(slider.value);
          shown.textContent = param.name + " = " + param.values[state.position[fn.key]];
          draw(root, data, state);
        });
        row.appendChild(document.createTextNode(fn.names[lang] + " "));
        row.appendChild(slider);
        row.appendChild(shown);
        sliders.appendChild(row);
      });
    });
  }

  function mount(root) {
    if (root.dataset.ready) return;
    root.dataset.ready = "loading";
    var lang = document.documentElement.lang === "zh" ? "zh" : "en";
    dataPromise = dataPromise || fetch(DATA_URL).then(function (r) { return r.json(); });
    dataPromise.then(function (data) {
      data.byKey = {};
      data.functions.forEach(function (fn) { data.byKey[fn.key] = fn; });
      var svg = element("svg", {viewBox: "0 0 " + VIEW.width + " " + VIEW.height, role: "img",
                                "aria-label": root.dataset.label});
      root.querySelector(".explorer-plot").appendChild(svg);
      axes(svg);
      var state = {selected: START.slice(), position: {}};
      controls(root, data, state, lang);
      draw(root, data, state);
      root.dataset.ready = "yes";
    });
  }

  document$.subscribe(function () {
    document.querySelectorAll(".activation-explorer").forEach(mount);
  });
})();
