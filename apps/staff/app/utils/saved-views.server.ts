import { SavedViewsDocument, type SavedViewList, type SavedViewsQuery } from '@crm/staff-graphql';
import { gql } from './graphql.server';
import { hiddenColumns, type ColumnList } from './list-columns.server';
import { abilityFor, type Viewer } from './viewer';

export type SavedView = SavedViewsQuery['savedViews'][number] & { params: Record<string, string>; hidden: string[] };

/** The URL parameters a view remembers: the list's filters and order, not paging nor the view itself. */
export function viewParams(params: URLSearchParams): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of params) if (!['after', 'view', 'viewProblem'].includes(name) && value !== '') kept[name] = value;
  return kept;
}

/**
 * The saved views of `list` the viewer may use (decision 025), the one the URL opened
 * (`?view=`), and the columns to hide: the open view's, else the viewer's own choice.
 */
export async function listViews(request: Request, viewer: Viewer, list: SavedViewList, params: URLSearchParams) {
  const columnList = list as ColumnList;
  const [views, remembered] = await Promise.all([
    abilityFor(viewer).can('read', 'SavedView') ? gql(SavedViewsDocument, { list }, { request }).then((data) => data.savedViews) : Promise.resolve([]),
    list === 'outreach' ? Promise.resolve([]) : hiddenColumns(request, viewer.id, columnList),
  ]);
  const saved: SavedView[] = views.map((view) => {
    const state = (view.state ?? {}) as { params?: Record<string, string>; hidden?: string[] };
    return { ...view, params: state.params ?? {}, hidden: state.hidden ?? [] };
  });
  const current = saved.find((view) => view.id === params.get('view')) ?? null;
  return { savedViews: saved, currentView: current?.id ?? null, hidden: current ? current.hidden : remembered };
}
