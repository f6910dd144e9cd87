// Marks that scripts run, so that the phone's menu starts closed (without them it stays open).
document.documentElement.classList.add("js");

// The menu button on a phone opens and closes the main navigation.
document.addEventListener("click", (event) => {
  const button = event.target.closest(".menu-button");
  if (button) {
    const open = button.closest(".site-header").classList.toggle("menu-open");
    button.setAttribute("aria-expanded", String(open));
  }
});

// Asks before a destructive form is sent. Without JavaScript the form still works.
document.addEventListener("submit", (event) => {
  const form = event.target.closest("form[data-confirm]");
  if (form && !window.confirm(form.dataset.confirm)) {
    event.preventDefault();
  }
});

// A form's error summary takes the focus when it appears (on load, or swapped in by htmx), so a
// keyboard or screen-reader user lands on what to correct.
function focusErrorSummary(root) {
  const summary = root.querySelector(".error-summary[tabindex]");
  if (summary) {
    summary.focus();
  }
}
document.addEventListener("DOMContentLoaded", () => focusErrorSummary(document));
document.addEventListener("htmx:afterSwap", (event) => {
  // Only after the person's own request: a live update (SSE) has no request, may carry no target,
  // and must never take the focus from what someone is typing.
  const root = event.detail && event.detail.target;
  if (event.detail && event.detail.requestConfig && root && root.querySelector) {
    focusErrorSummary(root);
  }
});
