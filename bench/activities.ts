// Teams-shaped message activities for the end-to-end and cold-start benchmarks, and a client that posts them to
// /api/messages with deliveryMode "expectReplies", so the HTTP response carries the bot's replies.

let counter = 0;

/** A question in a personal (1:1) chat with the bot. */
export function personalMessage(text: string): Record<string, unknown> {
  counter++;
  return {
    type: 'message',
    id: `bench-${counter}`,
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    timestamp: new Date().toISOString(),
    locale: 'nl-NL',
    from: { id: '29:bench-user', name: 'Bench User', aadObjectId: '00000000-0000-0000-0000-00000000beef' },
    recipient: { id: '28:lovp-bot-id', name: 'LOVP' },
    conversation: { id: 'a:bench-personal-chat', conversationType: 'personal', tenantId: '00000000-0000-0000-0000-0000000000aa' },
    channelData: { tenant: { id: '00000000-0000-0000-0000-0000000000aa' } },
    deliveryMode: 'expectReplies',
    text,
  };
}

export interface Reply {
  status: number;
  /** Text of the first reply activity, '' when none. */
  text: string;
}

export async function postActivity(url: string, activity: Record<string, unknown>): Promise<Reply> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  const body = (await res.json().catch(() => undefined)) as { activities?: { text?: string }[] } | undefined;
  return { status: res.status, text: body?.activities?.[0]?.text ?? '' };
}
