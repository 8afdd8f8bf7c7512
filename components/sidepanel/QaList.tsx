import type { DocumentRecord, Footnote } from '../../data/dataset/types';
import { numbersLabel } from './labels';
import { usePanel } from './panel-context';
import { qaCopyText } from './qa-copy-text';
import {
  type AnswerBlock,
  layoutQa,
  type Pointer,
  type QaRow,
  questionAnchor,
  resolvePointer,
} from './qa-layout';
import { RichText } from './RichText';
import { documentHash } from './routes';

/** The resolution of "Zie hierboven": the answer it points at, quoted and linked, or links to all above. */
function PointerNote({ doc, pointer }: { doc: DocumentRecord; pointer: Pointer }) {
  const { t } = usePanel();
  const link = (block: AnswerBlock) => (
    <a href={documentHash(doc.id, { kind: 'answer', number: block.numbers[0] ?? '' })}>
      {t('sidepanel_where_answer', numbersLabel(t, block.numbers))}
    </a>
  );
  if (pointer.kind === 'above') {
    return (
      <div class="pointer">
        <p>{t('sidepanel_qa_pointsAbove')}</p>
        <ul>
          {pointer.blocks.map((block) => (
            <li key={block.anchor}>{link(block)}</li>
          ))}
        </ul>
      </div>
    );
  }
  return (
    <div class="pointer">
      <p>
        {t('sidepanel_qa_pointsTo')} {link(pointer.block)}:
      </p>
      <blockquote>{pointer.block.text}</blockquote>
    </div>
  );
}

function AnswerView({
  doc,
  rows,
  row,
  footnotes,
}: {
  doc: DocumentRecord;
  rows: QaRow[];
  row: QaRow;
  footnotes: Map<string, Footnote[]>;
}) {
  const { state, t, locale } = usePanel();
  const { block } = row;
  const pointer = resolvePointer(rows, row);
  const headingId = `${block.anchor}-heading`;
  return (
    <section id={block.anchor} class="answer" tabIndex={-1} aria-labelledby={headingId}>
      <h4 id={headingId}>{t('sidepanel_where_answer', numbersLabel(t, block.numbers))}</h4>
      {block.text === null ? (
        <p class="flag">{t('sidepanel_qa_noAnswer')}</p>
      ) : (
        <RichText
          text={block.text}
          references={doc.references}
          footnotes={footnotes.get(`a:${block.numbers.join(',')}`)}
        />
      )}
      {pointer ? <PointerNote doc={doc} pointer={pointer} /> : null}
      <button
        type="button"
        class="secondary"
        onClick={() =>
          void state.copy(
            qaCopyText(t, doc, rows, row, pointer, locale),
            t('sidepanel_copied'),
            t('sidepanel_copyFailed'),
          )
        }
      >
        {t('sidepanel_qa_copy', numbersLabel(t, block.numbers))}
      </button>
    </section>
  );
}

/** Questions in order, each followed by its answer; a shared answer once, linked from each question. */
export function QaList({ doc, footnotes }: { doc: DocumentRecord; footnotes: Map<string, Footnote[]> }) {
  const { t } = usePanel();
  const rows = layoutQa(doc.qa);
  return (
    <section class="qa" aria-labelledby="qa-heading">
      <h2 id="qa-heading">{t('sidepanel_qa_heading', String(doc.qa.length))}</h2>
      <ol class="qa-list">
        {rows.map((row) => (
          <li key={row.item.number} class="qa-item">
            <section
              id={questionAnchor(row.item.number)}
              class="question"
              tabIndex={-1}
              aria-labelledby={`${questionAnchor(row.item.number)}-heading`}
            >
              <h3 id={`${questionAnchor(row.item.number)}-heading`}>
                {t('sidepanel_where_question', row.item.number)}
              </h3>
              <RichText
                text={row.item.question}
                references={doc.references}
                footnotes={footnotes.get(`q:${row.item.number}`)}
              />
              {row.hostsAnswer ? null : (
                <p class="shared-link">
                  {t('sidepanel_qa_sharedAnswer', numbersLabel(t, row.block.numbers))}{' '}
                  <a href={documentHash(doc.id, { kind: 'answer', number: row.item.number })}>
                    {t('sidepanel_qa_toAnswer')}
                  </a>
                </p>
              )}
            </section>
            {row.hostsAnswer ? <AnswerView doc={doc} rows={rows} row={row} footnotes={footnotes} /> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
