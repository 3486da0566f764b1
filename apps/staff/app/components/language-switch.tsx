import { languages } from '@crm/i18n';
import { Button, Group } from '@mantine/core';
import { Form, useLocation } from '@remix-run/react';
import { useLanguage, useT } from '../utils/i18n';

// A plain POST form: it works before (or without) JavaScript, and the action
// sends the user back to the page they were on.
export function LanguageSwitch() {
  const t = useT();
  const current = useLanguage();
  const location = useLocation();

  return (
    <Form method="post" action="/language" aria-label={t('language.switch')} data-testid="language-switch">
      <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
      <Group gap={4} wrap="nowrap" role="group" aria-label={t('language.switch')}>
        {languages.map((lang) => (
          <Button
            key={lang}
            type="submit"
            name="lang"
            value={lang}
            size="xs"
            variant={lang === current ? 'filled' : 'subtle'}
            aria-pressed={lang === current}
            aria-label={t(`language.${lang}`)}
            lang={lang}
            data-testid={`language-${lang}`}
          >
            {t(`language.${lang}.short`)}
          </Button>
        ))}
      </Group>
    </Form>
  );
}
