/** The panel's state and language, provided once at the root and read by every view. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Translate } from '../i18n';
import type { PanelState } from './panel-state';

interface PanelContextValue {
  state: PanelState;
  t: Translate;
  /** BCP 47 tag for dates and numbers (`nl`, `en`). */
  locale: string;
}

export const PanelContext = createContext<PanelContextValue | null>(null);

/** The panel context; throws when a view is rendered outside `PanelApp` (a wiring bug). */
export function usePanel(): PanelContextValue {
  const value = useContext(PanelContext);
  if (!value) throw new Error('Side panel view rendered outside its PanelContext');
  return value;
}
