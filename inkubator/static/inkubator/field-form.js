/* inkubator field form: autosave, offline keeping, GPS. The form works without it (submit saves too). */
(function () {
  "use strict";
  var form = document.getElementById("field-form");
  if (!form || !window.fetch || !window.FormData) { return; }
  var status = document.getElementById("save-status");
  var version = document.getElementById("id_version");
  var key = form.getAttribute("data-key");
  var url = form.getAttribute("data-autosave");
  var timer = null;
  var saving = false;
  var pending = false;
  var stale = false;
  var waiting = [];  // what to do once the answers are saved (send an evidence form)

  function say(text, bad) {
    status.textContent = text;
    status.className = "small " + (bad ? "text-danger" : "text-muted");
  }
  function store() {
    try {
      var data = {};
      new FormData(form).forEach(function (v, k) { if (k !== "csrfmiddlewaretoken") { data[k] = v; } });
      localStorage.setItem(key, JSON.stringify(data));
    } catch (e) { /* private mode or full storage: the server copy still counts */ }
  }
  function forget() { try { localStorage.removeItem(key); } catch (e) { /* ignore */ } }
  function restore() {
    var raw = null;
    try { raw = localStorage.getItem(key); } catch (e) { return; }
    if (!raw) { return; }
    var data = JSON.parse(raw);
    if (String(data.version) !== version.value) { forget(); return; }  // the server has newer data
    Object.keys(data).forEach(function (name) {
      if (name === "version") { return; }
      var fields = form.elements[name];
      if (!fields) { return; }
      if (fields.length !== undefined && fields[0] && fields[0].type === "radio") {
        Array.prototype.forEach.call(fields, function (r) { r.checked = r.value === data[name]; });
      } else if (fields.value !== undefined) { fields.value = data[name]; }
    });
    schedule(10);
  }
  function markErrors(errors) {
    Array.prototype.forEach.call(form.querySelectorAll(".autosave-error"), function (n) { n.remove(); });
    Object.keys(errors || {}).forEach(function (code) {
      var box = document.getElementById("ind-" + code);
      if (!box) { return; }
      var p = document.createElement("div");
      p.className = "text-danger small autosave-error";
      p.setAttribute("role", "alert");
      p.textContent = errors[code].join(" ");
      box.insertBefore(p, box.children[1] || null);
    });
  }
  function save(then) {
    // This save sends the form as it is now: a save still scheduled would only repeat it, racing
    // whatever comes next (an upload, a page change).
    if (timer) { clearTimeout(timer); timer = null; }
    if (then) { waiting.push(then); }  // kept when a save is running: it runs after the next one
    if (stale) { waiting = []; return; }
    if (saving) { pending = true; return; }
    saving = true;
    store();
    say(status.getAttribute("data-saving"));
    fetch(url, { method: "POST", body: new FormData(form), credentials: "same-origin",
                 headers: { "X-Requested-With": "fetch" } })
      .then(function (r) { return r.json().then(function (body) { return { code: r.status, body: body }; }); })
      .then(function (res) {
        saving = false;
        if (res.body.ok) {
          version.value = res.body.version;
          forget();
          markErrors({});
          say(status.getAttribute("data-saved") + " " + res.body.saved_at);
          var score = document.getElementById("score-value");
          if (score && res.body.composite !== null) { score.textContent = res.body.composite.replace(".", document.documentElement.lang === "en" ? "." : ","); }
          var cls = document.getElementById("class-value");
          if (cls) { cls.textContent = res.body.readiness_class || ""; }
          if (pending) { pending = false; save(); return; }
          var done = waiting;
          waiting = [];
          done.forEach(function (next) { next(); });
        } else {
          waiting = [];
          if (res.code === 409) { stale = true; }
          markErrors(res.body.errors);
          say(status.getAttribute("data-failed") + ": " + res.body.message, true);
        }
      })
      .catch(function () {
        saving = false;
        waiting = [];
        say(status.getAttribute("data-offline"), true);
        window.addEventListener("online", function retry() { window.removeEventListener("online", retry); save(); });
      });
  }
  function schedule(ms) {
    if (timer) { clearTimeout(timer); }
    timer = setTimeout(function () { timer = null; save(); }, ms);
  }
  form.addEventListener("input", function () { store(); schedule(1500); });
  form.addEventListener("change", function () { store(); schedule(600); });
  // Upload or remove evidence only after the answers are safely saved.
  Array.prototype.forEach.call(document.querySelectorAll("form.ev-form"), function (f) {
    f.addEventListener("submit", function (event) {
      if (f.getAttribute("data-flushed")) { return; }
      event.preventDefault();
      save(function () { f.setAttribute("data-flushed", "1"); f.submit(); });
    });
  });
  // Submitting saves the answers too: cancel an autosave still scheduled (a field left after a change).
  form.addEventListener("submit", function () {
    if (timer) { clearTimeout(timer); timer = null; }
    forget();
  });
  var gps = document.getElementById("gps-button");
  if (gps && navigator.geolocation) {
    gps.classList.remove("d-none");
    gps.addEventListener("click", function () {
      navigator.geolocation.getCurrentPosition(function (pos) {
        document.getElementById("id_latitude").value = pos.coords.latitude.toFixed(6);
        document.getElementById("id_longitude").value = pos.coords.longitude.toFixed(6);
        document.getElementById("id_location_accuracy").value = Math.round(pos.coords.accuracy);
        schedule(10);
      }, function () { say(gps.textContent + ": —", true); }, { enableHighAccuracy: true, timeout: 20000 });
    });
  }
  restore();
})();
