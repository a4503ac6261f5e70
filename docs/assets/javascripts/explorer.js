// The interactive explorer: pick functions, see f and f', move a shape parameter.
// Every number drawn comes from assets/explorer-data.json, which the build computes from the
// site's maths registry; this script only selects curves and draws them as SVG polylines.
// The page supplies the words (data-* attributes of .activation-explorer) in its language.
// State lives in the query string (?show=relu,elu&elu=1.3), so a comparison can be linked to.
(function () {
  var DATA_URL = new URL("../explorer-data.json", document.currentScript.src).href;
  var SVG = "http://www.w3.org/2000/svg";
  var START = ["relu", "gelu"];
  // A Chinese page sets its punctuation full width, an English page half width.
  var COLON = {zh: "：", en: ": "}, COMMA = {zh: "，", en: ", "};
  var dataPromise = null;

  // The chart's geometry for a plot box `width` CSS pixels wide: one SVG unit is one pixel,
  // so its 12 px text stays 12 px on a phone.  Stored on the <svg> for the tests.
  function geometry(width) {
    var w = Math.max(300, Math.min(640, Math.round(width || 640)));
    return {xmin: -4, xmax: 4, ymin: -2, ymax: 3, width: w, height: Math.max(300, Math.round(w * 0.625)),
            left: 34, right: 10, top: 10, bottom: 34};
  }
  function px(v, x) { return v.left + (x - v.xmin) / (v.xmax - v.xmin) * (v.width - v.left - v.right); }
  function py(v, y) { return v.top + (v.ymax - y) / (v.ymax - v.ymin) * (v.height - v.top - v.bottom); }

  function element(name, attributes, parent, text) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attributes).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    if (text !== undefined) node.textContent = text;
    if (parent) parent.appendChild(node);
    return node;
  }

  function html(name, attributes, parent, text) {
    var node = document.createElement(name);
    Object.keys(attributes).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    if (text !== undefined) node.textContent = text;
    if (parent) parent.appendChild(node);
    return node;
  }

  // Points of one curve as polyline segments: a null value (a kink) or a value off the
  // chart lifts the pen.
  function segments(v, xs, ys) {
    var out = [], current = [];
    xs.forEach(function (x, i) {
      var y = ys[i];
      if (y === null || y < v.ymin - 1 || y > v.ymax + 1) {
        if (current.length) out.push(current);
        current = [];
      } else {
        current.push(px(v, x).toFixed(2) + "," + py(v, y).toFixed(2));
      }
    });
    if (current.length) out.push(current);
    return out;
  }

  function frame(svg, v) {
    var grid = element("g", {"class": "explorer-grid"}, svg);
    var axes = element("g", {"class": "explorer-axes"}, svg);
    for (var x = v.xmin; x <= v.xmax; x += 1) {
      element("line", {x1: px(v, x), x2: px(v, x), y1: py(v, v.ymin), y2: py(v, v.ymax)}, x === 0 ? axes : grid);
      element("text", {x: px(v, x), y: py(v, v.ymin) + 15, "text-anchor": "middle"}, axes, String(x).replace("-", "\u2212"));
    }
    for (var y = v.ymin; y <= v.ymax; y += 1) {
      element("line", {x1: px(v, v.xmin), x2: px(v, v.xmax), y1: py(v, y), y2: py(v, y)}, y === 0 ? axes : grid);
      element("text", {x: px(v, v.xmin) - 6, y: py(v, y) + 4, "text-anchor": "end"}, axes, String(y).replace("-", "\u2212"));
    }
    element("text", {"class": "explorer-axis-label", x: px(v, v.xmax), y: v.height - 3, "text-anchor": "end"}, axes, "x");
    element("text", {"class": "explorer-axis-label", x: 4, y: v.top + 4, "text-anchor": "start"}, axes, "y");
  }

  function curveFor(fn, state) {
    if (!fn.params.length) return fn["default"];
    return fn.params[0].curves[state.position[fn.key]];
  }

  function colourStyle(data, state, key) {
    var colour = data.colours[state.slot[key] % data.colours.length];
    return "--explorer-light:" + colour.light + ";--explorer-dark:" + colour.dark;
  }

  // The legend, on a background: one line per function, then the key that tells the value
  // (solid) from the derivative (dashed).  It goes in the lower-right quarter (x > 0, y < 0),
  // which no function or derivative of the catalogue enters, whenever it fits there, so that it
  // hides no curve; a longer legend goes in the top-left corner.
  function legend(svg, v, data, state, words, lang) {
    var g = element("g", {"class": "explorer-legend"}, svg);
    var box = element("rect", {x: 0, y: 0, rx: 3, width: 10, height: 10}, g);
    var row = 0, widest = 0;
    function entry(style, dash, label, key) {
      var y = 14 + row * 16;
      var item = element("g", key ? {"class": "explorer-coloured", style: style, "data-key": key} : {"class": "explorer-key"}, g);
      element("line", {x1: 8, x2: 30, y1: y - 4, y2: y - 4, "stroke-dasharray": dash}, item);
      var text = element("text", {x: 36, y: y}, item, label);
      widest = Math.max(widest, text.getComputedTextLength ? text.getComputedTextLength() : label.length * 7);
      row += 1;
    }
    state.selected.forEach(function (key) { entry(colourStyle(data, state, key), "", data.byKey[key].short[lang], key); });
    entry("", "", words.value);
    entry("", "6 4", words.derivative);
    var width = widest + 44, height = row * 16 + 8, gap = 6;
    box.setAttribute("width", width);
    box.setAttribute("height", height);
    var right = px(v, v.xmax) - gap - width, below = py(v, 0) + gap;
    var fits = right >= px(v, 0) + gap && below + height <= py(v, v.ymin) - gap;
    var at = fits ? [right, below] : [px(v, v.xmin) + gap, v.top + gap];
    g.setAttribute("transform", "translate(" + at[0].toFixed(1) + "," + at[1].toFixed(1) + ")");
    g.dataset.corner = fits ? "lower-right" : "top-left";
  }

  function draw(root, data, state, words, lang) {
    var plot = root.querySelector(".explorer-plot");
    var v = geometry(plot.clientWidth);
    var old = plot.querySelector("svg");
    var svg = element("svg", {viewBox: "0 0 " + v.width + " " + v.height, width: v.width, height: v.height,
                              role: "img", "aria-label": root.dataset.label, "data-view": JSON.stringify(v)});
    frame(svg, v);
    // Curves stop at the frame: a line that leaves the chart is cut at its edge.
    var clip = element("clipPath", {id: "explorer-clip"}, element("defs", {}, svg));
    element("rect", {x: px(v, v.xmin), y: py(v, v.ymax), width: px(v, v.xmax) - px(v, v.xmin),
                     height: py(v, v.ymin) - py(v, v.ymax)}, clip);
    state.selected.forEach(function (key) {
      var curve = curveFor(data.byKey[key], state);
      [["f", ""], ["df", "6 4"]].forEach(function (kind) {
        var group = element("g", {"class": "explorer-curve explorer-coloured", "data-key": key, "data-kind": kind[0],
                                  style: colourStyle(data, state, key), "stroke-dasharray": kind[1],
                                  "clip-path": "url(#explorer-clip)"}, svg);
        segments(v, data.x, curve[kind[0]]).forEach(function (points) {
          element("polyline", {points: points.join(" ")}, group);
        });
      });
    });
    if (old) plot.replaceChild(svg, old); else plot.appendChild(svg);
    legend(svg, v, data, state, words, lang);          // in the document, so its text can be measured
    root.querySelectorAll(".explorer-functions label").forEach(function (label) {   // colour key
      var key = label.querySelector("input").value;
      label.setAttribute("style", key in state.slot ? colourStyle(data, state, key) : "");
      label.classList.toggle("explorer-coloured", key in state.slot);
    });
  }

  function sliders(root, data, state, words, lang, redraw) {
    var box = root.querySelector(".explorer-sliders");
    box.textContent = "";
    state.selected.forEach(function (key) {
      var fn = data.byKey[key];
      fn.params.slice(0, 1).forEach(function (param) {
        var row = html("label", {"class": "explorer-coloured", style: colourStyle(data, state, key)}, box);
        html("span", {"class": "explorer-slider-name"}, row, fn.short[lang] + COLON[lang] + param.symbol);
        var slider = html("input", {type: "range", min: 0, max: param.values.length - 1, step: 1,
                                    "data-key": key, "aria-label": fn.names[lang] + COMMA[lang] + param.symbol}, row);
        slider.value = state.position[key];
        var shown = html("output", {}, row);
        function show() {
          var value = param.values[state.position[key]];
          var text = param.symbol + " = " + String(value).replace("-", "\u2212");   // a minus sign, as on the axes
          shown.textContent = text;
          slider.setAttribute("aria-valuetext", text);
        }
        show();
        slider.addEventListener("input", function () {
          state.position[key] = Number(slider.value);
          show();
          redraw(false, false);
        });
        slider.addEventListener("change", function () { redraw(false); });   // released: into the address
      });
    });
    box.hidden = !box.children.length;
  }

  function defaults(data) {
    var position = {};
    data.functions.forEach(function (fn) {
      if (fn.params.length) position[fn.key] = fn.params[0].values.indexOf(fn.params[0]["default"]);
    });
    return position;
  }

  function assignSlots(state) {      // a function keeps its colour while it stays ticked
    Object.keys(state.slot).forEach(function (key) { if (state.selected.indexOf(key) < 0) delete state.slot[key]; });
    state.selected.forEach(function (key) {
      if (key in state.slot) return;
      var used = Object.keys(state.slot).map(function (k) { return state.slot[k]; });
      var free = 0;
      while (used.indexOf(free) >= 0) free += 1;
      state.slot[key] = free;
    });
  }

  function fromQuery(data, query) {
    var params = new URLSearchParams(query);
    var state = {selected: START.slice(), position: defaults(data), slot: {}};
    if (params.has("show")) {
      state.selected = params.get("show").split(",").filter(function (key, i, all) {
        return key in data.byKey && all.indexOf(key) === i;
      });
    }
    data.functions.forEach(function (fn) {
      if (!fn.params.length || !params.has(fn.key)) return;
      var wanted = Number(params.get(fn.key)), values = fn.params[0].values, best = state.position[fn.key];
      values.forEach(function (value, i) { if (Math.abs(value - wanted) < Math.abs(values[best] - wanted)) best = i; });
      if (isFinite(wanted)) state.position[fn.key] = best;
    });
    assignSlots(state);
    return state;
  }

  function toQuery(data, state) {
    var start = defaults(data), parts = [];
    if (state.selected.join(",") !== START.join(",")) parts.push("show=" + state.selected.join(","));
    state.selected.forEach(function (key) {
      var fn = data.byKey[key];
      if (fn.params.length && state.position[key] !== start[key]) {
        parts.push(key + "=" + fn.params[0].values[state.position[key]]);
      }
    });
    return parts.length ? "?" + parts.join("&") : "";
  }

  function mount(root) {
    if (root.dataset.ready) return;
    root.dataset.ready = "loading";
    var lang = document.documentElement.lang === "zh" ? "zh" : "en";
    var words = {value: root.dataset.value, derivative: root.dataset.derivative};
    dataPromise = dataPromise || fetch(DATA_URL).then(function (r) { return r.json(); });
    dataPromise.then(function (data) {
      data.byKey = {};
      data.functions.forEach(function (fn) { data.byKey[fn.key] = fn; });
      var state = fromQuery(data, location.search);
      var list = root.querySelector(".explorer-functions");
      var boxes = {};

      // settled === false while a slider is being dragged: the address is written once it is released
      function redraw(controlsChanged, settled) {
        assignSlots(state);
        if (controlsChanged) sliders(root, data, state, words, lang, redraw);
        draw(root, data, state, words, lang);
        if (settled !== false) history.replaceState(history.state, "", location.pathname + toQuery(data, state) + location.hash);
      }

      data.functions.forEach(function (fn) {
        var label = html("label", {}, list);
        var box = html("input", {type: "checkbox", value: fn.key}, label);
        boxes[fn.key] = box;
        box.checked = state.selected.indexOf(fn.key) >= 0;
        label.appendChild(document.createTextNode(" " + fn.short[lang]));   // the legend's and the playground's short names
        box.addEventListener("change", function () {
          if (box.checked) state.selected.push(fn.key);
          else state.selected = state.selected.filter(function (key) { return key !== fn.key; });
          redraw(true);
        });
      });
      root.querySelector(".explorer-reset").addEventListener("click", function () {
        state = fromQuery(data, "");
        Object.keys(boxes).forEach(function (key) { boxes[key].checked = state.selected.indexOf(key) >= 0; });
        redraw(true);
      });
      root.querySelector(".explorer-reset").hidden = false;
      var width = root.querySelector(".explorer-plot").clientWidth;   // drawn below at this width
      if (window.ResizeObserver) {
        new ResizeObserver(function () {
          var now = root.querySelector(".explorer-plot").clientWidth;
          if (Math.abs(now - width) > 8) { width = now; draw(root, data, state, words, lang); }
        }).observe(root.querySelector(".explorer-plot"));
      }
      sliders(root, data, state, words, lang, redraw);
      draw(root, data, state, words, lang);
      root.dataset.ready = "yes";
    });
  }

  // Loaded by the explorer page itself (a script after its markup), not by every page: it runs
  // on a full load and again each time instant navigation brings the page in.
  document.querySelectorAll(".activation-explorer:not([data-ready])").forEach(mount);
})();
