// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";

  // Glossary terms: show the expansion next to the term on hover or focus.
  // Without JavaScript the term is a link to its glossary entry.
  let tip = null;
  let tipOwner = null;
  function hideTip() {
    if (tip) { tip.remove(); tip = null; }
    if (tipOwner) { tipOwner.removeAttribute("aria-describedby"); tipOwner = null; }
  }
  function showTip(link) {
    hideTip();
    const text = link.getAttribute("data-expansion");
    if (!text) { return; }
    tip = document.createElement("span");
    tip.className = "term-tip";
    tip.id = "term-tip";
    tip.setAttribute("role", "tooltip");
    tip.textContent = text;
    document.body.appendChild(tip);
    placeTip(link);
    link.setAttribute("aria-describedby", "term-tip");
    tipOwner = link;
  }
  // Under the term, moved left as far as needed to stay inside the viewport
  // (8px margin each side); above the term when there is no room below.
  // A term broken over two lines is measured by its last line.
  function placeTip(link) {
    const margin = 8;
    const rects = link.getClientRects();
    const box = rects.length ? rects[rects.length - 1] : link.getBoundingClientRect();
    const viewWidth = document.documentElement.clientWidth;
    const viewHeight = document.documentElement.clientHeight;
    // Measured at the page's left edge, where its width is not squeezed.
    tip.style.left = "0px";
    tip.style.top = "0px";
    const width = tip.offsetWidth;
    const height = tip.offsetHeight;
    const left = Math.max(margin, Math.min(box.left, viewWidth - width - margin));
    let top = box.bottom + 6;
    if (top + height > viewHeight - margin && box.top - height - 6 >= margin) {
      top = box.top - height - 6;
    }
    tip.style.left = (window.scrollX + left) + "px";
    tip.style.top = (window.scrollY + top) + "px";
  }
  function termFrom(event) {
    return event.target instanceof Element ? event.target.closest("a.term") : null;
  }
  document.addEventListener("focusin", function (event) { const t = termFrom(event); if (t) { showTip(t); } });
  document.addEventListener("focusout", function (event) { if (termFrom(event)) { hideTip(); } });
  document.addEventListener("mouseover", function (event) { const t = termFrom(event); if (t) { showTip(t); } });
  document.addEventListener("mouseout", function (event) { if (termFrom(event)) { hideTip(); } });
  document.addEventListener("keydown", function (event) { if (event.key === "Escape") { hideTip(); } });
  // Focus may scroll the term into view (smoothly) after the tip is placed,
  // and the reader may scroll with the tip open: place it again each frame.
  let placing = false;
  window.addEventListener("scroll", function () {
    if (!tip || placing) { return; }
    placing = true;
    window.requestAnimationFrame(function () { placing = false; if (tip && tipOwner) { placeTip(tipOwner); } });
  }, { passive: true });

  // Quiz countdown: the server keeps the deadline; this only shows it.
  // Announced once to screen readers when 20% of the time is left.
  let timerHandle = null;
  function startCountdown() {
    const el = document.querySelector(".countdown[data-deadline]");
    if (timerHandle) { window.clearInterval(timerHandle); timerHandle = null; }
    if (!el) { return; }
    const deadline = Date.parse(el.getAttribute("data-deadline"));
    const started = Date.parse(el.getAttribute("data-started"));
    const total = Math.max(1, deadline - started);
    const timer = document.getElementById("timer");
    const announcer = document.getElementById("timer-announcer");
    let announced = false;
    function tick() {
      const left = deadline - Date.now();
      if (left <= 0) {
        el.textContent = gettext("time is up");
        window.clearInterval(timerHandle);
        // The server finishes the attempt on the next request after the grace period.
        window.setTimeout(function () { window.location.assign(el.getAttribute("data-expired-url")); }, 31000);
        if (announcer) { announcer.textContent = gettext("Time is up. Your saved answers are being submitted."); }
        return;
      }
      const seconds = Math.ceil(left / 1000);
      const m = Math.floor(seconds / 60);
      const s = seconds % 60;
      el.textContent = m + ":" + String(s).padStart(2, "0");
      if (!announced && left <= total * 0.2) {
        announced = true;
        if (timer) { timer.classList.add("is-low"); }
        if (announcer) {
          announcer.textContent = m > 0
            ? interpolate(ngettext("Time is running out: %s minute left.", "Time is running out: %s minutes left.", m), [m])
            : interpolate(ngettext("Time is running out: %s second left.", "Time is running out: %s seconds left.", seconds), [seconds]);
        }
      }
    }
    tick();
    timerHandle = window.setInterval(tick, 1000);
  }

  // A stale tab (409) and an answer the quiz cannot accept (400) come back as
  // the question with its message; htmx leaves 4xx responses unswapped unless told.
  document.addEventListener("htmx:beforeSwap", function (event) {
    const status = event.detail.xhr.status;
    if ((status === 400 || status === 409) && event.detail.target && event.detail.target.id === "question-panel") {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  // A save that fails (a server error, a dropped connection) must never look
  // saved: the status line says so, the answer stays on the page and the same
  // request is sent again after 1, 2, 4, then every 8 seconds until it works.
  // While the database is away the server answers 503 with Retry-After, and
  // no retry comes sooner than that (nor later than the longest step).
  // A client error (4xx) is not retried: sending it again would fail again.
  const RETRY_DELAYS = [1000, 2000, 4000, 8000];
  const LONGEST_DELAY = RETRY_DELAYS[RETRY_DELAYS.length - 1];
  function retryDelay(xhr) {
    const delay = RETRY_DELAYS[Math.min(failures, RETRY_DELAYS.length - 1)];
    const after = xhr ? parseInt(xhr.getResponseHeader("Retry-After") || "", 10) : NaN;
    return after > 0 ? Math.min(Math.max(delay, after * 1000), LONGEST_DELAY) : delay;
  }
  let retryHandle = null;
  let failures = 0;
  let unsaved = false;
  function quizForm(elt) {
    return elt instanceof Element ? elt.closest(".question-form") : null;
  }
  // The element that sent the request: once a new question has replaced it,
  // htmx reports the request's end on an ancestor still in the page instead.
  function requester(detail) {
    return detail.requestConfig && detail.requestConfig.elt ? detail.requestConfig.elt : detail.elt;
  }
  function sayUnsaved(text) {
    const status = document.getElementById("answer-status");
    if (status) {
      status.classList.add("is-unsaved");
      status.textContent = text;
    }
  }
  function replay(elt, submitter) {
    retryHandle = null;
    if (!document.contains(elt)) { return; }  // a newer page has replaced it
    const form = quizForm(elt);
    if (elt === form && typeof form.requestSubmit === "function") {
      form.requestSubmit(submitter && form.contains(submitter) ? submitter : undefined);
    } else if (!elt.disabled) {
      htmx.trigger(elt, "change");  // the fieldset posts the whole form again
    }
  }
  function onQuizRequestFailed(event) {
    const detail = event.detail || {};
    const elt = requester(detail);
    if (!quizForm(elt)) { return; }
    unsaved = true;
    const status = detail.xhr ? detail.xhr.status : 0;
    if (status >= 400 && status < 500) {
      sayUnsaved(gettext("Not saved: reload the page (you may have been signed out), then answer again."));
      return;
    }
    sayUnsaved(gettext("Not saved yet — retrying…"));
    const config = detail.requestConfig || {};
    const trigger = config.triggeringEvent;
    const submitter = trigger && trigger.submitter ? trigger.submitter : null;
    window.clearTimeout(retryHandle);
    const delay = retryDelay(detail.xhr);
    failures += 1;
    retryHandle = window.setTimeout(function () { replay(elt, submitter); }, delay);
  }
  document.addEventListener("htmx:responseError", onQuizRequestFailed);
  document.addEventListener("htmx:sendError", onQuizRequestFailed);
  document.addEventListener("htmx:afterRequest", function (event) {
    if (!event.detail || !event.detail.successful || !quizForm(requester(event.detail))) { return; }
    const retried = unsaved;
    window.clearTimeout(retryHandle);
    retryHandle = null;
    failures = 0;
    unsaved = false;
    const status = document.getElementById("answer-status");
    if (status) {
      status.classList.remove("is-unsaved");
      // A retried move to another question brings no status of its own: say
      // the wait is over rather than leave the line blank.
      if (retried && !status.textContent.trim()) { status.textContent = gettext("Saved."); }
    }
  });
  // Leaving while an answer is unsaved would lose it: let the browser ask first.
  window.addEventListener("beforeunload", function (event) {
    if (unsaved) { event.preventDefault(); }
  });

  document.addEventListener("DOMContentLoaded", startCountdown);
  // After htmx swaps in a new question, move focus to its heading so keyboard
  // and screen-reader users continue from the question they are on.
  document.addEventListener("htmx:load", function (event) {
    if (event.detail && event.detail.elt && event.detail.elt.id === "question-panel") {
      const heading = document.getElementById("question-heading");
      if (heading) { heading.focus(); }
      startCountdown();
    }
  });
})();
