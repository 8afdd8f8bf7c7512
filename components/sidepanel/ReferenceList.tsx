import type { ReferenceRecord } from '../../data/dataset/types';
import { usePanel } from './panel-context';
import { documentHash } from './routes';

/** Everything this document cites, each opening the cited document (or its stub card). */
export function ReferenceList({ references }: { references: readonly ReferenceRecord[] }) {
  const { state, t } = usePanel();
  if (references.length === 0) return null;
  return (
    <section class="references" aria-labelledby="references-heading">
      <h2 id="references-heading">{t('sidepanel_references_heading', String(references.length))}</h2>
      <ul>
        {references.map((reference, i) => {
          const id = reference.ids.find((x) => state.resolve(x)?.stub === false) ?? reference.ids[0] ?? '';
          const cited = state.resolve(id);
          return (
            <li key={i}>
              <a href={documentHash(id)}>{reference.raw}</a>
              {reference.citedAs ? <span class="muted"> — {reference.citedAs}</span> : null}
              {cited && !cited.stub && cited.title ? <span class="muted"> — {cited.title}</span> : null}
              {!cited || cited.stub ? (
                <span class="badge">{t('sidepanel_reference_notInDataset')}</span>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
