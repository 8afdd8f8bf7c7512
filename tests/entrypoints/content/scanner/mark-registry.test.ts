import { describe, expect, it } from 'vitest';
import { scanPage } from './scanner-helpers';

describe('mark registry', () => {
  it('answers for marks, elements inside marks and links around marks; not for forged marks', async () => {
    const { scanner } = await scanPage(
      '<p>Zie Kamerstuk 34 352, <a href="#">nr. 349</a>.</p>' +
        '<p><kamerlens-ref data-kamerlens-ref="kst-1-1" data-kamerlens-group="1">geen verwijzing</kamerlens-ref></p>',
    );
    const { registry } = scanner;
    const [first, second] = [...document.querySelectorAll('kamerlens-ref')] as [Element, Element];
    const link = document.querySelector('a') as Element;
    const group = registry.groupOf(first) as number;
    expect(registry.citationOf(first)?.ids).toEqual(['kst-34352-349']);
    expect(registry.groupOf(second)).toBe(group);
    expect(registry.groupOf(link)).toBe(group);
    expect(registry.marksOfGroup(group)).toEqual([first, second]);
    expect(registry.pageReferences()).toEqual([{ group, citation: registry.citationOf(first) }]);
    // A previous instance's (or a page's) kamerlens-ref is unwrapped at start and never trusted.
    expect(document.querySelectorAll('kamerlens-ref')).toHaveLength(2);
    const forged = document.createElement('kamerlens-ref');
    forged.setAttribute('data-kamerlens-group', String(group));
    expect(registry.citationOf(forged)).toBeUndefined();
  });
});
