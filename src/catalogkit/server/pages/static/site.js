// The pages' only script; each page works without it. It keeps the senior mode
// (长辈模式) the resident chose, shows the print button, and suggests matters as one
// types in a search box (from GET /v1/search, into the box's datalist).
(function () {
  try {
    if (localStorage.getItem("ck-senior") === "1") document.documentElement.classList.add("senior");
  } catch (e) { /* storage refused: the ordinary mode */ }
})();

document.addEventListener("DOMContentLoaded", function () {
  var root = document.documentElement;
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      window.print();
    });
  });
  document.querySelectorAll("[data-senior]").forEach(function (button) {
    var show = function () {
      var on = root.classList.contains("senior");
      button.setAttribute("aria-pressed", on ? "true" : "false");
      button.textContent = on ? "标准模式" : "长辈模式";
    };
    button.hidden = false;
    show();
    button.addEventListener("click", function () {
      var on = root.classList.toggle("senior");
      try { localStorage.setItem("ck-senior", on ? "1" : "0"); } catch (e) { /* not kept */ }
      show();
    });
  });
  document.querySelectorAll("input[data-suggest]").forEach(function (input) {
    var list = document.getElementById(input.getAttribute("list"));
    var timer = null;
    var asked = "";
    if (!list || !window.fetch) return;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var q = input.value.trim();
        if (!q || q === asked) return;
        asked = q;
        var url = "/v1/search?limit=8&q=" + encodeURIComponent(q);
        var locality = input.getAttribute("data-locality");
        if (locality) url += "&locality=" + encodeURIComponent(locality);
        fetch(url).then(function (r) { return r.ok ? r.json() : null; }).then(function (data) {
          if (!data || input.value.trim() !== q) return;
          list.textContent = "";
          data.events.concat(data.items).forEach(function (found) {
            var option = document.createElement("option");
            option.value = found.name;
            list.appendChild(option);
          });
        }).catch(function () { /* no suggestions: the form still works */ });
      }, 200);
    });
  });
});
