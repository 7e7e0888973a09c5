import { initAll } from '/assets/govuk-frontend.min.js';
initAll();

// GOV.UK Frontend marks a radio or checkbox that reveals a follow-up question with aria-expanded,
// which ARIA does not allow on those roles (axe: aria-allowed-attr). The question appears right
// after the choice, where a screen reader reads it next, so the attribute is taken off again
// whenever the component sets it (its own listeners run before this one, on the way up).
const unexpand = () => {
  for (const input of document.querySelectorAll('.govuk-radios__input[aria-expanded], .govuk-checkboxes__input[aria-expanded]')) {
    input.removeAttribute('aria-expanded');
  }
};
unexpand();
document.addEventListener('click', unexpand);
document.addEventListener('change', unexpand);
window.addEventListener('pageshow', unexpand);

// People pickers (platform/views/people-picker.njk): without JavaScript, "Search" sends the form
// back with the matches; here the matches appear as you type, from the list the page carries, and
// the count is read out by screen readers (the status line is aria-live). A ticked match joins the
// chosen list, so typing another name does not lose it.
const fold = (text) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’`]/g, '')
    .toLowerCase();
const matches = (name, query) => {
  const words = fold(name).split(/[\s-]+/);
  const typed = fold(query).split(/[\s-]+/).filter(Boolean);
  return typed.length > 0 && typed.every((t) => words.some((w) => w.startsWith(t)));
};
for (const picker of document.querySelectorAll('[data-picker]')) {
  const name = picker.dataset.picker;
  const noun = picker.dataset.noun;
  const people = JSON.parse(picker.querySelector('.app-picker__people').textContent);
  const query = picker.querySelector('.app-picker__query');
  const group = picker.querySelector('.app-picker__group');
  const results = picker.querySelector('.app-picker__results');
  const chosen = picker.querySelector('.app-picker__chosen');
  const status = document.getElementById(`${name}-status`);
  const chosenCount = document.getElementById(`${name}-chosen-count`);
  const countChosen = () => {
    const n = picker.querySelectorAll('input[type=checkbox]:checked').length;
    chosenCount.textContent = n ? `${n} chosen. Untick anyone you did not mean.` : `No ${noun} chosen yet.`;
  };
  const item = ([id, label, where]) => {
    const div = document.createElement('div');
    div.className = 'govuk-checkboxes__item';
    const input = document.createElement('input');
    Object.assign(input, { className: 'govuk-checkboxes__input', id: `${name}-${id}`, name, type: 'checkbox', value: id });
    const text = document.createElement('label');
    text.className = 'govuk-label govuk-checkboxes__label';
    text.htmlFor = input.id;
    text.textContent = label;
    if (where) {
      const hint = document.createElement('span');
      hint.className = 'govuk-hint govuk-!-display-inline';
      hint.textContent = ` (${where})`;
      text.append(hint);
    }
    div.append(input, text);
    return div;
  };
  let timer;
  const search = () => {
    // Ticked matches join the chosen list before the next search replaces the matches (not at once, so focus stays put).
    for (const ticked of results.querySelectorAll('input:checked')) chosen.append(ticked.closest('.govuk-checkboxes__item'));
    const q = query.value.trim();
    const g = group ? group.value : '';
    const taken = new Set([...chosen.querySelectorAll('input')].map((i) => i.value));
    const found = q || g ? people.filter(([id, label, where]) => !taken.has(id) && (!g || where === g) && (!q || matches(label, q))) : [];
    results.replaceChildren(...found.slice(0, 50).map(item));
    clearTimeout(timer);
    // A moment's pause before the count is announced, so a screen reader is not interrupted at every key.
    timer = setTimeout(() => {
      status.textContent = !q && !g ? '' : found.length === 0 ? `No ${noun} found.` : found.length > 50 ? `${found.length} found; the first 50 are shown. Type more of the name.` : `${found.length} found. Tick the ones to add.`;
    }, 400);
  };
  query.addEventListener('input', search);
  group?.addEventListener('change', search);
  // Enter in the search box searches here rather than sending the whole form.
  query.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      search();
    }
  });
  results.addEventListener('change', countChosen);
  chosen.addEventListener('change', countChosen);
}
