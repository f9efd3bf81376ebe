/** One attempt to deliver a webhook, as GitHub's `/app/hook/deliveries` lists it. */
export interface DeliveryAttempt {
  id: number;
  guid: string;
  deliveredAt: string;
  statusCode: number;
}

const succeeded = (attempt: DeliveryAttempt) => attempt.statusCode >= 200 && attempt.statusCode < 300;

/** The deliveries none of whose attempts succeeded: for each, the id of its latest attempt, to redeliver. */
export function deliveriesToRedeliver(attempts: readonly DeliveryAttempt[]): number[] {
  const byGuid = new Map<string, DeliveryAttempt[]>();
  for (const attempt of attempts) byGuid.set(attempt.guid, [...(byGuid.get(attempt.guid) ?? []), attempt]);
  return [...byGuid.values()]
    .filter((group) => !group.some(succeeded))
    .map((group) => group.reduce((latest, a) => (a.deliveredAt > latest.deliveredAt || (a.deliveredAt === latest.deliveredAt && a.id > latest.id) ? a : latest)).id);
}
