import type { DocumentRecord, Footnote } from '../../data/dataset/types';
import { usePanel } from './panel-context';
import { RichText } from './RichText';

/** Element id of a letter section. */
export function sectionAnchor(index: number): string {
  return `section-${index}`;
}

/** A letter's sections with their headings; footnote markers open the footnote in place. */
export function LetterSections({
  doc,
  footnotes,
}: {
  doc: DocumentRecord;
  footnotes: Map<string, Footnote[]>;
}) {
  const { t } = usePanel();
  return (
    <section class="letter" aria-label={t('sidepanel_letter_label')}>
      {doc.sections.map((section, s) => {
        const headingId = `${sectionAnchor(s)}-heading`;
        return (
          <section
            key={s}
            id={sectionAnchor(s)}
            class="letter-section"
            tabIndex={-1}
            aria-labelledby={section.heading ? headingId : undefined}
            aria-label={section.heading ? undefined : t('sidepanel_where_section', String(s + 1))}
          >
            {section.heading ? <h2 id={headingId}>{section.heading}</h2> : null}
            {section.paragraphs.map((paragraph, p) => (
              <RichText
                key={p}
                text={paragraph}
                references={doc.references}
                footnotes={footnotes.get(`s:${s}:${p}`)}
              />
            ))}
          </section>
        );
      })}
    </section>
  );
}
