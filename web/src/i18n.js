// Message catalogs (en, tr, kk, ru) and the current language. t(key, vars) fills
// {placeholders}; a key missing from a catalog falls back to English, then to the key.
import en from './i18n/en.json';
import tr from './i18n/tr.json';
import kk from './i18n/kk.json';
import ru from './i18n/ru.json';

export const CATALOGS = { en, tr, kk, ru };
export const LANG_NAMES = { en: 'English', tr: 'Türkçe', kk: 'Қазақша', ru: 'Русский' };

let current = 'en';

export function setLang(lang) {
  current = CATALOGS[lang] ? lang : 'en';
  document.documentElement.lang = current;
}

export function getLang() {
  return current;
}

export function t(key, vars = {}) {
  const text = CATALOGS[current][key] ?? en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in vars ? String(vars[name]) : whole));
}

export function formatNumber(value, digits = 1) {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value !== 'number') return String(value);
  return new Intl.NumberFormat(current, { maximumFractionDigits: digits }).format(value);
}

export function formatShare(value) {
  if (typeof value !== 'number') return '';
  return new Intl.NumberFormat(current, { style: 'percent', maximumFractionDigits: 1 }).format(value);
}

// A relative change as a signed percentage: 0.25 -> "+25%", -0.5 -> "-50%".
export function formatChange(value) {
  if (typeof value !== 'number') return '';
  return new Intl.NumberFormat(current, { style: 'percent', maximumFractionDigits: 0, signDisplay: 'exceptZero' }).format(value);
}

// "arms exports of …" -> "Arms exports of …" (a message that starts with a lower-case
// word when it opens a heading or a sentence).
export function capitalise(text) {
  const value = String(text);
  return value.charAt(0).toLocaleUpperCase(current) + value.slice(1);
}
