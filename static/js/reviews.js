// The review page's keys, as progressive enhancement: every control is a
// plain form that works without this file.
(function () {
  "use strict";

  const card = document.getElementById("card");
  if (!card) { return; }

  // After "Show answer" or a rating the page is new: start at the card, so a
  // screen reader reads it and Tab reaches its buttons first.
  if (card.hasAttribute("data-focus")) { card.focus(); }

  const hint = card.querySelector(".review-keys");
  if (hint) { hint.hidden = false; }

  let sent = false;
  // A page restored by Back (bfcache) takes keys again.
  window.addEventListener("pageshow", function () { sent = false; });
  document.addEventListener("keydown", function (event) {
    if (sent || event.altKey || event.ctrlKey || event.metaKey || event.repeat) { return; }
    const target = event.target;
    if (target instanceof HTMLElement && target.closest("input, textarea, select, [contenteditable]")) {
      return;
    }
    let button = null;
    if (/^[1-4]$/.test(event.key)) {
      button = card.querySelector('.review-ratings button[name="rating"][value="' + event.key + '"]');
    } else if (event.key === " " && target === card) {
      button = document.getElementById("show-answer");
    }
    if (!button) { return; }
    event.preventDefault();
    // One submission per page, so a key held or pressed twice rates once.
    sent = true;
    button.form.requestSubmit(button);
  });
})();
