// Octet's test pages (profile, question, checkpoint, results) and My tutorials: small
// enhancements only; every action also works without JavaScript.
(function () {
  "use strict";
  var tick = null;

  function answerForm() { return document.getElementById("challenge-form"); }

  // A simulator reports the learner's answer by postMessage; it fills the answer fields.
  window.addEventListener("message", function (event) {
    var frame = document.querySelector("iframe[data-simulator]");
    var form = answerForm();
    if (!frame || !form || event.source !== frame.contentWindow) return;
    var data = event.data || {};
    if (data.octet === "height" && typeof data.value === "number") {
      // The value is the simulator's own height; the frame's border comes on top of it. A frame
      // a few pixels too short scrolls inside, and a growing status bar then shifts the page
      // under the learner's finger: a tap on a link hits the paragraph beside it. At 360 px a
      // social profile with all its settings is over 2,000 px tall.
      var border = frame.offsetHeight - frame.clientHeight;
      frame.height = Math.max(200, Math.min(4000, Math.round(data.value))) + border;
    }
    if (data.octet !== "answer") return;
    var values = typeof data.value === "object" && data.value !== null ? data.value : { answer: data.value };
    Object.keys(values).forEach(function (key) {
      var input = form.querySelector('[data-answer-key="' + key + '"]');
      if (input) input.value = String(values[key]);
    });
    keepDraft();
  });

  // A visible countdown; the server enforces the limit whatever this shows. A screen reader
  // does not read the countdown (role timer), only the status beside it: once when the end is
  // near, unless the page was shown with less time than that left, and once when time is up.
  // It counts from a clock, not from its ticks: a phone pauses or slows the timers of a page in
  // the background (another app, the screen locked), and the time goes on meanwhile. And it
  // counts from when the page was asked for, as the server does: on a slow connection the page
  // arrives seconds later, and those seconds must not be shown as time left.
  var clock = window.performance && performance.now ? performance : Date;
  var requested = null;  // when the request of the page shown now left (send(), or the load)
  function requestedAt() {
    if (requested !== null) return requested;
    var load = clock === performance && performance.getEntriesByType &&
      performance.getEntriesByType("navigation")[0];
    return load && load.requestStart > 0 ? load.requestStart : clock.now();
  }
  function startTimer() {
    if (tick) { clearInterval(tick); tick = null; }
    var timer = document.querySelector(".timer[data-remaining]");
    if (!timer) return;
    var left = parseInt(timer.getAttribute("data-remaining"), 10);
    var out = timer.querySelector("[data-countdown]");
    out.hidden = false;  // a countdown that counts; without this script, a <noscript> says when
    var template = out.textContent.replace(String(left), "{s}");
    var news = document.querySelector("[data-timer-news]");
    var soon = document.querySelector("[data-timer-soon]");
    var up = document.querySelector("[data-timer-up]");
    var warnAt = soon ? parseInt(soon.getAttribute("data-at"), 10) : 0;
    var warned = left <= warnAt;
    var end = requestedAt() + left * 1000;
    function say(words) { if (news && words) news.textContent = words.textContent; }
    function count() {
      left = Math.max(0, Math.ceil((end - clock.now()) / 1000));
      out.textContent = template.replace("{s}", String(left));
      if (!warned && left <= warnAt) { warned = true; say(soon); }
      if (left === 0) {
        clearInterval(tick); tick = null; timer.classList.add("timer--over"); say(up);
      }
    }
    tick = setInterval(count, 1000);
    count();
  }

  function lock(form) {
    form.setAttribute("data-sending", "");
    setTimeout(function () {
      form.querySelectorAll("button[type=submit]").forEach(function (b) { b.disabled = true; });
    }, 0);
  }

  // A form marked data-inline (start a test, answer, continue after a checkpoint) and the page
  // it leads to travel in one round trip: the server replies to the POST with that page, whose
  // main content replaces this one. Returns false when the reply is not one of Octet's pages.
  function show(html, url) {
    var next = new DOMParser().parseFromString(html, "text/html");
    var main = next.getElementById("main");
    if (!main) return false;
    // DOMParser runs without scripts, so it reads <noscript> contents as real elements.
    main.querySelectorAll("noscript").forEach(function (n) { n.remove(); });
    document.getElementById("main").replaceWith(document.adoptNode(main));
    document.title = next.title;
    // Entering a test gets its own history entry, as a page load would; moving on inside it
    // (next question, checkpoint, results: /assessments/<id>/...) replaces that entry, so Back
    // from anywhere in the test goes to the page the test was started from.
    var target = new URL(url, location.href);
    if (place(target.pathname) === place(location.pathname)) {
      history.replaceState(null, "", target.href);
    } else {
      history.pushState(null, "", target.href);
    }
    shown = target.href.split("#")[0];
    // The reply holds only the title and <main>: the header stays, and its language switch must
    // come back to the page shown now, not to the page first loaded.
    document.querySelectorAll("form.language-switch input[name=next]").forEach(function (input) {
      input.value = target.pathname + target.search;
    });
    pointLanguageSwitch();
    window.scrollTo(0, 0);
    // The heading, as a screen reader announces a new page: "Question 2", "Your last answers";
    // or, when the page opens with a message ("this answer was not recorded", "you have not
    // given an answer"), that message, which the heading would otherwise be read after.
    var first = main.querySelector(".messages, #empty-warning") || main.querySelector("h1") || main;
    first.setAttribute("tabindex", "-1");
    first.focus();
    swapped = true;
    restoreDraft();
    startTimer();
    return true;
  }

  function place(path) { return path.split("/").slice(0, 3).join("/"); }  // "/assessments/7"

  // Back and Forward between those entries show what their address serves now.
  var shown = location.href.split("#")[0];
  window.addEventListener("popstate", function () {
    if (location.href.split("#")[0] !== shown) location.reload();
  });

  // When the reply is not a page of the test (a redirect, e.g. to sign in again once the
  // session has ended; an error page), the form is sent the plain way, and the browser shows
  // what the server answers to it as a whole page.
  function sendPlainly(form, submitter) {
    if (submitter && submitter.name) {
      var input = document.createElement("input");
      input.type = "hidden";
      input.name = submitter.name;
      input.value = submitter.value;
      form.appendChild(input);
    }
    HTMLFormElement.prototype.submit.call(form);
  }

  // How long a form may wait for its reply before the page says the connection is lost.
  var PATIENCE = 30000;

  // Send a form as the page's script does: URL-encoded, as the plain form sends it (lighter to
  // send and to read than multipart), with the header that asks for a reply meant for this
  // script. A redirect is not followed: it leads elsewhere than the test (to sign in again once
  // the session has ended, to the profile when a test cannot start), and the callers then send
  // the form the plain way, which gets it as a whole page with its header and its message.
  // Resolves to the reply ({status, url, text}) when it is 200 or 400 (a page, or a message, to
  // show here). When the request or its reply is lost (offline, the connection drops, no reply
  // in time), it fails with `lost` set: sending it plainly would only show the browser's error
  // page in place of the learner's answer, so the callers keep the form and say so.
  function send(form, submitter, url) {
    var body = new URLSearchParams(new FormData(form));
    if (submitter && submitter.name) body.append(submitter.name, submitter.value);
    var controller = window.AbortController ? new AbortController() : null;
    var timeout = controller ? setTimeout(function () { controller.abort(); }, PATIENCE) : null;
    function lost() {
      clearTimeout(timeout);
      var error = new Error("connection lost");
      error.lost = true;
      throw error;
    }
    requested = clock.now();
    // Not form.action: the buttons named "action" shadow that property.
    return fetch(url || form.getAttribute("action"), {
      method: "POST", body: body, credentials: "same-origin", redirect: "manual",
      headers: { "X-Octet-Inline": "1" }, signal: controller ? controller.signal : undefined
    }).then(function (response) {
      if (response.status !== 200 && response.status !== 400) {
        clearTimeout(timeout);
        throw new Error(response.status);
      }
      return response.text().then(function (text) {
        clearTimeout(timeout);
        return { status: response.status, url: response.headers.get("X-Octet-Url"), text: text };
      }, lost);
    }, lost);
  }

  // A message by a form: before its buttons (a question), its first field (the problem report),
  // or the form itself (start, continue). Its text is set once it is in the page, so that screen
  // readers announce it.
  function notify(form, text, ok) {
    var anchor = form.querySelector(".actions") || form.querySelector(".field") || form;
    var note = anchor.previousElementSibling;
    if (!note || !note.hasAttribute("data-notice")) {
      note = document.createElement("p");
      note.setAttribute("data-notice", "");
      note.setAttribute("tabindex", "-1");
      anchor.parentNode.insertBefore(note, anchor);
    }
    note.setAttribute("role", ok ? "status" : "alert");
    note.className = "alert " + (ok ? "alert--success" : "alert--error");
    note.textContent = "";
    setTimeout(function () { note.textContent = text; }, 50);
    return note;
  }

  // The request or its reply was lost: the form (or the report) stays as the learner filled
  // it, can be sent again (the server recognises an answer it already recorded), and the page
  // says what happened. The focus, lost when the pressed button was disabled, goes to that
  // message.
  function keep(form) {
    var typed = form.id === "challenge-form" || form.hasAttribute("data-report");
    var text = (!typed && document.querySelector("[data-connection-lost-button]")) ||
      document.querySelector("[data-connection-lost]");
    setTimeout(function () {  // after lock(), which disables the buttons in a task of its own
      form.removeAttribute("data-sending");
      form.querySelectorAll("button[type=submit]").forEach(function (b) { b.disabled = false; });
      var note = notify(form, text ? text.textContent : "", false);
      if (!document.activeElement || document.activeElement === document.body) note.focus();
    }, 0);
  }

  // The button that sent a form (validate or skip), for browsers without event.submitter.
  var pressed = null;
  document.addEventListener("click", function (event) {
    pressed = event.target.closest ? event.target.closest("button[type=submit]") : null;
  });

  // On a good connection the next page can be shown between the two taps of a double tap: the
  // second one would then act on a page not yet seen (skip the next question, tick an answer,
  // leave the test). The browser counts it as the second click of a double click: it is
  // ignored; a click of its own (detail 1, or 0 from the keyboard) always counts.
  var swapped = false;
  document.addEventListener("click", function (event) {
    if (swapped && event.detail > 1) {
      event.preventDefault();
      event.stopPropagation();
      return;
    }
    swapped = false;
  }, true);

  // What the learner has entered in a question is kept in this tab until it is sent, so that a
  // reload (the page seemed stuck) or signing in again does not lose it.
  function draftKey(form) { return "octet-draft " + form.getAttribute("action"); }

  function storage() {
    try { return window.sessionStorage || null; } catch (e) { return null; }  // may be refused
  }

  // A question of a test (the staff preview's form has no challenge_id: nothing to keep).
  function testQuestion() {
    var form = answerForm();
    return form && form.elements.challenge_id ? form : null;
  }

  function keepDraft() {
    var form = testQuestion();
    var store = storage();
    if (!form || !store) return;
    var draft = { challenge: form.elements.challenge_id.value, typed: {}, checked: [] };
    form.querySelectorAll("input[name]").forEach(function (input) {
      if (input.type === "radio" || input.type === "checkbox") {
        if (input.checked) draft.checked.push(input.name + "=" + input.value);
      } else if (input.type !== "hidden") {
        draft.typed[input.name] = input.value;
      }
    });
    try { store.setItem(draftKey(form), JSON.stringify(draft)); } catch (e) { /* full */ }
  }

  function restoreDraft() {
    var form = testQuestion();
    var store = storage();
    if (!form || !store) return;
    var draft = null;
    try { draft = JSON.parse(store.getItem(draftKey(form)) || "null"); } catch (e) { return; }
    if (!draft || draft.challenge !== form.elements.challenge_id.value) return;
    form.querySelectorAll("input[name]").forEach(function (input) {
      if (input.type === "radio" || input.type === "checkbox") {
        input.checked = draft.checked.indexOf(input.name + "=" + input.value) !== -1;
      } else if (input.type !== "hidden" && typeof draft.typed[input.name] === "string") {
        input.value = draft.typed[input.name];
      }
    });
  }

  // On a question, the language switch sends the question's form to its data-keep address
  // (views.back_to_question), so that what is being typed comes back on the question in the
  // other language, even where this tab keeps no draft; elsewhere, its own form. The server sets
  // it so in a page loaded whole; this keeps it so once <main> shows another page.
  function pointLanguageSwitch() {
    var form = testQuestion();
    var keep = form && form.getAttribute("data-keep");
    document.querySelectorAll("form.language-switch button[name=language]").forEach(function (b) {
      if (keep) {
        b.setAttribute("form", form.id);
        b.setAttribute("formaction", keep);
        b.setAttribute("formnovalidate", "");
      } else {
        b.removeAttribute("form");
        b.removeAttribute("formaction");
        b.removeAttribute("formnovalidate");
      }
    });
  }

  function forgetDraft(form) {
    var store = storage();
    if (store && form.id === "challenge-form") store.removeItem(draftKey(form));
  }

  document.addEventListener("input", function (event) {
    if (event.target.form && event.target.form === answerForm()) keepDraft();
  });
  document.addEventListener("change", function (event) {
    if (event.target.form && event.target.form === answerForm()) keepDraft();
  });

  // A problem report is part of the question's form (so that, without JavaScript, what the
  // learner entered goes with it and comes back). Here it goes by fetch to its own address, so
  // the answer being typed stays; its reply is the message to show by the report. Without fetch,
  // or if the reply is not that message, the form is sent the plain way to the report's address.
  function report(event, form, submitter) {
    if (!window.fetch || !window.URLSearchParams || !window.FormData) return;
    event.preventDefault();
    var box = submitter.closest("[data-report]");
    if (box.hasAttribute("data-sending")) return;
    box.setAttribute("data-sending", "");
    var url = submitter.getAttribute("formaction");
    send(form, null, url).then(function (reply) {
      box.removeAttribute("data-sending");
      notify(box, reply.text, reply.status === 200);
      if (reply.status === 200) {
        box.querySelectorAll("select, textarea").forEach(function (field) { field.value = ""; });
      }
    }).catch(function (error) {
      if (error.lost) { keep(box); return; }
      box.removeAttribute("data-sending");
      form.setAttribute("action", url);
      HTMLFormElement.prototype.submit.call(form);
    });
  }

  // Save and Useful by a tutorial act in place, so the corrections being read stay where they
  // are. The reply is the tutorial's actions as they are now and the message to show by them;
  // every copy of that tutorial on the page (same data-page) changes with it, keeping its own
  // way back for the plain form. The focus goes to what the pressed button has become.
  function tutorial(event, form, submitter) {
    if (!window.fetch || !window.URLSearchParams || !window.FormData || !window.DOMParser) return;
    event.preventDefault();
    if (form.hasAttribute("data-sending")) return;
    var actions = form.closest(".tutorial__actions");
    var which = Array.prototype.indexOf.call(actions.querySelectorAll("form"), form);
    lock(form);
    send(form, submitter).then(function (reply) {
      var parsed = new DOMParser().parseFromString(reply.text, "text/html");
      var fresh = parsed.querySelector(".tutorial__actions");
      var message = parsed.querySelector("[data-tutorial-message]");
      if (reply.status !== 200 || !fresh || !message) throw new Error("not a tutorial's actions");
      var page = fresh.getAttribute("data-page");
      var mine = null;
      document.querySelectorAll(".tutorial__actions").forEach(function (old) {
        if (old.getAttribute("data-page") !== page) return;
        var copy = document.importNode(fresh, true);
        var back = old.querySelector("input[name=next]");
        copy.querySelectorAll("input[name=next]").forEach(function (input) {
          if (back) input.value = back.value;
        });
        old.replaceWith(copy);
        if (old === actions) mine = copy;
      });
      if (!mine) return;
      shelve(mine, page);
      var now = mine.querySelectorAll("form")[which];
      var control = now && (now.querySelector("button") || now.querySelector(".muted"));
      if (control) {
        if (control.tagName !== "BUTTON") control.setAttribute("tabindex", "-1");
        control.focus();
      }
      tutorialNotice(mine, message.textContent);
    }).catch(function (error) {
      if (error.lost && document.querySelector("[data-connection-lost]")) { keep(form); return; }
      sendPlainly(form, submitter);
    });
  }

  // On My tutorials, a tutorial saved from the recommendations joins the saved ones, as a page
  // load would show it (a copy, which changes with it); "none saved yet" goes.
  function shelve(actions, page) {
    var shelf = document.querySelector("[data-saved-tutorials]");
    if (!shelf || !actions.querySelector("input[name=action][value=remove]")) return;
    var listed = false;
    shelf.querySelectorAll(".tutorial__actions").forEach(function (other) {
      if (other.getAttribute("data-page") === page) listed = true;
    });
    if (listed) return;
    var list = shelf.querySelector("[data-saved-list]");
    if (!list) {
      list = document.createElement("ul");
      list.className = "tutorials card";
      list.setAttribute("data-saved-list", "");
      var none = shelf.querySelector("[data-saved-none]");
      if (none) none.replaceWith(list);
      else shelf.querySelector("h2").after(list);
    }
    var item = actions.parentNode.cloneNode(true);
    item.querySelectorAll("[data-tutorial-notice]").forEach(function (note) { note.remove(); });
    list.appendChild(item);
  }

  // The message of the last Save or Useful, under that tutorial (one on the page at a time).
  function tutorialNotice(actions, text) {
    var item = actions.parentNode;
    document.querySelectorAll("[data-tutorial-notice]").forEach(function (note) {
      if (note.parentNode !== item) note.remove();
    });
    var note = item.querySelector("[data-tutorial-notice]");
    if (!note) {
      note = document.createElement("p");
      note.setAttribute("data-tutorial-notice", "");
      note.setAttribute("role", "status");
      note.className = "tutorial__notice";
      item.appendChild(note);
    }
    note.textContent = "";
    setTimeout(function () { note.textContent = text; }, 50);
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    var sender = event.submitter || (pressed && pressed.form === form ? pressed : null);
    if (sender && sender.closest(".language-switch")) return;  // a page load, the form kept
    if (sender && sender.hasAttribute("data-report-send")) { report(event, form, sender); return; }
    if (form.hasAttribute("data-tutorial")) { tutorial(event, form, sender); return; }
    var inline = form.hasAttribute("data-inline");
    if (!inline && form.id !== "challenge-form") return;
    if (form.hasAttribute("data-sending")) { event.preventDefault(); return; }  // a double click
    lock(form);
    var able = window.fetch && window.FormData && window.URLSearchParams && window.DOMParser &&
      window.URL && window.history && history.pushState;
    if (!inline || !able) return;
    event.preventDefault();
    send(form, sender).then(function (reply) {
      if (!reply.url) throw new Error("not a page of the test");
      forgetDraft(form);
      if (!show(reply.text, reply.url)) throw new Error("not a page");
    }).catch(function (error) {
      if (error.lost) keep(form);
      else sendPlainly(form, sender);
    });
  });

  pointLanguageSwitch();
  restoreDraft();
  startTimer();
})();
