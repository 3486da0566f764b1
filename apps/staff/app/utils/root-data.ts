import type { AppAbility } from '@crm/authz';
import { useRouteLoaderData } from '@remix-run/react';
import { useMemo } from 'react';
import type { loader as rootLoader } from '../root';
import { abilityFor, type Viewer } from './viewer';

// What the root loader knows on every page. The root error boundary may render
// without it (when the root loader itself failed): signed out, English, no token.
export function useRootData() {
  return useRouteLoaderData<typeof rootLoader>('root');
}

export function useViewer(): Viewer | null {
  return useRootData()?.viewer ?? null;
}

// The shared ability, for showing only what the role may use; the server checks again.
export function useAbility(): AppAbility {
  const viewer = useViewer();
  return useMemo(() => abilityFor(viewer), [viewer]);
}

export function useCsrfToken(): string {
  return useRootData()?.csrfToken ?? '';
}
