// Search on the index page: by number prefix ("40"), by words of the title
// ("too many"), and by constant name ("StatusTeapot", "HTTP_404_NOT_FOUND").
// Runs offline: the data is in the page.
(function () {
  "use strict";
  var input = document.getElementById("q");
  var list = document.getElementById("results");
  var data = JSON.parse(document.getElementById("codes-data").textContent);
  var selected = -1;

  function norm(s) { return s.toLowerCase().replace(/['’]/g, "").replace(/[^a-z0-9]+/g, " ").trim(); }

  function matches(query) {
    var q = query.trim();
    if (q === "") return [];
    if (/^\d+$/.test(q)) {
      return data.filter(function (c) { return String(c.code).indexOf(q) === 0; });
    }
    var exact = q.replace(/^.*(::|\.)/, "").replace(/^:/, "").toLowerCase();
    var byName = data.filter(function (c) {
      return c.names.some(function (n) { return n.toLowerCase() === exact; });
    });
    if (byName.length) return byName;
    var words = norm(q).split(" ");
    return data.filter(function (c) {
      var hay = norm(c.title + " " + c.names.join(" ").replace(/_/g, " "));
      return words.every(function (w) { return hay.indexOf(w) >= 0; });
    });
  }

  function select(i) {
    var items = list.querySelectorAll("li");
    if (!items.length) { selected = -1; return; }
    selected = (i + items.length) % items.length;
    items.forEach(function (li, k) { li.setAttribute("aria-selected", k === selected ? "true" : "false"); });
    items[selected].scrollIntoView({ block: "nearest" });
  }

  function render() {
    var found = matches(input.value);
    list.innerHTML = "";
    found.slice(0, 50).forEach(function (c) {
      var li = document.createElement("li");
      li.setAttribute("role", "option");
      var a = document.createElement("a");
      a.href = c.code + "/";
      a.textContent = c.code + " " + c.title;
      li.appendChild(a);
      list.appendChild(li);
    });
    list.hidden = found.length === 0;
    select(0);
  }

  input.addEventListener("input", render);
  input.addEventListener("keydown", function (e) {
    if (e.key === "ArrowDown") { select(selected + 1); e.preventDefault(); }
    else if (e.key === "ArrowUp") { select(selected - 1); e.preventDefault(); }
    else if (e.key === "Enter") {
      var items = list.querySelectorAll("li a");
      if (selected >= 0 && items[selected]) { window.location.href = items[selected].href; e.preventDefault(); }
    }
  });
  list.setAttribute("role", "listbox");
  input.focus();
})();
