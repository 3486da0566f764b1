import { Field, ID, ObjectType } from '@nestjs/graphql';
import { PageInfoObject } from '@crm/platform';

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
