import { defaultLanguage, translator, type Language, type Translate } from '@crm/i18n';
import { useRouteLoaderData } from '@remix-run/react';
import type { loader as rootLoader } from '../root';

// The language chosen for this request, as the root loader worked it out. The
// root error boundary may render without loader data: English then.
export function useLanguage(): Language {
  return useRouteLoaderData<typeof rootLoader>('root')?.lang ?? defaultLanguage;
}

// `const t = useT(); t('nav.dashboard')`: every string shown comes from here.
export function useT(): Translate {
  return translator(useLanguage());
}
