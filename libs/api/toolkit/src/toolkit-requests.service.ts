import { randomBytes } from 'node:crypto';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { subject, toolkitRequestSteps } from '@crm/authz';
import {
  encodeProblem,
  toolkitSteps,
  toolkitStepTarget,
  type BulkToolkitRequestInput,
  type CreateToolkitRequestInput,
  type Language,
  type MoveToolkitRequestInput,
  type PublicToolkitRequestInput,
  type ShipToolkitBatchInput,
  type ToolkitRequestFilter,
} from '@crm/contracts';
import { CampaignMetrics } from '@crm/campaigns';
import { AuditSubjects, MemberContactsService, OwnerOptionsService } from '@crm/identity';
import { translate } from '@crm/i18n';
import { composeMail, MailService, type MailTemplate } from '@crm/mail';
import { OrganizationsService, type OrganizationRow } from '@crm/organizations';
import {
  APP_CONFIG,
  BadUserInputException,
  DomainException,
  ForbiddenException,
  NotFoundException,
  type AppConfig,
  type FieldProblemInput,
  type RequestContext,
} from '@crm/platform';
import { RecordWriter } from '@crm/records';
import { TimelineSubjects } from '@crm/timeline';
import type { EntityManager } from 'typeorm';
import { CatalogueService } from './catalogue.service';
import { toolkitAssignedMail, toolkitConfirmationMail, toolkitShippedMail } from './mail/toolkit-mail';
import { duplicateWindowMinutes, requestFingerprint } from './public-request-limits';
import { stepEntries, toolkitRequestKind } from './toolkit.kinds';
import { ToolkitRequestRepository } from './toolkit-request.repository';
import { isStocked, type NewToolkitRequest, type ToolkitItemRow, type ToolkitRequestRow, type ToolkitRequestValues } from './toolkit.rows';

export type ToolkitBatchWait = { id: string; reference: string; code: string; problem: string | null };

// A bulk request reaches at most this many organizations at once (the coalition has ~200 members).
const bulkLimit = 500;

// Updates write their own step entries (`toolkitRequest.shipped`), not the generic `toolkitRequest.updated`.
const stepKind = { ...toolkitRequestKind, timeline: () => ({ subjects: [], prefix: 'toolkitRequest' }) };

@Injectable()
export class ToolkitRequestsService implements OnModuleInit {
  constructor(
    private readonly requests: ToolkitRequestRepository,
    private readonly catalogue: CatalogueService,
    private readonly organizations: OrganizationsService,
    private readonly owners: OwnerOptionsService,
    private readonly contacts: MemberContactsService,
    private readonly mail: MailService,
    private readonly writer: RecordWriter,
    private readonly timelineSubjects: TimelineSubjects,
    private readonly auditSubjects: AuditSubjects,
    private readonly metrics: CampaignMetrics,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.timelineSubjects.register('ToolkitRequest', {
      ruleFields: (ctx, id) => this.requests.findVisible(ctx.ability, id),
      visibleIds: (ctx, ids) => this.requests.visibleIds(ctx.ability, ids),
    });
    // Requests belong to no campaign: those sent while it runs count towards its goal.
    this.metrics.register('toolkitsDistributed', (manager, campaign, provinces) =>
      this.requests.countDistributed(manager, provinces, campaign.startsOn, campaign.endsOn),
    );
    // A request has no name of its own: its reference, as its page titles it ("Request 60C5D6FF").
    this.auditSubjects.register('ToolkitRequest', async (ability, ids) =>
      (await this.requests.auditReferences(ability, ids)).map(({ id, reference, ruleFields }) => ({
        id,
        name: translate('en', 'toolkit.request.title', { reference }),
        nameFr: translate('fr', 'toolkit.request.title', { reference }),
        ruleFields,
      })),
    );
  }

  list(ctx: RequestContext, filter: ToolkitRequestFilter, first: number, after: string | null | undefined) {
    return this.requests.list(ctx.ability, filter, first, after);
  }

  countsByStatus(ctx: RequestContext) {
    return this.requests.countsByStatus(ctx.ability);
  }

  async get(ctx: RequestContext, id: string): Promise<ToolkitRequestRow> {
    const row = await this.requests.findVisible(ctx.ability, id);
    if (!row) throw new NotFoundException('ToolkitRequest');
    return row;
  }

  lines(requestIds: readonly string[]) {
    return this.requests.lines(requestIds);
  }

  /** A request from a signed-in member (always for their organization), coordinator or staff. */
  async create(ctx: RequestContext, input: CreateToolkitRequestInput): Promise<ToolkitRequestRow> {
    const actor = ctx.actor!;
    const organizationId = actor.role === 'MEMBER' ? (input.organizationId ?? actor.organizationId) : (input.organizationId ?? null);
    const source = actor.role === 'MEMBER' ? 'member' : actor.role === 'COORDINATOR' ? 'coordinator' : 'staff';
    if (!ctx.ability.can('create', subject('ToolkitRequest', { provinceCode: input.provinceCode, organizationId, createdById: actor.id }))) {
      const field = actor.role === 'MEMBER' ? 'organizationId' : 'provinceCode';
      throw new BadUserInputException([{ path: ['input', field], code: field === 'organizationId' ? 'organizationUnknown' : 'outsideRegions' }]);
    }
    return this.writer.transaction(async (manager) => {
      await this.assertItemsUsable(manager, input.items);
      if (organizationId && !(await this.organizations.visibleActiveIds(manager, ctx, [organizationId])).has(organizationId)) {
        throw new BadUserInputException([{ path: ['input', 'organizationId'], code: 'organizationUnknown' }]);
      }
      const row = await this.insert(
        manager,
        ctx,
        {
          source,
          status: 'requested',
          language: input.language,
          organizationId,
          requesterName: input.recipientName ?? null,
          requesterEmail: null,
          requesterOrganization: null,
          addressLine: input.addressLine ?? null,
          city: input.city ?? null,
          provinceCode: input.provinceCode,
          postalCode: input.postalCode ?? null,
          note: input.note ?? null,
          createdById: actor.id,
          dedupeKey: null,
          downloadToken: newDownloadToken(),
        },
        input.items,
      );
      const recipients = await this.contacts.mailRecipients(manager, { userIds: [actor.id] });
      await this.notify(manager, toolkitConfirmationMail, recipients, row, (items) => ({ name: null, reference: row.reference, items }));
      return row;
    });
  }

  /**
   * The public form: validated and counted before this. A repeat of the same request
   * (same person, address and items) within minutes answers the first one's reference
   * and stores nothing; two identical submissions at once are serialized on their fingerprint.
   */
  async createPublic(ctx: RequestContext, input: PublicToolkitRequestInput): Promise<{ reference: string; repeated: boolean }> {
    const key = requestFingerprint(input);
    return this.writer.transaction(async (manager) => {
      await this.requests.lockDedupeKey(manager, key);
      const earlier = await this.requests.recentByDedupeKey(manager, key, new Date(Date.now() - duplicateWindowMinutes * 60_000));
      if (earlier) return { reference: earlier.reference, repeated: true };
      await this.assertItemsUsable(manager, input.items);
      const row = await this.insert(
        manager,
        ctx,
        {
          source: 'public',
          status: 'requested',
          language: input.language,
          organizationId: null,
          requesterName: input.name,
          requesterEmail: input.email,
          requesterOrganization: input.organizationName ?? null,
          addressLine: input.addressLine,
          city: input.city,
          provinceCode: input.provinceCode,
          postalCode: input.postalCode,
          note: input.note ?? null,
          createdById: null,
          dedupeKey: key,
          downloadToken: newDownloadToken(),
        },
        input.items,
      );
      await this.notify(manager, toolkitConfirmationMail, [{ email: input.email, language: input.language }], row, (items) => ({
        name: input.name,
        reference: row.reference,
        items,
      }));
      return { reference: row.reference, repeated: false };
    });
  }

  /**
   * One step of the lifecycle, through the records' write cycle (scope, version,
   * audit): deciding (approve, assign, decline) is the office's, moving it along
   * (ship, deliver) also its deliverer's. A step the status does not allow is
   * BAD_USER_INPUT naming the allowed ones. Shipping takes the stock in the same
   * transaction (CONFLICT naming the item when short; nothing changes).
   */
  async move(ctx: RequestContext, input: MoveToolkitRequestInput): Promise<ToolkitRequestRow> {
    const deliveryStep = input.step === 'ship' || input.step === 'deliver';
    return this.writer.update(ctx, stepKind, this.requests, input, {
      given: [deliveryStep ? toolkitRequestSteps.deliver : toolkitRequestSteps.decide],
      plan: async (before, manager) => {
        const allowed = toolkitSteps[before.status];
        if (!allowed.includes(input.step)) {
          throw new BadUserInputException(
            [{ path: ['input', 'step'], code: 'toolkitStep', params: { status: before.status, allowed: allowed.join(', ') || 'none' } }],
            `This request is ${before.status}: the steps allowed are ${allowed.join(', ') || 'none'}`,
          );
        }
        const now = new Date();
        const values: ToolkitRequestValues = { status: toolkitStepTarget[input.step], statusChangedAt: now };
        if (input.step === 'assign') Object.assign(values, await this.assignee(manager, ctx, input));
        if (input.step === 'decline') Object.assign(values, { declineReason: input.reason!, closedAt: now });
        if (input.step === 'deliver') values.closedAt = now;
        if (input.step === 'ship') {
          const lines = await this.requests.lines([before.id], manager);
          await this.catalogue.ship(
            manager,
            ctx,
            before.id,
            lines.map((line, index) => ({ itemId: line.itemId, quantity: line.quantity, index })),
          );
        }
        const next = { ...before, ...values };
        return {
          values,
          also: {
            field: 'status',
            apply: async (tx) => {
              await this.notifyStep(tx, input.step, next);
              return stepEntries(next);
            },
          },
        };
      },
    });
  }

  /**
   * A packing batch: each request shipped in its own transaction (the same step as one
   * at a time), in the order given, so what stock allows ships and the rest wait, each
   * with the reason it answered (CONFLICT naming the short item, a stale version, a status
   * that does not ship). Nothing waits silently.
   */
  async shipBatch(ctx: RequestContext, input: ShipToolkitBatchInput): Promise<{ shipped: ToolkitRequestRow[]; waited: ToolkitBatchWait[] }> {
    const shipped: ToolkitRequestRow[] = [];
    const waited: ToolkitBatchWait[] = [];
    for (const target of input.requests) {
      try {
        shipped.push(await this.move(ctx, { ...target, step: 'ship' }));
      } catch (error) {
        if (!(error instanceof DomainException)) throw error;
        // The first field problem, encoded as the staff app reads problems (decision 057): the item short, a step refused.
        const [problem] = error.fields;
        waited.push({
          id: target.id,
          reference: target.id.slice(0, 8).toUpperCase(),
          code: error.code,
          problem: problem ? encodeProblem({ code: problem.code, params: problem.params }) : null,
        });
      }
    }
    return { shipped, waited };
  }

  /** The member organizations of a region the caller may ask for, in name order: what a bulk request would reach. */
  async bulkTargets(ctx: RequestContext, regionId: string): Promise<OrganizationRow[]> {
    const targets: OrganizationRow[] = [];
    let after: string | null = null;
    do {
      const page = await this.organizations.list(ctx, { regionId, memberships: ['member'], archived: false, sort: 'NAME' }, 200, after);
      targets.push(
        ...page.rows.filter((organization) =>
          ctx.ability.can(
            'create',
            subject('ToolkitRequest', { provinceCode: organization.provinceCode, organizationId: organization.id, createdById: ctx.actor?.id ?? null }),
          ),
        ),
      );
      after = page.hasNextPage ? page.endCursor : null;
    } while (after && targets.length <= bulkLimit);
    if (targets.length > bulkLimit) throw new BadUserInputException([{ path: ['input', 'regionId'], code: 'tooMany', params: { max: bulkLimit } }]);
    return targets;
  }

  /** "Send the starter kit to every member organization in the Atlantic region": one approved request each, in one transaction. */
  async createBulk(ctx: RequestContext, input: BulkToolkitRequestInput): Promise<ToolkitRequestRow[]> {
    if (ctx.actor?.role === 'MEMBER' || ctx.actor?.role === 'FUNDER') throw new ForbiddenException();
    const targets = await this.bulkTargets(ctx, input.regionId);
    return this.writer.transaction(async (manager) => {
      await this.assertItemsUsable(manager, input.items);
      const created: ToolkitRequestRow[] = [];
      for (const organization of targets) {
        created.push(
          await this.insert(
            manager,
            ctx,
            {
              source: ctx.actor?.role === 'COORDINATOR' ? 'coordinator' : 'staff',
              // Sent on the office's own decision: nothing to approve.
              status: 'approved',
              language: input.language ?? (organization.provinceCode === 'QC' ? 'fr' : 'en'),
              organizationId: organization.id,
              requesterName: null,
              requesterEmail: null,
              requesterOrganization: null,
              addressLine: null,
              city: organization.city,
              provinceCode: organization.provinceCode,
              postalCode: organization.postalCode,
              note: input.note ?? null,
              createdById: ctx.actor?.id ?? null,
              dedupeKey: null,
              downloadToken: newDownloadToken(),
            },
            input.items,
          ),
        );
      }
      return created;
    });
  }

  /** A tracked download: the file's address, counted once per request (not per click). */
  async download(token: string, itemId: string): Promise<string> {
    const found = await this.requests.recordDownload(token, itemId);
    if (!found) throw new NotFoundException('ToolkitItem');
    return found.downloadUrl;
  }

  private async insert(
    manager: EntityManager,
    ctx: RequestContext,
    request: NewToolkitRequest,
    items: { itemId: string; quantity: number }[],
  ): Promise<ToolkitRequestRow> {
    const id = await this.requests.insert(manager, request);
    await this.requests.insertLines(manager, id, items);
    // Read back without scope: a public requester may not read what they created.
    const row = (await this.requests.findById(manager, id))!;
    await this.writer.created(manager, ctx, toolkitRequestKind, { ...row, lines: items });
    return row;
  }

  private async assertItemsUsable(manager: EntityManager, lines: { itemId: string }[]): Promise<ToolkitItemRow[]> {
    const items = new Map(
      (
        await this.catalogue.byIds(
          lines.map((line) => line.itemId),
          manager,
        )
      ).map((item) => [item.id, item]),
    );
    const problems: FieldProblemInput[] = lines.flatMap((line, index) =>
      items.get(line.itemId) && items.get(line.itemId)!.archivedAt === null
        ? []
        : [{ path: ['input', 'items', index, 'itemId'], code: 'toolkitItemUnknown' as const }],
    );
    if (problems.length) throw new BadUserInputException(problems, 'Some items are not in the catalogue');
    return [...items.values()];
  }

  private async assignee(manager: EntityManager, ctx: RequestContext, input: MoveToolkitRequestInput): Promise<ToolkitRequestValues> {
    if (input.assigneeId) {
      await this.owners.assertAssignable(manager, ctx, input.assigneeId, ['input', 'assigneeId']);
      return { assigneeId: input.assigneeId, assigneeOrganizationId: null };
    }
    const organizationId = input.assigneeOrganizationId!;
    if (!(await this.organizations.visibleActiveIds(manager, ctx, [organizationId])).has(organizationId)) {
      throw new BadUserInputException([{ path: ['input', 'assigneeOrganizationId'], code: 'organizationUnknown' }]);
    }
    return { assigneeId: null, assigneeOrganizationId: organizationId };
  }

  /** The e-mails a step sends, queued in its transaction: the deliverer on assignment, the requester on shipping. */
  private async notifyStep(manager: EntityManager, step: MoveToolkitRequestInput['step'], row: ToolkitRequestRow): Promise<void> {
    if (step === 'assign') {
      const recipients = await this.contacts.mailRecipients(manager, {
        userIds: row.assigneeId ? [row.assigneeId] : [],
        ...(row.assigneeOrganizationId ? { organizationId: row.assigneeOrganizationId } : {}),
      });
      await this.notify(manager, toolkitAssignedMail, recipients, row, (items) => ({
        reference: row.reference,
        city: row.city ?? '',
        province: row.provinceCode,
        items,
        link: `${this.config.STAFF_URL}/toolkit/requests/${row.id}`,
      }));
    }
    if (step === 'ship') {
      const recipients = await this.requesterRecipients(manager, row);
      await this.notify(manager, toolkitShippedMail, recipients, row, (items) => ({ name: row.requesterName, reference: row.reference, items }));
    }
  }

  private async requesterRecipients(manager: EntityManager, row: ToolkitRequestRow): Promise<{ email: string; language: Language }[]> {
    if (row.requesterEmail) return [{ email: row.requesterEmail, language: row.language }];
    return this.contacts.mailRecipients(manager, { userIds: row.createdById ? [row.createdById] : [] });
  }

  /** One message per recipient, in their language, listing the request's items (digital ones as tracked links). */
  private async notify<P>(
    manager: EntityManager,
    template: MailTemplate<P>,
    recipients: { email: string; language: Language }[],
    row: ToolkitRequestRow,
    params: (items: { quantity: number; title: string; link?: string }[], language: Language) => P,
  ): Promise<void> {
    if (recipients.length === 0) return;
    const lines = await this.requests.lines([row.id], manager);
    const items = new Map(
      (
        await this.catalogue.byIds(
          lines.map((line) => line.itemId),
          manager,
        )
      ).map((item) => [item.id, item]),
    );
    const token = await this.requests.downloadToken(manager, row.id);
    for (const recipient of recipients) {
      const list = lines.map((line) => {
        const item = items.get(line.itemId)!;
        const title = recipient.language === 'fr' ? item.titleFr : item.titleEn;
        const downloadable = !isStocked(item) && row.status !== 'requested' && row.status !== 'declined';
        return { quantity: line.quantity, title, ...(downloadable ? { link: `${this.config.STAFF_URL}/toolkit/download/${token}/${item.id}` } : {}) };
      });
      await this.mail.queue(manager, composeMail(template, { address: recipient.email, language: recipient.language }, params(list, recipient.language)), {
        recordType: 'ToolkitRequest',
        recordId: row.id,
      });
    }
  }
}

/** Opaque token of a request's download links (not its id: links travel in e-mails). */
function newDownloadToken(): string {
  return randomBytes(24).toString('base64url');
}
