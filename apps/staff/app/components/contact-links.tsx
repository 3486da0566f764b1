import { formatPhone, phoneHref } from '@crm/contracts';
import { Anchor, type AnchorProps } from '@mantine/core';

// Contact details people act on: a phone opens the dialler, an e-mail the mail app.
// Phones are stored in E.164 and shown as people write them (decision 031).

export function PhoneLink({ phone, ...props }: { phone: string } & AnchorProps) {
  return (
    <Anchor href={phoneHref(phone)} {...props}>
      {formatPhone(phone)}
    </Anchor>
  );
}

export function EmailLink({ email, ...props }: { email: string } & AnchorProps) {
  return (
    <Anchor href={`mailto:${email}`} style={{ overflowWrap: 'anywhere' }} {...props}>
      {email}
    </Anchor>
  );
}
