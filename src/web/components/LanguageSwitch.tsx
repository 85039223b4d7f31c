/** Svenska / English – remembered in localStorage, mirrored to <html lang>. */
import { Button } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, currentLanguage, setLanguage } from '../i18n/index.ts';

export function LanguageSwitch() {
  const { t } = useTranslation();
  const active = currentLanguage();
  return (
    <div className='language-switch' role='group' aria-label={t('language.label')}>
      {LANGUAGES.map((language) => (
        <Button
          key={language}
          lang={language}
          data-size='sm'
          variant={language === active ? 'secondary' : 'tertiary'}
          aria-pressed={language === active}
          onClick={() => void setLanguage(language)}
        >
          {t(`language.${language}`)}
        </Button>
      ))}
    </div>
  );
}
