import { Args, Field, ID, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Id, PageArgs } from '@crm/contracts';
import { Allow, BadUserInputException, decodeCursor, encodeCursor, NotFoundException, PageInfoObject, parseInput } from '@crm/platform';
import { DataSource } from 'typeorm';

@ObjectType('MailMessage', { description: 'An e-mail as sent, or as stored when no SMTP relay is configured' })
export class MailMessageObject {
  @Field(() => ID) id: string;
  @Field() template: string;
  @Field() language: string;
  @Field() toAddress: string;
  @Field() subject: string;
  @Field() bodyText: string;
  @Field() bodyHtml: string;
  @Field() status: string;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) deliveredAt: Date | null;
}

@ObjectType('MailMessageConnection')
export class MailMessageConnection {
  @Field(() => [MailMessageObject]) nodes: MailMessageObject[];
  @Field(() => PageInfoObject) pageInfo: PageInfoObject;
}

const columns = `id, template, language, to_address AS "toAddress", subject, body_text AS "bodyText", body_html AS "bodyHtml",
  status, created_at AS "createdAt", delivered_at AS "deliveredAt"`;

@Resolver(() => MailMessageObject)
export class MailMessageResolver {
  constructor(private readonly dataSource: DataSource) {}

  @Allow('read', 'MailMessage')
  @Query(() => MailMessageConnection, { description: 'Outgoing e-mail, newest first (ADMIN)' })
  async mailMessages(
    @Args('first', { type: () => Int, nullable: true }) first: number,
    @Args('after', { nullable: true }) after: string,
  ): Promise<MailMessageConnection> {
    const page = parseInput(PageArgs, { first: first ?? undefined, after }, []);
    const cursor = decodeCursor(page.after, 2);
    if (page.after && !cursor) throw new BadUserInputException([{ path: ['after'], code: 'cursor' }]);
    const params: unknown[] = cursor ? [cursor[0], cursor[1], page.first + 1] : [page.first + 1];
    const rows: MailMessageObject[] = await this.dataSource.query(
      `SELECT ${columns} FROM mail_message
        ${cursor ? 'WHERE (created_at, id) < ($1::timestamptz, $2::uuid)' : ''}
        ORDER BY created_at DESC, id DESC LIMIT $${params.length}`,
      params,
    );
    const nodes = rows.slice(0, page.first);
    const last = nodes[nodes.length - 1];
    return { nodes, pageInfo: { hasNextPage: rows.length > page.first, endCursor: last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null } };
  }

  @Allow('read', 'MailMessage')
  @Query(() => MailMessageObject)
  async mailMessage(@Args('id', { type: () => ID }) id: string): Promise<MailMessageObject> {
    const rows: MailMessageObject[] = await this.dataSource.query(`SELECT ${columns} FROM mail_message WHERE id = $1`, [parseInput(Id, id, ['id'])]);
    if (!rows[0]) throw new NotFoundException('Message');
    return rows[0];
  }
}
