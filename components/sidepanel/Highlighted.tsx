import type { Segment } from '../../data/search/index';

/** Text with the words that matched the search in `<mark>`. */
export function Highlighted({ segments }: { segments: Segment[] }) {
  return (
    <>
      {segments.map((segment, i) =>
        // Segments are positional and never reorder: the index is a stable key.
        segment.mark ? <mark key={i}>{segment.text}</mark> : <span key={i}>{segment.text}</span>,
      )}
    </>
  );
}
