/**
 * Gathers what one turn of the event loop sends to the other thread into one message: each message wakes
 * that thread, so a burst of deliveries (or of their outcomes) costs one wake-up, not one each.
 */
export function perTurn<T>(post: (items: T[]) => void): (item: T) => void {
  let gathered: T[] = [];
  return (item) => {
    if (gathered.length === 0) {
      setImmediate(() => {
        const items = gathered;
        gathered = [];
        post(items);
      });
    }
    gathered.push(item);
  };
}
