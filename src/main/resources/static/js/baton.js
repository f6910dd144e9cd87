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
// keyboard or screen-reader user lands on what to correct; once only, so that a later swap
// elsewhere on the page (the panel proposed while someone types in the next field) never takes
// the focus back to a summary already read.
function focusErrorSummary(root) {
  const summary = root.querySelector(".error-summary[tabindex]:not([data-shown])");
  if (summary) {
    summary.dataset.shown = "true";
    nameFieldsIn(summary);
    summary.focus();
  }
}

// Each line of an error summary names its field by the field's label ("Up to: Enter a number"),
// so that a message read on its own still says where the problem is.
function nameFieldsIn(summary) {
  summary.querySelectorAll("a[href^='#']").forEach((link) => {
    const label = document.querySelector("label[for='" + CSS.escape(link.hash.slice(1)) + "']");
    const name = label && label.textContent.trim();
    if (name && !link.dataset.named && !link.textContent.includes(name)) {
      link.dataset.named = "true";
      link.textContent = name + ": " + link.textContent;
    }
  });
}
document.addEventListener("DOMContentLoaded", () => focusErrorSummary(document));
// A form whose answer htmx swapped in (the check) was accepted: the messages its fields showed
// from an earlier, refused try are stale, so they go (a refused try re-renders the whole page).
document.addEventListener("htmx:afterSwap", (event) => {
  const form = event.detail && event.detail.requestConfig && event.detail.requestConfig.elt;
  if (!form || !form.closest) {
    return;
  }
  const sent = form.closest("form");
  const target = event.detail.target;
  if (!sent || !sent.isConnected || sent.getAttribute("hx-target") !== "#answer"
      || !target || target.id !== "answer") {
    return;
  }
  sent.querySelectorAll(".field.invalid").forEach((field) => field.classList.remove("invalid"));
  sent.querySelectorAll("p.error").forEach((message) => message.remove());
  sent.querySelectorAll("[aria-invalid]").forEach((input) => {
    input.removeAttribute("aria-invalid");
    input.removeAttribute("aria-describedby");
  });
});
document.addEventListener("htmx:afterSwap", (event) => {
  // Only after the person's own request: a live update (SSE) has no request, may carry no target,
  // and must never take the focus from what someone is typing.
  const target = event.detail && event.detail.target;
  if (event.detail && event.detail.requestConfig && target && target.querySelector) {
    // an outerHTML swap replaces the target itself: look in the page it left behind
    focusErrorSummary(target.isConnected ? target : document);
  }
});

// Chips: a comma-separated list field (input[data-chips]) shows each entry as a chip one can
// remove, with a box to add more, chosen from its list (names shown, codes sent). What is sent
// stays the one text field, so without scripts the list is simply typed, as before.
function chipsFor(input) {
  if (input.dataset.chipped) {
    return;
  }
  input.dataset.chipped = "true";
  const list = input.list; // kept: the field gives its list to the box that adds
  const options = () => (list ? Array.from(list.options) : []);
  const find = (text) =>
    options().find((o) =>
      [o.value, o.label, o.textContent].some(
        (s) => s && s.trim().toLowerCase() === text.trim().toLowerCase()
      )
    );
  const values = () =>
    input.value
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  const entry = document.createElement("input");
  entry.type = "text";
  entry.autocomplete = "off";
  entry.className = "chip-entry";
  entry.id = input.id;
  input.id = input.id + "-value";
  if (list) {
    entry.setAttribute("list", list.id);
  }
  for (const name of ["aria-invalid", "aria-describedby", "placeholder"]) {
    if (input.hasAttribute(name)) {
      entry.setAttribute(name, input.getAttribute(name));
    }
  }
  const chips = document.createElement("ul");
  chips.className = "chips";
  chips.id = entry.id + "-chips";
  input.type = "hidden";
  input.removeAttribute("list");
  input.after(chips, entry);
  const changed = () => input.dispatchEvent(new Event("change", { bubbles: true }));
  const set = (list) => {
    input.value = list.join(", ");
    render();
    changed();
  };
  const add = (text) => {
    const now = values();
    text
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean)
      .forEach((typed) => {
        const option = find(typed);
        const value = option ? option.value : typed;
        if (!now.includes(value)) {
          now.push(value);
        }
      });
    entry.value = "";
    set(now);
  };
  function render() {
    chips.replaceChildren(
      ...values().map((value) => {
        const option = find(value);
        const text = option ? option.label || option.textContent.trim() || value : value;
        const chip = document.createElement("li");
        chip.textContent = text;
        const remove = document.createElement("button");
        remove.type = "button";
        remove.className = "chip-remove";
        remove.textContent = "×";
        remove.setAttribute("aria-label", "Remove " + text);
        remove.addEventListener("click", () => {
          set(values().filter((v) => v !== value));
          entry.focus();
        });
        chip.append(remove);
        return chip;
      })
    );
  }
  entry.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      // Enter adds what was typed; it never sends the form from the box that adds
      event.preventDefault();
      if (entry.value.trim()) {
        add(entry.value);
      }
    } else if (event.key === "," && entry.value.trim()) {
      event.preventDefault();
      add(entry.value);
    } else if (event.key === "Backspace" && !entry.value && values().length) {
      set(values().slice(0, -1));
    }
  });
  entry.addEventListener("input", (event) => {
    if (entry.value.includes(",")) {
      // typed or pasted with commas: everything before the last comma becomes chips
      const parts = entry.value.split(",");
      const rest = parts.pop();
      add(parts.join(","));
      entry.value = rest.trimStart();
    } else if (event.inputType === "insertReplacementText" && find(entry.value)) {
      add(entry.value); // chosen from the list
    }
  });
  entry.addEventListener("change", () => {
    if (entry.value.trim()) {
      add(entry.value);
    }
  });
  if (input.form) {
    input.form.addEventListener("submit", () => entry.value.trim() && add(entry.value), true);
  }
  render();
}
function enhanceChips(root) {
  root.querySelectorAll("input[data-chips]").forEach(chipsFor);
}
document.addEventListener("DOMContentLoaded", () => enhanceChips(document));
document.addEventListener("htmx:load", (event) => event.detail && event.detail.elt && event.detail.elt.querySelectorAll && enhanceChips(event.detail.elt));
