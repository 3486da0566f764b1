import { formatDateTime, officeTimeZone } from '@crm/i18n';
import { Text } from '@mantine/core';
import { useLanguage } from '../utils/i18n';
import { useViewer } from '../utils/root-data';

// An instant in the viewer's own time zone (their account setting), else the
// national office's; `stacked` puts the time under
// the date (table cells). Node's and the browser's ICU may space a time
// differently ("5:27 p.m." with a narrow space): the server's text is kept
// rather than flagged as a hydration mismatch.
export function DateTime({ value, stacked = false }: { value: string; stacked?: boolean }) {
  const lang = useLanguage();
  const timeZone = useViewer()?.timeZone ?? officeTimeZone;
  if (!stacked) {
    return (
      <time dateTime={value} suppressHydrationWarning>
        {formatDateTime(lang, value, { timeZone })}
      </time>
    );
  }
  return (
    <time dateTime={value}>
      <Text span size="sm" display="block" suppressHydrationWarning>
        {formatDateTime(lang, value, { part: 'date', timeZone })}
      </Text>
      <Text span size="xs" c="dimmed" display="block" suppressHydrationWarning>
        {formatDateTime(lang, value, { part: 'time', timeZone })}
      </Text>
    </time>
  );
}
