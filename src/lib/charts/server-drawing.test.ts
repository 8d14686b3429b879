import { describe, expect, it, vi } from 'vitest';
import { parseHTML } from 'linkedom';
import { drawnOnServer, installServerDocument, SERVER_WIDTH } from './server-drawing.ts';
import { ratioPlot } from './ratio-dots/plot.ts';
import { stackedPlot } from './stacked-shares/plot.ts';

describe('charts drawn on the server', () => {
  installServerDocument(parseHTML('<!doctype html><html><head></head><body></body></html>').document as unknown as Document);

  it('gives the markup of a Plot chart drawn with the server DOM, hidden from assistive technology, text escaped', () => {
    const html = drawnOnServer((document) =>
      ratioPlot({
        width: SERVER_WIDTH,
        document,
        dots: [
          { year: 2025, group: 'g', category: 'a', label: 'Academia <&>', ratio: 2, speakerShare: 0.2, attendeeShare: 0.1, speakerTally: null, attendeeTally: null, tally: null, suppressed: false, reason: null, uncertain: false, selected: true }
        ]
      })
    );
    expect(html).toMatch(/^<svg aria-hidden="true"/);
    expect(html).toContain(`width="${SERVER_WIDTH}"`);
    expect(html).toContain('Academia &lt;&amp;&gt;');
    expect(html).not.toContain('Academia <&>');
  });

  it('keeps a legend with its chart (Plot wraps both in a figure)', () => {
    const html = drawnOnServer((document) =>
      stackedPlot({
        width: 400,
        document,
        categories: ['female', 'male'],
        suppressedYears: [],
        cells: [
          { year: 2024, category: 'female', share: 0.4, count: 40, denominator: 100, coverage: 1, suppressed: false, reason: null, uncertain: false },
          { year: 2024, category: 'male', share: 0.6, count: 60, denominator: 100, coverage: 1, suppressed: false, reason: null, uncertain: false }
        ]
      })
    );
    expect(html).toMatch(/^<figure aria-hidden="true"/);
    expect(html.match(/<rect/g)?.length).toBeGreaterThanOrEqual(2);
  });

  it('gives nothing, and does not throw, when a chart cannot be drawn', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(drawnOnServer(() => null)).toBe('');
    expect(
      drawnOnServer(() => {
        throw new Error('no shapes on the server');
      })
    ).toBe('');
    expect(error).toHaveBeenCalledOnce();
    error.mockRestore();
  });
});
