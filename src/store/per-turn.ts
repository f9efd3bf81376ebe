/**
 * Gathers what one turn of the event loop sends to the other thread into messages of at most `most` items:
 * each message wakes that thread, so a burst costs a few wake-ups, not one an item; and with a cap the other
 * thread starts on the first items while this one is still busy with the rest of its turn.
 */
export function perTurn<T>(post: (items: T[]) => void, most = Infinity): (item: T) => void {
  let gathered: T[] = [];
  let scheduled = false;
  const flush = () => {
    const items = gathered;
    gathered = [];
    if (items.length > 0) post(items);
  };
  return (item) => {
    gathered.push(item);
    if (gathered.length >= most) flush();
    else if (!scheduled) {
      scheduled = true;
      setImmediate(() => {
        scheduled = false;
        flush();
      });
    }
  };
}
