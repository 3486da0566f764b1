import type { SavedViewList } from '@crm/staff-graphql';
import { Button, Checkbox, Group, Paper, Stack, TextInput } from '@mantine/core';
import { Link, useLocation } from '@remix-run/react';
import { useT } from '../utils/i18n';
import { messageText } from '../utils/messages';
import { useViewer } from '../utils/root-data';
import { ActionForm } from './action-form';

/** A saved view as the list's loader gives it (utils/saved-views.server.ts). */
export interface ListSavedView {
  id: string;
  name: string;
  shared: boolean;
  ownerId: string;
  ownerName: string;
  params: Record<string, string>;
}

type Saved = { list: SavedViewList; views: readonly ListSavedView[]; current: string | null; hidden: readonly string[] };

/**
 * The views of a list above its filters (decision 025): everyone's records in the
 * viewer's scope, "Mine" when the list has owners (`?mine=1`: the records they own, the outreach they
 * logged or follow up), and the saved views (`?view=`), each a link, so they work
 * before JavaScript. "Save view" keeps the list as it is now (filters, order,
 * columns) under a name, for the viewer or their team.
 */
export function ListViews({ mine, testId, saved }: { mine?: boolean; testId: string; saved?: Saved }) {
  const t = useT();
  const viewer = useViewer();
  const { pathname, search } = useLocation();
  const current = new URLSearchParams(search);
  const problem = current.get('viewProblem');
  const inView = saved?.current ?? null;
  // Between "All" and "Mine" the filters stay; leaving a saved view leaves its filters too.
  const all = new URLSearchParams(inView ? '' : current);
  for (const name of ['mine', 'after', 'view', 'viewProblem']) all.delete(name);
  const own = new URLSearchParams(all);
  own.set('mine', '1');
  const href = (params: URLSearchParams) => (params.size ? `${pathname}?${params}` : pathname);
  const open = saved?.views.find((view) => view.id === inView);
  const tab = (active: boolean) => ({ variant: active ? 'light' : 'subtle', size: 'sm', 'aria-current': active ? ('page' as const) : undefined });
  return (
    <Group justify="space-between" align="flex-start" gap="xs">
      <Group component="nav" aria-label={t('list.views')} gap={4} data-testid={testId}>
        <Button component={Link} to={href(all)} {...tab(!mine && !inView)} data-testid="view-all">
          {t('list.view.all')}
        </Button>
        {mine === undefined ? null : (
          <Button component={Link} to={href(own)} {...tab(mine && !inView)} data-testid="view-mine">
            {t('list.view.mine')}
          </Button>
        )}
        {saved?.views.map((view) => (
          <Button
            key={view.id}
            component={Link}
            to={`${pathname}?${new URLSearchParams({ ...view.params, view: view.id })}`}
            {...tab(view.id === inView)}
            title={view.shared && view.ownerId !== viewer?.id ? t('list.view.sharedBy', { name: view.ownerName }) : undefined}
            data-testid="saved-view"
            data-name={view.name}
          >
            {view.name}
          </Button>
        ))}
      </Group>
      {saved ? (
        <Group gap="xs" align="flex-start">
          {open && open.ownerId === viewer?.id ? (
            <ActionForm action="/saved-views" reloadDocument>
              <input type="hidden" name="intent" value="delete" />
              <input type="hidden" name="list" value={saved.list} />
              <input type="hidden" name="id" value={open.id} />
              <input type="hidden" name="query" value={search.replace(/^\?/, '')} />
              <Button type="submit" variant="subtle" color="red.8" size="sm" data-testid="delete-view">
                {t('list.view.delete')}
              </Button>
            </ActionForm>
          ) : null}
          <details className="column-chooser" open={Boolean(problem)} data-testid="save-view">
            <summary>{t('list.view.save')}</summary>
            <Paper withBorder shadow="sm" p="sm" className="column-chooser-panel">
              <ActionForm action="/saved-views" reloadDocument>
                <input type="hidden" name="intent" value="save" />
                <input type="hidden" name="list" value={saved.list} />
                <input type="hidden" name="query" value={search.replace(/^\?/, '')} />
                <input type="hidden" name="hidden" value={saved.hidden.join(',')} />
                <Stack gap="xs">
                  <TextInput
                    name="name"
                    label={t('list.view.name')}
                    required
                    maxLength={80}
                    error={problem ? messageText(t, problem) : undefined}
                    data-testid="view-name"
                  />
                  <Checkbox name="shared" value="1" label={t('list.view.shared')} data-testid="view-shared" />
                  <Button type="submit" size="xs" data-testid="save-view-submit">
                    {t('list.view.save')}
                  </Button>
                </Stack>
              </ActionForm>
            </Paper>
          </details>
        </Group>
      ) : null}
    </Group>
  );
}
