/**
 * Gathers what one turn of the event loop hands on into one call once the turn is over: the inbox writes a
 * turn's deliveries to its file in one write, and wakes its thread with one message.
 */
export function perTurn<T>(post: (items: T[]) => void): (item: T) => void {
  let gathered: T[] = [];
  let scheduled = false;
  return (item) => {
    gathered.push(item);
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      const items = gathered;
      gathered = [];
      post(items);
    });
  };
}
