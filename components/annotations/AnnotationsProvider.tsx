import { type ComponentChildren, createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { I18n } from '../i18n';
import { I18nContext } from '../i18n-context';
import type { AnnotationSources } from './annotation-sources';
import { PANEL_NOTES_CSS } from './panel-styles';

const SourcesContext = createContext<AnnotationSources | null>(null);

/**
 * Gives the annotation views their sources and language. The side panel wraps its app in it once
 * (`entrypoints/sidepanel/main.tsx`), so `AnnotationsView` and `NotesForDocument` mount anywhere.
 */
export function AnnotationsProvider({
  sources,
  i18n,
  children,
}: {
  sources: AnnotationSources;
  i18n: I18n;
  children: ComponentChildren;
}) {
  return (
    <SourcesContext.Provider value={sources}>
      <I18nContext.Provider value={i18n}>
        <style>{PANEL_NOTES_CSS}</style>
        {children}
      </I18nContext.Provider>
    </SourcesContext.Provider>
  );
}

/** The sources, or null outside an `AnnotationsProvider` (views then render nothing). */
export function useAnnotationSources(): AnnotationSources | null {
  return useContext(SourcesContext);
}
