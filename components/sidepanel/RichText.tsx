import { useState } from 'preact/hooks';
import type { Footnote, ReferenceRecord } from '../../data/dataset/types';
import { usePanel } from './panel-context';
import { richPieces } from './rich-text';
import { documentHash } from './routes';

/** A footnote marker that opens the footnote inline (a disclosure button). */
function FootnoteMarker({
  footnote,
  references,
}: {
  footnote: Footnote;
  references: readonly ReferenceRecord[];
}) {
  const { t } = usePanel();
  const [open, setOpen] = useState(false);
  const id = `footnote-${footnote.number}`;
  return (
    <>
      <button
        type="button"
        class="footnote-marker"
        aria-expanded={open}
        aria-controls={id}
        aria-label={t('sidepanel_footnote_toggle', footnote.number)}
        onClick={() => setOpen(!open)}
      >
        {footnote.number}
      </button>
      <span id={id} class="footnote-inline" role="note" hidden={!open}>
        {open ? <Paragraph text={footnote.text} references={references} /> : null}
      </span>
    </>
  );
}

/** One paragraph: references are links into the reader, footnotes open inline. */
function Paragraph({
  text,
  references,
  footnotes = [],
}: {
  text: string;
  references: readonly ReferenceRecord[];
  footnotes?: readonly Footnote[];
}) {
  const { state, t } = usePanel();
  return (
    <>
      {richPieces(text, state.recognize, references, footnotes).map((piece, i) => {
        if (piece.kind === 'text') return <span key={i}>{piece.text}</span>;
        if (piece.kind === 'footnote')
          return <FootnoteMarker key={i} footnote={piece.footnote} references={references} />;
        // Link to the first paper the dataset has in full, else the first one named.
        const target = piece.ids.find((id) => state.resolve(id)?.stub === false) ?? piece.ids[0] ?? '';
        const known = state.resolve(target);
        return (
          <a
            key={i}
            class={known && !known.stub ? 'reference' : 'reference reference-external'}
            href={documentHash(target)}
            title={known?.title ?? t('sidepanel_reference_notInDataset')}
          >
            {piece.text}
          </a>
        );
      })}
    </>
  );
}

/** A text of one or more lines as paragraphs. */
export function RichText({
  text,
  references,
  footnotes = [],
}: {
  text: string;
  references: readonly ReferenceRecord[];
  footnotes?: readonly Footnote[];
}) {
  const lines = text.split(/\n+/).filter((line) => line.trim() !== '');
  return (
    <>
      {lines.map((line, i) => (
        <p key={i}>
          <Paragraph text={line} references={references} footnotes={footnotes} />
        </p>
      ))}
    </>
  );
}
