import { Injectable } from '@nestjs/common';
import { subject } from '@crm/authz';
import type { SaveViewInput, SavedViewList } from '@crm/contracts';
import { AuditService, BadUserInputException, ForbiddenException, NotFoundException, type RequestContext } from '@crm/platform';
import { DataSource } from 'typeorm';
import { SavedViewRepository, type SavedViewRow } from './saved-view.repository';

/**
 * Saved views of the lists (decision 025): a person's own to create, change and
 * delete; shared ones readable by everyone of the owner's role; ADMIN manages all.
 * Every change is audited (name, list, shared; the state's parameters are filters,
 * and a search text in them is masked).
 */
@Injectable()
export class SavedViewService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly views: SavedViewRepository,
    private readonly audit: AuditService,
  ) {}

  list(ctx: RequestContext, list: SavedViewList): Promise<SavedViewRow[]> {
    return this.views.list(ctx.ability, ctx.actor!.id, list);
  }

  async save(ctx: RequestContext, input: SaveViewInput): Promise<SavedViewRow> {
    const actor = ctx.actor!;
    const id = await this.dataSource.transaction(async (manager) => {
      const before = input.id ? await this.views.find(ctx.ability, input.id, manager) : null;
      if (input.id && !before) throw new NotFoundException('Saved view');
      if (before && (before.list !== input.list || !ctx.ability.can('update', subject('SavedView', { ...before })))) throw new ForbiddenException();
      if (!before && !ctx.ability.can('create', subject('SavedView', { ownerId: actor.id, ownerRole: actor.role, shared: input.shared }))) {
        throw new ForbiddenException();
      }
      const ownerId = before?.ownerId ?? actor.id;
      if (await this.views.nameTaken(manager, ownerId, input.list, input.name, before?.id ?? null)) {
        throw new BadUserInputException([{ path: ['input', 'name'], code: 'viewNameTaken' }]);
      }
      const view = { name: input.name, shared: input.shared, state: input.state };
      const id = before ? before.id : await this.views.insert(manager, { ...view, ownerId, ownerRole: actor.role, list: input.list });
      if (before) await this.views.update(manager, before.id, view);
      await this.audit.record(manager, ctx, {
        action: before ? 'savedView.update' : 'savedView.create',
        subjectType: 'SavedView',
        subjectId: id,
        before: before ? auditState(before) : null,
        after: auditState({ ...view, list: input.list }),
      });
      return id;
    });
    return (await this.views.find(ctx.ability, id))!;
  }

  async delete(ctx: RequestContext, id: string): Promise<boolean> {
    await this.dataSource.transaction(async (manager) => {
      const view = await this.views.find(ctx.ability, id, manager);
      if (!view) throw new NotFoundException('Saved view');
      if (!ctx.ability.can('archive', subject('SavedView', { ...view }))) throw new ForbiddenException();
      await this.views.delete(manager, id);
      await this.audit.record(manager, ctx, { action: 'savedView.delete', subjectType: 'SavedView', subjectId: id, before: auditState(view), after: null });
    });
    return true;
  }
}

/** What the audit log keeps of a view: its name, list, sharing and filters (a search text masked). */
function auditState(view: Pick<SavedViewRow, 'name' | 'list' | 'shared' | 'state'>): Record<string, unknown> {
  const { search, q, ...params } = view.state.params;
  const masked = { ...params, ...(search ? { search: '•••' } : {}), ...(q ? { q: '•••' } : {}) };
  return { name: view.name, list: view.list, shared: view.shared, params: masked, hidden: view.state.hidden };
}
