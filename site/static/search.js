// Search on the index page, offline: the data is in the page. It ranks as
// the Go search does (codes/search.go, Set.Find) over the terms the Go code
// made for each code: by number prefix ("40"), then title words ("too many"),
// constant names ("StatusTeapot", "Redirect"), tags and vendors ("nginx",
// "webdav"), then words of the Meaning ("rate limit").
//
// The input is an ARIA combobox over a listbox of results: arrow keys move
// the active option (aria-activedescendant), Enter opens it, Escape clears.
// The query is kept in the address (?q=) so a search can be shared.
(function () {
  "use strict";
  var input = document.getElementById("q");
  var list = document.getElementById("results");
  var status = document.getElementById("search-status");
  var data = JSON.parse(document.getElementById("codes-data").textContent);
  var shown = [];
  var active = -1;

  var BY_NUMBER = 1, BY_TITLE = 2, BY_CONSTANT = 3, BY_TAG = 4, BY_TEXT = 5;

  // norm is codes.Normalize: lower case, no apostrophes, every run of other
  // characters that are not ASCII letters or digits one space.
  function norm(s) { return s.toLowerCase().replace(/['\u2019]/g, "").replace(/[^a-z0-9]+/g, " ").trim(); }

  function hasWords(words, lists) {
    return words.every(function (w) {
      return lists.some(function (list) {
        return list.some(function (h) { return h.lastIndexOf(w, 0) === 0; });
      });
    });
  }

  function containsAll(s, words) {
    return words.every(function (w) { return s.indexOf(w) >= 0; });
  }

  function find(query) {
    var q = query.trim();
    if (q === "") return [];
    var out = [];
    if (/^[0-9]+$/.test(q)) {
      data.forEach(function (c) {
        var n = String(c.code);
        if (n.lastIndexOf(q, 0) === 0) out.push({ c: c, by: BY_NUMBER, exact: n === q });
      });
      return out;
    }
    var phrase = norm(q);
    if (phrase === "") return [];
    var words = phrase.split(" ");
    var lower = q.toLowerCase();
    data.forEach(function (c) {
      var t = c.terms;
      if (hasWords(words, [t.title])) out.push({ c: c, by: BY_TITLE, exact: t.titles.indexOf(phrase) >= 0 });
      else if (t.constants.indexOf(lower) >= 0) out.push({ c: c, by: BY_CONSTANT, exact: true });
      else if (t.names.some(function (n) { return containsAll(n, words); })) out.push({ c: c, by: BY_CONSTANT, exact: false });
      else if (hasWords(words, [t.title, t.tags])) out.push({ c: c, by: BY_TAG, exact: false });
      else if (hasWords(words, [t.title, t.tags, t.text])) out.push({ c: c, by: BY_TEXT, exact: false });
    });
    // Within a field: exact matches, then codes to send today before vendors'
    // and retired ones, then by number (the data's order; sort is stable).
    out.sort(function (a, b) {
      if (a.by !== b.by) return a.by - b.by;
      if (a.exact !== b.exact) return a.exact ? -1 : 1;
      return (a.c.minor ? 1 : 0) - (b.c.minor ? 1 : 0);
    });
    return out;
  }

  function setActive(i) {
    var items = list.children;
    if (!items.length) {
      active = -1;
      input.removeAttribute("aria-activedescendant");
      return;
    }
    active = (i + items.length) % items.length;
    for (var k = 0; k < items.length; k++) items[k].setAttribute("aria-selected", k === active ? "true" : "false");
    input.setAttribute("aria-activedescendant", items[active].id);
    items[active].scrollIntoView({ block: "nearest" });
  }

  function open(i, newTab) {
    var c = shown[i];
    if (!c) return;
    if (newTab) window.open(c.code + "/", "_blank", "noopener");
    else window.location.href = c.code + "/";
  }

  function option(c, i) {
    var li = document.createElement("li");
    li.id = "result-" + c.code;
    li.setAttribute("role", "option");
    li.setAttribute("aria-selected", "false");
    var head = document.createElement("span");
    head.className = "result-title";
    var num = document.createElement("span");
    num.className = "num";
    num.textContent = c.code;
    head.appendChild(num);
    head.appendChild(document.createTextNode(" " + c.title));
    li.appendChild(head);
    if (c.summary) {
      var sum = document.createElement("span");
      sum.className = "result-summary";
      sum.textContent = c.summary;
      li.appendChild(sum);
    }
    li.addEventListener("click", function (e) { open(i, e.ctrlKey || e.metaKey); });
    return li;
  }

  function render() {
    var q = input.value;
    shown = find(q).map(function (m) { return m.c; });
    list.textContent = "";
    shown.forEach(function (c, i) { list.appendChild(option(c, i)); });
    var expanded = shown.length > 0;
    list.hidden = !expanded;
    input.setAttribute("aria-expanded", expanded ? "true" : "false");
    if (q.trim() === "") status.textContent = "";
    else if (!expanded) status.textContent = "No code matches \u201c" + q.trim() + "\u201d. Try a number such as 404, words of a title, a constant name or a vendor.";
    else status.textContent = shown.length === 1 ? "1 code matches." : shown.length + " codes match.";
    setActive(0);
  }

  function keepInAddress() {
    var q = input.value.trim();
    var url = window.location.pathname + (q ? "?q=" + encodeURIComponent(q) : "") + window.location.hash;
    window.history.replaceState(null, "", url);
  }

  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.addEventListener("input", function () { render(); keepInAddress(); });
  input.addEventListener("keydown", function (e) {
    if (e.key === "ArrowDown" && shown.length) { setActive(active + 1); e.preventDefault(); }
    else if (e.key === "ArrowUp" && shown.length) { setActive(active - 1); e.preventDefault(); }
    else if (e.key === "Enter" && active >= 0) { open(active, e.ctrlKey || e.metaKey); e.preventDefault(); }
    else if (e.key === "Escape" && input.value !== "") { input.value = ""; render(); keepInAddress(); e.preventDefault(); }
  });
  var initial = new URLSearchParams(window.location.search).get("q");
  if (initial) {
    input.value = initial;
    render();
  }
})();
