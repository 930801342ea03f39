// Form controls shared by the pages. Each has a visible label and works from the keyboard;
// a change calls back once (on `change`, not on every `input`) so that each change is one
// history entry.
import { h, uid } from './dom.js';
import { t } from './i18n.js';

// Two range sliders (from, to) with their values shown; onChange([from, to]).
export function yearRange({ min, max, value, onChange }) {
  const [from, to] = value;
  const output = h('output', { class: 'years-output', 'aria-live': 'polite' }, `${from}–${to}`);
  const slider = (name, current, label) => {
    const id = uid(name);
    const input = h('input', {
      id, type: 'range', min, max, step: 1, value: current, name, class: `year-${name}`,
      'aria-valuetext': String(current),
    });
    input.addEventListener('input', () => {
      input.setAttribute('aria-valuetext', input.value);
      output.textContent = `${from_input().value}–${to_input().value}`;
    });
    input.addEventListener('change', () => {
      let a = Number(from_input().value);
      let b = Number(to_input().value);
      if (a > b) [a, b] = name === 'from' ? [a, a] : [b, b];
      onChange([a, b]);
    });
    return h('span', { class: 'year-slider' }, h('label', { for: id }, label), input);
  };
  const from_wrap = slider('from', from, t('year_from'));
  const to_wrap = slider('to', to, t('year_to'));
  const from_input = () => from_wrap.querySelector('input');
  const to_input = () => to_wrap.querySelector('input');
  return h('fieldset', { class: 'control year-range' }, h('legend', {}, t('years')), from_wrap, to_wrap, output);
}

// A labelled text input inside a form; onSubmit(value) on Enter or the button.
export function textForm({ label, value = '', onSubmit, name, placeholder }) {
  const id = uid(name || 'text');
  const input = h('input', { id, type: 'text', name, value, placeholder, autocomplete: 'off' });
  return h('form', {
    class: 'control text-form', role: 'search',
    onsubmit: (event) => {
      event.preventDefault();
      onSubmit(input.value.trim());
    },
  }, h('label', { for: id }, label), input, h('button', { type: 'submit' }, t('apply')));
}

// A labelled select; options [{value, label}]; onChange(value).
export function select({ label, value, options, onChange, name }) {
  const id = uid(name || 'select');
  const element = h('select', { id, name, onchange: () => onChange(element.value) },
    options.map((o) => h('option', { value: o.value, selected: o.value === value ? true : null }, o.label)));
  return h('span', { class: 'control' }, h('label', { for: id }, label), element);
}

export function controlBar(...controls) {
  return h('div', { class: 'controls' }, controls);
}
