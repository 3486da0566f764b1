import { labelSheet, labelsPerSheet, needsLabel, packingDocument, packingPdf, shippingAddress, type PackingRequest } from './packing.server';

const request = (n: number, extra: Partial<PackingRequest> = {}): PackingRequest => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  reference: `REF${String(n).padStart(5, '0')}`,
  language: n % 2 ? 'fr' : 'en',
  recipient: `Recipient ${n}`,
  organization: null,
  addressLine: `${n} Main Street`,
  city: 'Ottawa',
  provinceCode: 'ON',
  postalCode: 'k1a0b1',
  lines: [{ quantity: 2, titleEn: 'Booklet', titleFr: 'Livret', digital: false }],
  ...extra,
});

const text = (node: unknown): string => JSON.stringify(node);

describe('packing PDF: a slip per request, then labels 30 to a sheet', () => {
  it('formats a Canadian postal code on the label ("K1A 0B1") and flags one that is not', () => {
    expect(shippingAddress(request(1))).toEqual({ lines: ['Recipient 1', '1 Main Street', 'Ottawa ON  K1A 0B1', 'CANADA'], postalCodeValid: true });
    expect(shippingAddress(request(2, { postalCode: '90210' })).postalCodeValid).toBe(false);
  });

  it('writes each slip in its recipient’s language, item titles included', () => {
    const { content } = packingDocument([request(1), request(2)]);
    expect(text(content[0])).toContain('Bordereau d’expédition');
    expect(text(content[0])).toContain('Livret');
    expect(text(content[1])).toContain('Packing slip');
    expect(text(content[1])).toContain('Booklet');
    expect(text(content[1])).not.toContain('Livret');
  });

  it('puts 31 labels on two sheets, the 31st at the first place of the second, within the letter page', () => {
    const requests = Array.from({ length: 31 }, (_, i) => request(i + 1));
    const document = packingDocument(requests);
    expect({ labels: document.labels, labelPages: document.labelPages }).toEqual({ labels: 31, labelPages: 2 });
    const placed = document.content.filter((node) => 'absolutePosition' in node) as { absolutePosition: { x: number; y: number } }[];
    expect(placed).toHaveLength(31);
    expect(placed[30].absolutePosition).toEqual(placed[0].absolutePosition);
    // The 30th label: third column, tenth row, inside the page.
    const last = placed[29].absolutePosition;
    expect(last.x + labelSheet.labelWidth - labelSheet.padding).toBeLessThanOrEqual(labelSheet.pageWidth);
    expect(last.y + labelSheet.labelHeight).toBeLessThanOrEqual(labelSheet.pageHeight);
    expect(new Set(placed.slice(0, labelsPerSheet).map((node) => `${node.absolutePosition.x},${node.absolutePosition.y}`)).size).toBe(30);
  });

  it('gives no label to a request of downloads only, or without an address', () => {
    expect(needsLabel(request(1, { lines: [{ quantity: 1, titleEn: 'PDF', titleFr: 'PDF', digital: true }] }))).toBe(false);
    expect(needsLabel(request(1, { addressLine: null, city: null }))).toBe(false);
    expect(packingDocument([request(1, { addressLine: null, city: null })]).labels).toBe(0);
  });

  it('renders a PDF with one page per slip and one per sheet of labels', async () => {
    const pdf = await packingPdf(Array.from({ length: 31 }, (_, i) => request(i + 1)));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g) ?? [];
    expect(pages).toHaveLength(31 + 2);
  });
});
