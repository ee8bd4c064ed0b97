import { t } from '../../src-main/locale/app';
import { isLanguage, languageNames, languages } from '../../src-main/locale/language';
import { chooseLanguage, useLanguage } from '../store/language';
import './LanguageSelect.css';

/** The 中文 / English switch of the top bar and the start screen. */
export function LanguageSelect() {
  const language = useLanguage();
  return (
    <select
      className="language-select"
      data-testid="language-select"
      aria-label={t.top.language}
      title={t.top.language}
      value={language}
      onChange={(e) => isLanguage(e.target.value) && chooseLanguage(e.target.value)}
    >
      {languages.map((l) => (
        <option key={l} value={l}>
          {languageNames[l]}
        </option>
      ))}
    </select>
  );
}
