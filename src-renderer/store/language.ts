import { useSyncExternalStore } from 'react';
import { t } from '../../src-main/locale/app';
import { call } from '../api/client';
import { getLanguage, isLanguage, onLanguageChange, setLanguage, type Language } from '../../src-main/locale/language';
import { dataChanged } from './dataVersion';

/** Where the chosen language is remembered between runs (only this key of the UI persists). */
export const LANGUAGE_STORAGE_KEY = 'qunxi.language';

function readSaved(): string | null {
  try {
    return localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    return null; // storage blocked: the default language
  }
}

/** The page and the Node side (messages, exported headers, the menu) follow the current language. */
function apply(): Promise<unknown> {
  document.documentElement.lang = getLanguage();
  document.title = t.windowTitle;
  // Best effort: a Node side that cannot follow keeps writing Chinese, the page still switches.
  return call('app:setLanguage', { language: getLanguage() });
}

/** Applies the remembered language before the first render: the text tables, `<html lang>`, the title. */
export function initLanguage(): void {
  const saved = readSaved();
  if (isLanguage(saved)) setLanguage(saved);
  void apply();
}

/** Switches the UI to `language` and remembers it; the app re-renders through {@link useLanguage}. */
export function chooseLanguage(language: Language): void {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // not remembered, still switched
  }
  setLanguage(language);
  // Answers the Node side labelled (import kinds and their fields, quadrant types, survival curves …)
  // are asked again once it speaks the new language.
  void apply().then(dataChanged);
}

/** The current language; a component using it re-renders on every switch. */
export function useLanguage(): Language {
  return useSyncExternalStore(onLanguageChange, getLanguage);
}
