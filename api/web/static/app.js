// Botrian web page: small enhancements over a page that works without
// JavaScript. Filters and sort apply as soon as they change, and the search
// box offers completions from /api/v1/suggest.
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  var form = document.getElementById("search-form");
  if (!form) return;
  form.addEventListener("change", function (ev) {
    var t = ev.target;
    if (t && (t.type === "checkbox" || t.name === "sort")) form.submit();
  });
  var q = document.getElementById("q");
  var list = document.getElementById("suggestions");
  if (!q || !list || !window.fetch) return;
  var timer = 0, last = "";
  q.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var prefix = q.value.trim();
      if (prefix === last || prefix.length < 2) return;
      last = prefix;
      fetch("/api/v1/suggest?size=8&q=" + encodeURIComponent(prefix), { headers: { Accept: "application/json" } })
        .then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
        .then(function (body) {
          if (prefix !== last) return;
          list.textContent = "";
          (body.suggestions || []).forEach(function (s) {
            var o = document.createElement("option");
            o.value = typeof s === "string" ? s : (s.text || s.value || "");
            if (s.label) o.label = s.label;
            list.appendChild(o);
          });
        })
        .catch(function () {});
    }, 150);
  });
})();
