import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { Id, PageArgs } from '@crm/contracts';
import { Allow, NotFoundException, parseInput } from '@crm/platform';
import { MailMessageConnection, MailMessageObject } from './dtos/mail-message.object';
import { MailMessageRepository } from './mail-message.repository';

@Resolver(() => MailMessageObject)
export class MailMessageResolver {
  constructor(private readonly messages: MailMessageRepository) {}

  @Allow('read', 'MailMessage')
  @Query(() => MailMessageConnection, { description: 'Outgoing e-mail, newest first (ADMIN)' })
  mailMessages(
    @Args('first', { type: () => Int, nullable: true }) first: number,
    @Args('after', { nullable: true }) after: string,
  ): Promise<MailMessageConnection> {
    const page = parseInput(PageArgs, { first: first ?? undefined, after }, []);
    return this.messages.list(page.first, page.after);
  }

  @Allow('read', 'MailMessage')
  @Query(() => MailMessageObject)
  async mailMessage(@Args('id', { type: () => ID }) id: string): Promise<MailMessageObject> {
    const message = await this.messages.find(parseInput(Id, id, ['id']));
    if (!message) throw new NotFoundException('Message');
    return message;
  }
}
