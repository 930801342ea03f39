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
