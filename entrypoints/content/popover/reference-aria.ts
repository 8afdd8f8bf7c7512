/** ARIA on the reference while its popover is open; everything set here is undone on close. */
export interface ReferenceAria {
  /** Marks the reference as controlling an expanded dialog (only where the role allows it). */
  expanded(on: boolean): void;
  /** Puts the reference's original attributes back. */
  restore(): void;
}

const TOUCHED = ['aria-describedby', 'aria-controls', 'aria-expanded'] as const;

/** Roles that support `aria-expanded`; a plain marked `<span>` has none, so it only gets the description. */
function allowsExpanded(element: Element): boolean {
  const role = element.getAttribute('role');
  if (role) return ['button', 'link', 'combobox', 'tab', 'treeitem', 'menuitem'].includes(role);
  return element.matches('a[href], button, summary');
}

/**
 * The popover lives in a shadow root, where ARIA id references cannot reach; the light-DOM host
 * element carries the id instead, and its (flattened) content is the description.
 */
export function setReferenceAria(reference: HTMLElement, hostId: string): ReferenceAria {
  const original = new Map(TOUCHED.map((name) => [name, reference.getAttribute(name)]));
  const describedBy = original.get('aria-describedby');
  const ids = new Set(describedBy ? describedBy.split(/\s+/) : []);
  ids.add(hostId);
  reference.setAttribute('aria-describedby', [...ids].join(' '));
  return {
    expanded(on) {
      if (!allowsExpanded(reference)) return;
      reference.setAttribute('aria-expanded', String(on));
      reference.setAttribute('aria-controls', hostId);
    },
    restore() {
      for (const [name, value] of original) {
        if (value === null) reference.removeAttribute(name);
        else reference.setAttribute(name, value);
      }
    },
  };
}
