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
