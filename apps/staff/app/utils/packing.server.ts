import { normalizePostalCode, type Language } from '@crm/contracts';
import { translator } from '@crm/i18n';
import pdfmake from 'pdfmake';

// The packing PDF of a batch of toolkit requests: a packing slip per request, then address
// labels on standard letter sheets of 30 (Avery 5160: 3 across, 10 down, 2⅝ × 1 in), each in
// its recipient's language. `packingDocument` is the pure part (tested); pdfmake draws it.

export interface PackingRequest {
  id: string;
  reference: string;
  language: Language;
  recipient: string | null;
  organization: string | null;
  addressLine: string | null;
  city: string | null;
  provinceCode: string;
  postalCode: string | null;
  lines: { quantity: number; titleEn: string; titleFr: string; digital: boolean }[];
}

/** Avery 5160 / 3×10 on US letter, in PDF points (1/72 in). */
export const labelSheet = {
  pageWidth: 612,
  pageHeight: 792,
  columns: 3,
  rows: 10,
  labelWidth: 189,
  labelHeight: 72,
  left: 13.5,
  top: 36,
  pitchX: 198,
  pitchY: 72,
  padding: 9,
} as const;
export const labelsPerSheet = labelSheet.columns * labelSheet.rows;

/** The address block of a label or slip: lines to print, and whether the postal code is a valid Canadian one. */
export function shippingAddress(request: PackingRequest): { lines: string[]; postalCodeValid: boolean } {
  const postalCode = request.postalCode ? normalizePostalCode(request.postalCode) : null;
  const cityLine = [request.city, request.provinceCode].filter(Boolean).join(' ');
  return {
    lines: [
      request.recipient,
      request.organization,
      request.addressLine,
      [cityLine, postalCode ?? request.postalCode].filter(Boolean).join('  '),
      'CANADA',
    ].filter((line): line is string => Boolean(line)),
    postalCodeValid: postalCode !== null,
  };
}

/** Whether a request gets a label: something to put in a box (not only downloads) and somewhere to send it. */
export function needsLabel(request: PackingRequest): boolean {
  return request.lines.some((line) => !line.digital) && Boolean(request.addressLine || request.city);
}

function slip(request: PackingRequest, first: boolean): object {
  const lang = request.language;
  const t = translator(lang);
  const address = shippingAddress(request);
  return {
    pageBreak: first ? undefined : 'before',
    stack: [
      { text: t('toolkit.pdf.slip'), style: 'title' },
      { text: t('toolkit.pdf.reference', { reference: request.reference }), style: 'subtitle' },
      { text: t('toolkit.pdf.shipTo'), style: 'label' },
      { stack: address.lines, margin: [0, 0, 0, 6] },
      ...(address.postalCodeValid ? [] : [{ text: t('toolkit.packing.badPostalCode'), color: '#b00020', margin: [0, 0, 0, 6] }]),
      {
        table: {
          headerRows: 1,
          widths: ['*', 60],
          body: [
            [
              { text: t('toolkit.pdf.item'), bold: true },
              { text: t('toolkit.pdf.quantity'), bold: true, alignment: 'right' },
            ],
            ...request.lines.map((line) => [
              { text: [lang === 'fr' ? line.titleFr : line.titleEn, ...(line.digital ? [{ text: ` (${t('toolkit.pdf.digital')})`, italics: true }] : [])] },
              { text: String(line.quantity), alignment: 'right' },
            ]),
          ],
        },
        layout: 'lightHorizontalLines',
        margin: [0, 12, 0, 24],
      },
      { text: t('toolkit.pdf.packedBy'), margin: [0, 24, 0, 0] },
    ],
  };
}

/** One label at its place on the sheet (`index` 0–29, across then down). */
function label(request: PackingRequest, index: number): object {
  const { columns, left, top, pitchX, pitchY, labelWidth, labelHeight, padding } = labelSheet;
  const column = index % columns;
  const row = Math.floor(index / columns);
  const address = shippingAddress(request);
  return {
    absolutePosition: { x: left + column * pitchX + padding, y: top + row * pitchY + padding / 2 },
    table: {
      widths: [labelWidth - 2 * padding],
      heights: [labelHeight - padding],
      body: [[{ stack: [...address.lines.slice(0, 5), { text: request.reference, fontSize: 6, color: '#555555' }], fontSize: 8, lineHeight: 1.05 }]],
    },
    layout: 'noBorders',
  };
}

/** The whole batch as a pdfmake document: slips first (one page each), then label sheets of 30. */
export function packingDocument(
  requests: PackingRequest[],
): { content: object[]; pageSize: string; pageMargins: number[]; labels: number; labelPages: number } & Record<string, unknown> {
  const labelled = requests.filter(needsLabel);
  const content: object[] = requests.map((request, index) => slip(request, index === 0));
  for (let start = 0; start < labelled.length; start += labelsPerSheet) {
    // An empty line opens the sheet's page; the labels sit at fixed places on it.
    content.push({ text: '', pageBreak: content.length ? 'before' : undefined });
    labelled.slice(start, start + labelsPerSheet).forEach((request, index) => content.push(label(request, index)));
  }
  return {
    pageSize: 'LETTER',
    pageMargins: [48, 48, 48, 48],
    info: { title: 'Toolkit packing', creator: 'Coalition CRM' },
    defaultStyle: { font: 'Helvetica', fontSize: 10 },
    styles: {
      title: { fontSize: 18, bold: true, margin: [0, 0, 0, 4] },
      subtitle: { fontSize: 12, margin: [0, 0, 0, 16] },
      label: { fontSize: 9, bold: true, color: '#555555', margin: [0, 0, 0, 2] },
    },
    content,
    labels: labelled.length,
    labelPages: Math.ceil(labelled.length / labelsPerSheet),
  };
}

const standardFonts = new Set(['Helvetica', 'Helvetica-Bold', 'Helvetica-Oblique', 'Helvetica-BoldOblique']);
// The PDF's standard Helvetica (no font file to ship; its Latin-1 covers French). Nothing else is read.
pdfmake.setFonts({ Helvetica: { normal: 'Helvetica', bold: 'Helvetica-Bold', italics: 'Helvetica-Oblique', bolditalics: 'Helvetica-BoldOblique' } });
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => standardFonts.has(path));

/** The batch's PDF. */
export async function packingPdf(requests: PackingRequest[]): Promise<Buffer> {
  const { labels: _labels, labelPages: _pages, ...definition } = packingDocument(requests);
  return pdfmake.createPdf(definition).getBuffer();
}
