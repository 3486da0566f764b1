import { Grid, type GridColProps } from '@mantine/core';
import type { ComponentProps, ReactNode } from 'react';
import { hintBelow, TextAreaField, TextField } from './form-fields';

// Groups of conform fields several forms lay out the same way (events, stories, campaigns,
// toolkit materials): each form names its fields, labels and test ids; the layout is here.

type AnyField = ComponentProps<typeof TextField>['field'];
const half: GridColProps['span'] = { base: 12, sm: 6 };

/**
 * A field in English and its French twin, side by side from `sm` up (two columns of a
 * Grid): names, titles, descriptions. `testId` is the pair's stem (`item-title` →
 * `item-titleEn`, `item-titleFr`); `multiline`, growing text areas; `sentence`, one line of
 * text that wraps as it grows (a policy ask: a whole sentence stays readable, Enter adds no
 * line break); `description`, under both.
 */
export function BilingualFields({
  en,
  fr,
  labels,
  testId,
  multiline,
  sentence,
  description,
}: {
  en: AnyField;
  fr: AnyField;
  labels: readonly [string, string];
  testId: string;
  multiline?: boolean;
  sentence?: boolean;
  description?: ReactNode;
}) {
  const pair = [
    { field: en, label: labels[0], lang: 'en', testId: `${testId}En` },
    { field: fr, label: labels[1], lang: 'fr', testId: `${testId}Fr` },
  ];
  return (
    <>
      {pair.map(({ field, label, lang, testId: id }) => (
        <Grid.Col key={lang} span={half}>
          {multiline ? (
            <TextAreaField field={field} label={label} description={description} lang={lang} data-testid={id} />
          ) : sentence ? (
            <TextAreaField
              field={field}
              label={label}
              description={description}
              lang={lang}
              data-testid={id}
              minRows={1}
              onKeyDown={(event) => {
                if (event.key === 'Enter') event.preventDefault();
              }}
            />
          ) : (
            <TextField field={field} label={label} description={description} lang={lang} data-testid={id} />
          )}
        </Grid.Col>
      ))}
    </>
  );
}

/** When something starts and ends, side by side (two columns of a Grid, `span` each): a campaign's dates, an event's times. */
export function DateRangeFields({
  start,
  end,
  type,
  labels,
  testIds,
  span = half,
}: {
  start: AnyField;
  end: AnyField;
  type: 'date' | 'datetime-local';
  labels: readonly [string, string];
  testIds: readonly [string, string];
  span?: GridColProps['span'];
}) {
  return (
    <>
      <Grid.Col span={span}>
        <TextField field={start} type={type} label={labels[0]} data-testid={testIds[0]} />
      </Grid.Col>
      <Grid.Col span={span}>
        <TextField field={end} type={type} label={labels[1]} data-testid={testIds[1]} />
      </Grid.Col>
    </>
  );
}

/** A count (copies in stock, a threshold): a whole number from 0, with the number keyboard on a phone. */
export function CountField({ field, label, description, testId }: { field: AnyField; label: string; description?: ReactNode; testId: string }) {
  return (
    <TextField
      field={field}
      type="number"
      min={0}
      inputMode="numeric"
      label={label}
      description={description}
      inputWrapperOrder={hintBelow}
      data-testid={testId}
    />
  );
}
