// Octet challenge page: small enhancements only; every action also works without JavaScript.
(function () {
  "use strict";
  var form = document.getElementById("challenge-form");
  if (!form) return;

  // A simulator reports the learner's answer by postMessage; it fills the answer fields.
  var frame = document.querySelector("iframe[data-simulator]");
  window.addEventListener("message", function (event) {
    if (!frame || event.source !== frame.contentWindow) return;
    var data = event.data || {};
    if (data.octet === "height" && typeof data.value === "number") {
      frame.height = Math.max(200, Math.min(2000, Math.round(data.value)));
    }
    if (data.octet !== "answer") return;
    var values = typeof data.value === "object" && data.value !== null ? data.value : { answer: data.value };
    Object.keys(values).forEach(function (key) {
      var input = form.querySelector('[data-answer-key="' + key + '"]');
      if (input) input.value = String(values[key]);
    });
  });

  // A visible countdown; the server enforces the limit whatever this shows.
  var timer = document.querySelector(".timer[data-remaining]");
  if (timer) {
    var left = parseInt(timer.getAttribute("data-remaining"), 10);
    var out = timer.querySelector("[data-countdown]");
    var template = out.textContent.replace(String(left), "{s}");
    var tick = setInterval(function () {
      left = Math.max(0, left - 1);
      out.textContent = template.replace("{s}", String(left));
      if (left === 0) { clearInterval(tick); timer.classList.add("timer--over"); }
    }, 1000);
  }

  // One submission only: a double click must not send the answer twice.
  form.addEventListener("submit", function () {
    setTimeout(function () {
      form.querySelectorAll("button[type=submit]").forEach(function (b) { b.disabled = true; });
    }, 0);
  });
})();
