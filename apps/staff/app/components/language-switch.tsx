import { languages } from '@crm/i18n';
import { Button, Group } from '@mantine/core';
import { useLocation } from '@remix-run/react';
import { useLanguage, useT } from '../utils/i18n';
import { ActionForm } from './action-form';

// A plain POST form: it works before (or without) JavaScript, and the action
// sends the user back to the page they were on. Signed in, the choice is also
// saved as the user's preference (routes/language.ts).
export function LanguageSwitch({ size = 'xs', testId = 'language' }: { size?: 'xs' | 'sm'; testId?: string }) {
  const t = useT();
  const current = useLanguage();
  const location = useLocation();

  return (
    <ActionForm action="/language" aria-label={t('language.switch')} data-testid={`${testId}-switch`}>
      <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
      <Group gap={4} wrap="nowrap" role="group" aria-label={t('language.switch')}>
        {languages.map((lang) => (
          <Button
            key={lang}
            type="submit"
            name="lang"
            value={lang}
            size={size}
            variant={lang === current ? 'filled' : 'subtle'}
            aria-pressed={lang === current}
            // The visible text is the accessible name (WCAG 2.5.3); the full name as a tooltip.
            title={t(`language.${lang}`)}
            lang={lang}
            data-testid={`${testId}-${lang}`}
          >
            {size === 'xs' ? t(`language.${lang}.short`) : t(`language.${lang}`)}
          </Button>
        ))}
      </Group>
    </ActionForm>
  );
}
