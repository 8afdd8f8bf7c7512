/** Rendering annotation views in happy-dom, with fake sources and the real messages. */
import { type ComponentChildren, render } from 'preact';
import { act } from 'preact/test-utils';
import { AnnotationsProvider } from '../../../components/annotations/AnnotationsProvider';
import type { AnnotationSources } from '../../../components/annotations/annotation-sources';
import type { Translate } from '../../../components/i18n';
import { translatorFor } from '../../../components/i18n';
import type { AnnotationRecord } from '../../../data/annotations/model';
import type { ImportReport } from '../../../data/db/annotations';
import type { AnnotationPageStatus } from '../../../data/messages';
import type { Result } from '../../../data/result';
import en from '../../../public/_locales/en/messages.json';
import nl from '../../../public/_locales/nl/messages.json';

/** Translators over the shipped messages. */
export const T: Record<'nl' | 'en', Translate> = { nl: translatorFor(nl), en: translatorFor(en) };

/** Let promises and timers of the views run. */
export async function settle(ms = 0): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, ms));
  });
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

/** Fake sources over an in-memory list; `calls` records what the views did. */
export function fakeSources(
  initial: AnnotationRecord[],
  options: { status?: AnnotationPageStatus | null; pageUrl?: string } = {},
) {
  let records = [...initial];
  const calls: { name: string; args: unknown[] }[] = [];
  const downloads: { name: string; type: string; text: string }[] = [];
  const listeners = new Set<() => void>();
  let failNext: string | null = null;
  const ok = <T,>(value: T): Result<T> => (failNext ? { ok: false, error: failNext } : { ok: true, value });
  const sources: AnnotationSources = {
    listAll: async () => ok([...records]),
    forDocuments: async (ids) =>
      ok(records.filter((r) => r.body.linkedDocumentIds.some((id) => ids.includes(id)))),
    async save(record) {
      calls.push({ name: 'save', args: [record] });
      if (failNext) return { ok: false, error: failNext };
      records = [record, ...records.filter((r) => r.id !== record.id)];
      return { ok: true, value: record };
    },
    async remove(id) {
      calls.push({ name: 'remove', args: [id] });
      const found = records.find((r) => r.id === id) ?? null;
      records = records.filter((r) => r.id !== id);
      return { ok: true, value: found };
    },
    async restore(record) {
      calls.push({ name: 'restore', args: [record] });
      records = [record, ...records];
      return { ok: true, value: record };
    },
    async importFile(text) {
      calls.push({ name: 'import', args: [text] });
      const report: ImportReport = JSON.parse(text);
      return { ok: true, value: report };
    },
    search: async (query) =>
      query.toLowerCase().includes('monitoring')
        ? [
            {
              id: 'kst-34352-349',
              title: 'Monitoringsbrief Participatiewet 2025',
              citation: 'Kamerstukken II 2025/26, 34352, nr. 349',
              stub: false,
            },
          ]
        : [],
    describe: async (ids) =>
      new Map(
        ids
          .filter((id) => id === 'kst-34352-349')
          .map((id) => [
            id,
            {
              citation: 'Kamerstukken II 2025/26, 34352, nr. 349',
              title: 'Monitoringsbrief Participatiewet 2025',
            },
          ]),
      ),
    activePage: async () =>
      options.pageUrl ? { tabId: 7, url: options.pageUrl, title: 'Het artikel' } : null,
    pageStatus: async () => options.status ?? null,
    pageCitations: async () => null,
    async reveal(tabId, id) {
      calls.push({ name: 'reveal', args: [tabId, id] });
      return true;
    },
    onChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    download: (name, type, text) => downloads.push({ name, type, text }),
  };
  return {
    sources,
    calls,
    downloads,
    records: () => records,
    failWith: (error: string | null) => (failNext = error),
    changed: () => {
      for (const listener of listeners) listener();
    },
  };
}

/** Render `children` inside the provider; returns the root and cleanup. */
export async function renderWith(
  sources: AnnotationSources,
  children: ComponentChildren,
  lang: 'nl' | 'en' = 'nl',
) {
  const root = document.createElement('div');
  document.body.append(root);
  act(() => {
    render(
      <AnnotationsProvider sources={sources} i18n={{ t: T[lang], locale: lang }}>
        {children}
      </AnnotationsProvider>,
      root,
    );
  });
  await settle();
  return {
    root,
    text: (selector: string) =>
      root.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? null,
    all: (selector: string) =>
      [...root.querySelectorAll(selector)].map((n) => n.textContent?.replace(/\s+/g, ' ').trim() ?? ''),
    button: (name: string) =>
      [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === name) as
        | HTMLButtonElement
        | undefined,
    async click(element: Element | null | undefined) {
      if (!element) throw new Error('nothing to click');
      act(() => (element as HTMLElement).click());
      await settle();
    },
    unmount() {
      render(null, root);
      root.remove();
    },
  };
}

/** Type into an input or textarea as a user would (value + input event). */
export async function typeInto(element: Element | null, value: string): Promise<void> {
  if (!(element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement))
    throw new Error('not a field');
  act(() => {
    element.value = value;
    element.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await settle();
}

/** Press a key on an element. */
export async function press(
  element: Element | null,
  key: string,
  init: KeyboardEventInit = {},
): Promise<void> {
  if (!element) throw new Error('no element');
  act(() => {
    element.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }));
  });
  await settle();
}
