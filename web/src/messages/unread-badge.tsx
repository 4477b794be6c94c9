/** How many messages of a thread are unread, after its name; the word after the number is for screen readers. */
export function UnreadBadge({ count, word }: { count: number; word: string }) {
  if (count <= 0) return null;
  return (
    <>
      {' '}
      <span className="unread-badge">
        {count}
        <span className="visually-hidden"> {word}</span>
      </span>
    </>
  );
}
